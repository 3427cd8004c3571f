namespace StepProducer.Host.Tests;

/// <summary>Line framing of stdin/stdout mode in the real program.</summary>
public sealed class StdinLineTests
{
    /// <summary>A collision valid for 5 s: long enough to outlast a slow start, short enough to let the run end soon.</summary>
    private static string Collision(int firstStationId) =>
        $$$"""{"specversion":"1.0","id":"l","source":"/test","type":"step.crash_prediction.station_collisions.v1","time":"{{{DateTimeOffset.UtcNow:O}}}","data":{"collisions":[{"stationIds":[{{{firstStationId}}},{{{firstStationId + 1}}}],"risk":"lateral","position":{"latitude":48.1,"longitude":11.5},"validityDurationS":5}]}}""";

    [Fact]
    public async Task OverlongLine_IsReportedOnceAndSkipped_AndTheNextLineIsProcessed()
    {
        // 2 MiB without a newline: more than the 1 MiB line limit.
        var input = new string('x', 2 * 1024 * 1024) + "\n" + Collision(10) + "\n";

        var result = await StepProducerProcess.RunAsync([], input);

        Assert.Equal(0, result.ExitCode);
        var errors = result.StandardError.Split('\n').Where(line => line.Contains("fail:", StringComparison.Ordinal)).ToArray();
        Assert.Contains("stdin:1: $: line longer than 1048576 bytes; skipped up to its end", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Contains("\"source\":\"stdin:2\"", Assert.Single(result.StandardOutputLines, line => line.Contains("\"kind\":\"new\"", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrLfLines_BlankLines_AndALastLineWithoutNewline_AreHandled()
    {
        var input = Collision(20) + "\r\n\r\n   \n" + Collision(30);

        var result = await StepProducerProcess.RunAsync([], input);

        Assert.Equal(0, result.ExitCode);
        var news = result.StandardOutputLines.Where(line => line.Contains("\"kind\":\"new\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, news.Length);
        Assert.Contains("\"source\":\"stdin:4\"", news[1], StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", result.StandardError, StringComparison.Ordinal);
    }
}
