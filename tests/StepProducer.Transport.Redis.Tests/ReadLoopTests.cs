using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>The read loop of the real step_producer against a real redis-server: blocking reads when idle.</summary>
public sealed class ReadLoopTests : RedisServerTest
{
    [Fact]
    public async Task Idle_NoEntries_WaitsInBlockingReadsInsteadOfPolling()
    {
        using var producer = ProducerProcess.Start(new ProducerConfig(Server).Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");
        await Task.Delay(500);

        var before = await XReadGroupCallsAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var calls = await XReadGroupCallsAsync() - before;

        // Polling every 1 to 4 ms (the loop before blocking reads) sent 250 to 1,000 XREADGROUPs per second
        // per input. Blocking, an idle round is a non-blocking XREADGROUP per input (2) and one XREADGROUP
        // BLOCK of up to 1 s (no DEN entry, no timer): about 3 per second, 9 here; 30 leaves room for a slow
        // machine without letting polling pass.
        Assert.InRange(calls, 1, 30);
        var clients = (string)(await Database.ExecuteAsync("CLIENT", "LIST"))!;
        Assert.Contains("name=rsu-a:reads", clients, StringComparison.Ordinal);
    }

    /// <summary>XREADGROUP calls the server has run so far (INFO commandstats).</summary>
    private async Task<long> XReadGroupCallsAsync()
    {
        var stats = (string)(await Database.ExecuteAsync("INFO", "commandstats"))!;
        var line = stats.Split('\n').SingleOrDefault(line => line.StartsWith("cmdstat_xreadgroup:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split("calls=")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
