using StepProducer.Den;
using StepProducer.TestSupport;

namespace StepProducer.Den.Tests;

public class ValueTypeTests
{
    public static TheoryData<RecordSource, string> Sources => new()
    {
        { RecordSource.Timer, "timer" },
        { RecordSource.Restore, "restore" },
        { RecordSource.Shutdown, "shutdown" },
        { RecordSource.Line(12), "stdin:12" },
        { RecordSource.StreamEntry("step:collisions", 1718000000123, 7), "step:collisions/1718000000123-7" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void RecordSource_Formats_AsUtf8AndAsText(RecordSource source, string expected)
    {
        Span<byte> buffer = stackalloc byte[64];
        Assert.True(source.TryFormat(buffer, out var written));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(buffer[..written]));
        Assert.Equal(expected, source.ToString());
        Span<char> chars = stackalloc char[64];
        Assert.True(((ISpanFormattable)source).TryFormat(chars, out var charsWritten, default, null));
        Assert.Equal(expected, chars[..charsWritten].ToString());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void RecordSource_TooSmallBuffer_ReturnsFalse(RecordSource source, string expected)
    {
        var buffer = new byte[expected.Length - 1];
        Assert.False(source.TryFormat(buffer, out _));
    }

    [Fact]
    public void RecordSource_FormatUtf8_AllocatesNothing()
    {
        var source = RecordSource.StreamEntry("step:collisions", 1718000000123, 7);
        var buffer = new byte[64];
        var (allocated, _) = SteadyStateAllocations.Measure(() =>
        {
            for (var index = 0; index < 1000; index++)
            {
                source.TryFormat(buffer, out _);
                RecordSource.Line(index).TryFormat(buffer, out _);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void StationIdSet_AnyOrder_SameSetAndHash()
    {
        var first = new StationIdSet();
        var second = new StationIdSet();
        foreach (var id in new uint[] { 30, 10, 20 })
        {
            first.Add(id);
        }

        foreach (var id in new uint[] { 20, 30, 10 })
        {
            second.Add(id);
        }

        Assert.Equal([10u, 20u, 30u], first.AsSpan().ToArray());
        Assert.True(first.Equals(second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(new EventKey(first, CollisionRisk.Crossing), new EventKey(second, CollisionRisk.Crossing));
        Assert.NotEqual(new EventKey(first, CollisionRisk.Crossing), new EventKey(second, CollisionRisk.Lateral));
    }

    [Fact]
    public void StationIdSet_DuplicateAndSeventeenth_AreRefusedWithoutChange()
    {
        var set = new StationIdSet();
        for (uint id = 1; id <= StationIdSet.MaxCount; id++)
        {
            Assert.Equal(StationIdSet.AddResult.Added, set.Add(id));
        }

        Assert.Equal(StationIdSet.AddResult.Duplicate, set.Add(5));
        Assert.Equal(StationIdSet.AddResult.Full, set.Add(99));
        Assert.Equal(StationIdSet.MaxCount, set.Count);
    }

    [Theory]
    [InlineData("longitudinal", CollisionRisk.Longitudinal)]
    [InlineData("crossing", CollisionRisk.Crossing)]
    [InlineData("lateral", CollisionRisk.Lateral)]
    [InlineData("vulnerableRoadUser", CollisionRisk.VulnerableRoadUser)]
    [InlineData("pedestrian", CollisionRisk.Pedestrian)]
    [InlineData("cyclist", CollisionRisk.Cyclist)]
    [InlineData("motorVehicle", CollisionRisk.MotorVehicle)]
    [InlineData("unknown", CollisionRisk.Unknown)]
    public void CollisionRiskNames_RoundTrip(string name, CollisionRisk risk)
    {
        Assert.True(CollisionRiskNames.TryParse(System.Text.Encoding.UTF8.GetBytes(name), out var parsed));
        Assert.Equal(risk, parsed);
        Assert.Equal(name, System.Text.Encoding.UTF8.GetString(CollisionRiskNames.GetUtf8Name(risk)));
    }

    [Fact]
    public void CollisionRiskNames_UnknownName_IsRefused() =>
        Assert.False(CollisionRiskNames.TryParse("Crossing"u8, out _));

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0.0, 1)]
    [InlineData(0.01, 1)]
    [InlineData(1.0 / 7, 1)]
    [InlineData(0.15, 2)]
    [InlineData(0.5, 4)]
    [InlineData(0.99, 7)]
    [InlineData(1.0, 7)]
    public void InformationQuality_FromProbability_IsCeilOfSevenTimesPClampedTo1To7(double? probability, int expected) =>
        Assert.Equal(expected, DenService.ToInformationQuality(probability));
}
