using System.Text.Json;
using StepProducer.TestSupport;

namespace StepProducer.Bench.Tests;

/// <summary>
/// Runs the end-to-end harness small (a real redis-server without and with appendonly, a real producer
/// process, a real redis-benchmark) and checks that it measured something and that the record counts are
/// exactly what its input makes the producer emit. No time figure is asserted beyond being measured.
/// Needs redis-server and redis-benchmark (./build.sh test installs them).
/// </summary>
public sealed class EndToEndHarnessTests
{
    private const int Events = 500;

    private const int EventKeys = 50;

    private const int PacedRate = 200;

    private const int PacedSeconds = 2;

    /// <summary>
    /// --batch-size other than the producer's default of 256: the producer runs with it (500 events in batches
    /// of at most 16 entries) and the record counts must stay exact.
    /// </summary>
    private const int BatchSize = 16;

    private static string HarnessDll => Path.Combine(AppContext.BaseDirectory, "step_producer_e2e.dll");

    /// <summary>
    /// The AOT binary when ./build.sh publish (or test) made it, else the JIT build of the same program that
    /// the benchmark project's reference puts beside the tests, so the test also runs after a plain dotnet test.
    /// </summary>
    private static string ProducerBinary
    {
        get
        {
            var aot = RepoPaths.Combine("artifacts", "linux-x64", "step_producer");
            return File.Exists(aot) ? aot : Path.Combine(AppContext.BaseDirectory, "step_producer");
        }
    }

    [Fact]
    public async Task Harness_SmallRunBothPersistences_MeasuresEveryFigureWithExactRecordCounts()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [HarnessDll, "--binary", ProducerBinary, "--events", $"{Events}", "--event-keys", $"{EventKeys}",
                "--rates", $"{PacedRate}", "--latency-seconds", $"{PacedSeconds}", "--rss-seconds", "0",
                "--persistence", "both", "--bench-requests", "5000", "--batch-size", $"{BatchSize}", "--json"],
            timeout: TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardError}");
        using var document = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(BatchSize, document.RootElement.GetProperty("batchSize").GetInt32());
        var runs = document.RootElement.GetProperty("runs");
        Assert.Equal(["no persistence", "appendonly everysec"], runs.EnumerateArray().Select(run => run.GetProperty("persistence").GetString()));
        // Event i holds 1 + (i mod 4) collisions: 125 × (1 + 2 + 3 + 4) for 500 events; each is one DENM.
        const long expectedDenms = Events / 4 * 10;
        foreach (var run in runs.EnumerateArray())
        {
            var throughput = run.GetProperty("throughput");
            Assert.Equal(expectedDenms, throughput.GetProperty("expectedDenms").GetInt64());
            Assert.Equal(expectedDenms, throughput.GetProperty("denmsOut").GetInt64());
            Assert.Equal(EventKeys, throughput.GetProperty("newOut").GetInt64());
            Assert.Equal(0, throughput.GetProperty("deadLetters").GetInt64());
            Assert.True(throughput.GetProperty("denmsPerSecond").GetDouble() > 0);
            Assert.True(throughput.GetProperty("producerCpuSeconds").GetDouble() > 0);
            Assert.True(throughput.GetProperty("outputEntryBytes").GetInt32() > 100, "an output entry holds at least the UPER and JER of a DENM");
            Assert.True(run.GetProperty("redisBenchmark").GetProperty("xaddPerSecond").GetDouble() > 0);
            Assert.True(run.GetProperty("ratio").GetDouble() > 0);
            Assert.True(run.GetProperty("producerMaxRssBytes").GetInt64() > 0);

            var latency = Assert.Single(run.GetProperty("latency").EnumerateArray());
            Assert.Equal(PacedRate * PacedSeconds, latency.GetProperty("eventsSent").GetInt64());
            Assert.Equal(PacedRate * PacedSeconds / 4 * 10, latency.GetProperty("expectedDenms").GetInt64());
            Assert.Equal(latency.GetProperty("expectedDenms").GetInt64(), latency.GetProperty("denmsOut").GetInt64());
            var p50 = latency.GetProperty("p50Ms").GetDouble();
            var p99 = latency.GetProperty("p99Ms").GetDouble();
            Assert.InRange(p50, 0, p99);
            Assert.InRange(p99, p50, latency.GetProperty("maxMs").GetDouble());
            Assert.True(latency.GetProperty("rssAtEndBytes").GetInt64() > 0);
        }
    }

    [Fact]
    public async Task Harness_UnknownOption_ExitsWithUsageErrorNamingTheOption()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [HarnessDll, "--events", "many"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--events: 'many' is not a whole number", result.StandardError);
    }
}
