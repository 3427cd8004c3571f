using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Jer;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>
/// samples/stdin_demo.jsonl through the real program, fed in real time with --retime as ./build.sh run
/// does; the records are checked against the output schema, the tshark oracle and the codec's JER.
/// </summary>
public sealed class SamplePipelineTests(SampleRun run) : IClassFixture<SampleRun>
{
    private readonly DaemonProcess producer = run.Producer;
    private readonly int exitCode = run.ExitCode;

    private string[] Records => producer.StandardOutputLines.ToArray();

    [Fact]
    public void Samples_EmitTheExpectedRecordKinds_ThenExitZeroOnceTheTableIsEmpty()
    {
        Assert.Equal(0, exitCode);
        var kinds = Records.Select(record => JsonNode.Parse(record)!["kind"]!.GetValue<string>()).Order().ToArray();

        // Line by line in samples/README.md: 3 new, 1 update, 1 cancel, 1 negate, and an expire-cancel for
        // each of the two events still active when their validity ends.
        Assert.True(
            kinds.SequenceEqual(["cancel", "expire-cancel", "expire-cancel", "negate", "new", "new", "new", "update"]),
            $"records: {string.Join(", ", kinds)}; stderr:\n{string.Join('\n', producer.StandardErrorLines)}");
    }

    [Fact]
    public void Samples_EveryStdoutLineIsARecordValidAgainstTheOutputSchema()
    {
        Assert.NotEmpty(Records);
        foreach (var record in Records)
        {
            JsonSchemas.AssertValid(JsonSchemas.DenmRecord, record);
            Assert.NotNull(JsonNode.Parse(record)!["jer"]);
        }
    }

    [Fact]
    public async Task Samples_UperOfEveryRecord_DecodesCleanlyInTheTsharkOracle()
    {
        var hex = Records.Select(record => JsonNode.Parse(record)!["uper"]!.GetValue<string>()).ToArray();

        var result = await DenmDissect.RunAsync(hex);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(hex.Length, result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.Contains(": OK", StringComparison.Ordinal)));
    }

    [Fact]
    public void Samples_JerOfEveryRecord_EqualsTheCodecsJerOfItsUper()
    {
        foreach (var record in Records)
        {
            var node = JsonNode.Parse(record)!;
            var denm = DenmV2Codec.Decode(Convert.FromHexString(node["uper"]!.GetValue<string>()));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                JerCodec.Write(writer, denm);
            }

            var expected = JsonNode.Parse(buffer.WrittenSpan);
            Assert.True(JsonNode.DeepEquals(expected, node["jer"]), $"jer differs from the codec's: {node["jer"]} vs {expected}");
        }
    }

    [Fact]
    public void Samples_RecordsNameTheirSourceAndActionId()
    {
        var records = Records.Select(record => JsonNode.Parse(record)!).ToArray();
        var news = records.Where(record => record["kind"]!.GetValue<string>() == "new").ToArray();
        Assert.Equal(["stdin:1", "stdin:2", "stdin:2"], news.Select(record => record["source"]!.GetValue<string>()));

        // The built-in defaults run as station 1: our ActionIDs start with "1:".
        Assert.All(news, record => Assert.StartsWith("1:", record["actionId"]!.GetValue<string>(), StringComparison.Ordinal));
        var update = Assert.Single(records, record => record["kind"]!.GetValue<string>() == "update");
        Assert.Equal(news[0]["actionId"]!.GetValue<string>(), update["actionId"]!.GetValue<string>());

        // Line 3 comes 0.6 s after line 2; should a loaded machine deliver them closer than
        // den.minUpdateIntervalMs (100 ms), the service coalesces the update and a timer emits it.
        Assert.Contains(update["source"]!.GetValue<string>(), new[] { "stdin:3", "timer" });
        var negate = Assert.Single(records, record => record["kind"]!.GetValue<string>() == "negate");
        Assert.Equal("5555:7", negate["actionId"]!.GetValue<string>());
        Assert.All(records.Where(record => record["kind"]!.GetValue<string>() == "expire-cancel"),
            record => Assert.Equal("timer", record["source"]!.GetValue<string>()));
    }

    [Fact]
    public void Samples_BadLine_GetsOneErrorLogWithLineNumberFieldPathAndRule_AndASummaryEnds()
    {
        var errors = producer.StandardErrorLines.Where(line => line.Contains("stdin:4", StringComparison.Ordinal)).ToArray();

        var error = Assert.Single(errors);
        Assert.Contains("data.collisions[0].stationIds: 1 item, need 2..16", error, StringComparison.Ordinal);
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("summary: 7 lines", StringComparison.Ordinal));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("started: instance step_producer, station 1, transport stdio", StringComparison.Ordinal));
    }
}

/// <summary>One run of the samples, shared by the tests of <see cref="SamplePipelineTests"/>.</summary>
public sealed class SampleRun : IAsyncLifetime
{
    private DaemonProcess? producer;

    public DaemonProcess Producer => producer ?? throw new InvalidOperationException("not started");

    public int ExitCode { get; private set; }

    public async Task InitializeAsync()
    {
        producer = StepProducerProcess.Start(["--retime"]);

        // Start the feeder's clock once the program runs, so its start-up time does not bunch the lines.
        await producer.WaitForLogAsync("started:");
        await SampleFeeder.FeedAsync(producer, RepoPaths.Combine("samples", "stdin_demo.jsonl"));
        producer.CloseStandardInput();
        ExitCode = await producer.WaitForExitAsync();
    }

    public Task DisposeAsync()
    {
        producer?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Feeds a samples file like build.sh's feeder: each line when its CloudEvent time is due.</summary>
internal static class SampleFeeder
{
    public static async Task FeedAsync(DaemonProcess producer, string file)
    {
        var started = Stopwatch.GetTimestamp();
        DateTimeOffset? first = null;
        foreach (var line in await File.ReadAllLinesAsync(file))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("time", out var time))
            {
                var due = time.GetDateTimeOffset() - (first ??= time.GetDateTimeOffset());
                var wait = due - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }

            await producer.WriteLineAsync(line);
        }
    }
}
