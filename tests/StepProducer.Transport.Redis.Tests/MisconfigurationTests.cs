using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>A command that fails inside EXEC (EXEC does not roll back) stops the real program with exit code 1.</summary>
public sealed class MisconfigurationTests : RedisServerTest
{
    [Fact]
    public async Task OutputKeyOfTheWrongType_LogsCommandAndKey_StopsConsumingAndExits1()
    {
        await Database.StringSetAsync(ProducerConfig.Output, "not a stream");
        using var producer = ProducerProcess.Start(new ProducerConfig(Server).Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");

        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));

        Assert.Equal(1, await producer.WaitForExitAsync());
        var failure = Assert.Single(producer.StandardErrorLines, line => line.Contains("[5005]", StringComparison.Ordinal));
        Assert.Contains("XADD", failure);
        Assert.Contains($"'{ProducerConfig.Output}'", failure);
        Assert.Contains("WRONGTYPE", failure);
    }
}
