using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using StepProducer.Encoding.Denm;
using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// Runs the cross-compiled arm64 binary under qemu-aarch64 with the bullseye sysroot as its root for the
/// loader and libraries (this machine has no binfmt, so qemu is called explicitly) and compares it with
/// the x64 binary.
/// </summary>
public sealed class Arm64UnderQemuTests
{
    /// <summary>qemu user-mode emulation starts the arm64 binary in about 1.2 s here; allow for a busy CI.</summary>
    private static readonly TimeSpan QemuTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Version_matches_the_x64_binary()
    {
        var arm64 = await RunArm64Async(["--version"]);
        var x64 = await Tool.RunCheckedAsync(BuildArtifacts.Binary("linux-x64"), ["--version"]);

        Assert.Equal(x64.StandardOutput, arm64.StandardOutput);
        Assert.Equal($"step_producer {BuildArtifacts.Version}", arm64.StandardOutput.Trim());
    }

    [Fact]
    public async Task Config_template_matches_the_x64_binary()
    {
        using var directory = new TemporaryDirectory();
        var arm64Template = Path.Combine(directory.Path, "arm64.json");
        var x64Template = Path.Combine(directory.Path, "x64.json");

        await RunArm64Async(["--conf_template", arm64Template]);
        await Tool.RunCheckedAsync(BuildArtifacts.Binary("linux-x64"), ["--conf_template", x64Template]);

        Assert.Equal(await File.ReadAllTextAsync(x64Template), await File.ReadAllTextAsync(arm64Template));
        Assert.Contains("\"redis\"", await File.ReadAllTextAsync(arm64Template), StringComparison.Ordinal);
    }

    /// <summary>
    /// The bundled samples through stdin/stdout on both binaries. The records carry the time of the run
    /// (referenceTime is "now"), so they are compared without the clock: every time field and the UPER
    /// hex that encodes them are left out, and each arm64 UPER must decode, with the x64 decoder, to the
    /// JER of its own record.
    /// </summary>
    [Fact]
    public async Task Samples_give_the_x64_records_apart_from_the_clock()
    {
        using var directory = new TemporaryDirectory();
        // No redis section (stdin/stdout mode); updates are never coalesced, so the records do not depend
        // on how fast each binary reads its input (qemu is slower).
        var config = Path.Join(directory.Path, "config.json");
        await File.WriteAllTextAsync(config, """{ "stationId": 1, "den": { "minUpdateIntervalMs": 0 } }""");
        var input = SamplesAtOneInstant();

        var arm64 = await RunArm64Async(["--config", config, "--retime"], input);
        var x64 = await Tool.RunCheckedAsync(BuildArtifacts.Binary("linux-x64"), ["--config", config, "--retime"], standardInput: input);

        var arm64Records = arm64.StandardOutputLines.Select(line => JsonNode.Parse(line)!).ToList();
        var x64Records = x64.StandardOutputLines.Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(
            ["new", "new", "new", "update", "cancel", "negate", "expire-cancel", "expire-cancel"],
            x64Records.Select(record => record["kind"]!.GetValue<string>()));
        Assert.Equal(x64Records.Count, arm64Records.Count);
        foreach (var (x64Record, arm64Record) in x64Records.Zip(arm64Records))
        {
            Assert.True(
                JsonNode.DeepEquals(WithoutClock(x64Record), WithoutClock(arm64Record)),
                $"x64:   {x64Record.ToJsonString()}\narm64: {arm64Record.ToJsonString()}");
        }

        var decoded = await Tool.RunCheckedAsync(
            BuildArtifacts.Binary("linux-x64"),
            ["denm", "decode", .. arm64Records.Select(record => record["uper"]!.GetValue<string>())]);
        Assert.Equal(arm64Records.Count, decoded.StandardOutputLines.Length);
        foreach (var (jer, arm64Record) in decoded.StandardOutputLines.Zip(arm64Records))
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(jer), arm64Record["jer"]), $"{jer}\n{arm64Record["jer"]}");
        }
    }

    /// <summary>
    /// One Redis round trip (issue 6): the arm64 binary under qemu with the packaged default config, pointed
    /// at a loopback redis-server, turns a station-collision event added to its input stream into a
    /// <c>new</c> DENM on its output stream, which the codec decodes; SIGTERM then stops it with exit 0.
    /// </summary>
    [Fact]
    public async Task Redis_round_trip_turns_a_station_collision_into_a_new_denm_and_sigterm_exits_0()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var client = await redis.ConnectAdminAsync();
        using var directory = new TemporaryDirectory();
        var config = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.Combine("deb", "config.json")))!;
        config["redis"]!["connection"]!["host"] = "127.0.0.1";
        config["redis"]!["connection"]!["port"] = redis.Port;
        var configPath = Path.Join(directory.Path, "config.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        var streams = config["redis"]!["streams"]!;
        var input = streams["inputs"]![0]!;
        var inputStream = input["name"]!.GetValue<string>();
        var outputStream = streams["outputs"]![0]!["name"]!.GetValue<string>();
        var database = client.GetDatabase();

        using var daemon = DaemonProcess.Start(
            "qemu-aarch64", ["-L", BuildArtifacts.Sysroot("linux-arm64"), BuildArtifacts.Binary("linux-arm64"), "--config", configPath]);
        // The daemon creates its consumer group at the end of the stream ($): only entries added after that are its input.
        await WaitUntilAsync(
            async () => await database.KeyExistsAsync(inputStream)
                && (await database.StreamGroupInfoAsync(inputStream)).Any(group => group.Name == input["group"]!.GetValue<string>()),
            $"consumer group on {inputStream}",
            daemon);
        var eventId = await database.StreamAddAsync(inputStream, "event", FirstSampleEventAtNow());
        StreamEntry[] output = [];
        await WaitUntilAsync(
            async () => (output = await database.StreamRangeAsync(outputStream)).Length > 0, $"a record on {outputStream}", daemon);

        var record = output[0];
        Assert.Equal("new", (string?)record["kind"]);
        Assert.Equal($"{inputStream}/{eventId}", (string?)record["source"]);
        var denm = DenmV2Codec.Decode((byte[])record["uper"]!);
        var management = denm.Payload.Management;
        Assert.Equal(config["stationId"]!.GetValue<uint>(), denm.Header.StationId);
        Assert.Equal((string?)record["actionId"], $"{management.ActionId.OriginatingStationId}:{management.ActionId.SequenceNumber}");
        Assert.Null(management.Termination);
        // The sample's position 48.137154, 11.576124 in the Latitude/Longitude unit of 0.1 microdegree (CDD v2.2.1).
        Assert.Equal((481_371_540, 115_761_240), (management.EventPosition.Latitude, management.EventPosition.Longitude));
        // collisionRisk (causeCode 97), subCauseCode crossing (2): CDD TS 102 894-2 v2.2.1 CollisionRiskSubCauseCode.
        Assert.Equal((97, 2), (denm.Payload.Situation!.EventType.CauseCode, denm.Payload.Situation.EventType.SubCauseCode));
        daemon.Terminate();
        Assert.Equal(0, await daemon.WaitForExitAsync(QemuTimeout));
    }

    /// <summary>The first line of samples/stdin_demo.jsonl (collision 1001/2002, crossing) with its time set to now.</summary>
    private static string FirstSampleEventAtNow()
    {
        var sample = File.ReadLines(RepoPaths.Combine("samples", "stdin_demo.jsonl")).First();
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new Regex("\"time\":\"[^\"]+\"").Replace(sample, $"\"time\":\"{now}\"", count: 1);
    }

    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds; fails after <see cref="QemuTimeout"/> or when the daemon exits.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, DaemonProcess daemon)
    {
        var deadline = DateTime.UtcNow + QemuTimeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline || daemon.HasExited)
            {
                throw new TimeoutException($"no {what} within {QemuTimeout} (exited: {daemon.HasExited}); daemon output:\n{daemon.Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// samples/stdin_demo.jsonl with every event at the time of the last one, so that --retime makes all of
    /// them "now" and the input can be written at once instead of at the recorded pace. The last time, not
    /// the first: the received DENM carries its own detection time, which must not lie after the
    /// termination that negates it, or the negation is outdated by a few milliseconds or not, at random.
    /// </summary>
    private static string SamplesAtOneInstant()
    {
        var samples = File.ReadAllText(RepoPaths.Combine("samples", "stdin_demo.jsonl"));
        var timeField = new Regex("\"time\":\"([^\"]+)\"");
        // ISO 8601 UTC times with the same precision order as strings.
        var lastTime = timeField.Matches(samples).Max(match => match.Value)!;
        return timeField.Replace(samples, lastTime);
    }

    private static JsonNode WithoutClock(JsonNode record)
    {
        var copy = record.DeepClone();
        RemoveClockFields(copy);
        return copy;
    }

    private static void RemoveClockFields(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject jsonObject:
                jsonObject.Remove("referenceTime");
                jsonObject.Remove("detectionTime");
                jsonObject.Remove("uper");
                foreach (var (_, child) in jsonObject)
                {
                    RemoveClockFields(child);
                }

                break;
            case JsonArray jsonArray:
                foreach (var child in jsonArray)
                {
                    RemoveClockFields(child);
                }

                break;
        }
    }

    private static Task<ProcessResult> RunArm64Async(IEnumerable<string> arguments, string? standardInput = null) =>
        Tool.RunCheckedAsync(
            "qemu-aarch64",
            ["-L", BuildArtifacts.Sysroot("linux-arm64"), BuildArtifacts.Binary("linux-arm64"), .. arguments],
            standardInput: standardInput,
            timeout: QemuTimeout);
}
