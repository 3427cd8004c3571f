namespace StepProducer.Transport.Redis.Tests;

public sealed class ClusterHashSlotsTests
{
    [Theory]
    // Reference values: the cluster spec's CRC16 check value (CRC16("123456789") = 0x31C3 = 12739), and
    // CLUSTER KEYSLOT of redis-server 7.0 for the other keys.
    [InlineData("123456789", 12739)]
    [InlineData("foo", 12182)]
    [InlineData("{user1000}.following", 3443)]
    [InlineData("user1000", 3443)]
    [InlineData("foo{}{bar}", 8363)]
    public void Slot_KnownKeys_MatchesRedis(string key, int expected) =>
        Assert.Equal(expected, ClusterHashSlots.Slot(key));

    [Fact]
    public void CheckOneSlot_SharedHashTag_Passes() =>
        Assert.Null(ClusterHashSlots.CheckOneSlot(
            ["{station-7}:events", "{station-7}:denm", "{station-7}:dead", "step_producer:{station-7}:epoch"]));

    [Fact]
    public void CheckOneSlot_StreamWithoutTag_NamesTheKeyAndTheRule()
    {
        var error = ClusterHashSlots.CheckOneSlot(["{station-7}:events", "step:denm", "step_producer:{station-7}:epoch"]);
        Assert.NotNull(error);
        Assert.Contains("'step:denm'", error);
        Assert.Contains("one hash tag", error);
    }
}
