using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>Signals, systemd notifications, log formats and log files of the real program.</summary>
public sealed class LifecycleProcessTests
{
    /// <summary>One collision that stays active for 10 minutes, so only a signal can end the run early.</summary>
    private static string LongCollision(long stationId) =>
        $$$"""{"specversion":"1.0","id":"e-{{{stationId}}}","source":"/test","type":"step.crash_prediction.station_collisions.v1","time":"{{{DateTimeOffset.UtcNow:O}}}","data":{"collisions":[{"stationIds":[{{{stationId}}},{{{stationId + 1}}}],"risk":"crossing","position":{"latitude":48.1,"longitude":11.5},"validityDurationS":600}]}}""";

    [Fact]
    public async Task Sigterm_WithActiveEntriesAndStdinOpen_FlushesAndExitsZero()
    {
        using var producer = StepProducerProcess.Start([]);
        await producer.WriteLineAsync(LongCollision(100));
        await producer.WaitForStandardOutputAsync("\"kind\":\"new\"");

        producer.Terminate();
        var exitCode = await producer.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exitCode);
        Assert.Single(producer.StandardOutputLines);
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("SIGTERM received", StringComparison.Ordinal));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("1 entries left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_WithOnShutdownCancel_WritesACancelRecordForEachActiveEventBeforeExitingZero()
    {
        using var directory = new TemporaryDirectory();
        var config = directory.File("config.json");
        await File.WriteAllTextAsync(config, """{"stationId": 9, "den": {"onShutdown": "cancel"}}""");
        using var producer = StepProducerProcess.Start(["--config", config]);
        await producer.WriteLineAsync(LongCollision(300));
        await producer.WriteLineAsync(LongCollision(400));
        await producer.WaitForStandardOutputAsync("\"source\":\"stdin:2\"");

        producer.Terminate();

        Assert.Equal(0, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        var records = producer.StandardOutputLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["new", "new", "cancel", "cancel"], records.Select(record => record.GetProperty("kind").GetString()));
        Assert.Equal(
            records.Take(2).Select(record => record.GetProperty("actionId").GetString()).Order(),
            records.Skip(2).Select(record => record.GetProperty("actionId").GetString()).Order());
        Assert.All(producer.StandardOutputLines, line => JsonSchemas.AssertValid(JsonSchemas.DenmRecord, line));
        Assert.All(records.Skip(2), record =>
        {
            Assert.Equal("shutdown", record.GetProperty("source").GetString());
            Assert.Equal("isCancellation", record.GetProperty("jer").GetProperty("denm").GetProperty("management").GetProperty("termination").GetString());
        });
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("0 entries left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigint_Once_StopsGracefullyWithExitZero()
    {
        using var producer = StepProducerProcess.Start([]);
        await producer.WriteLineAsync(LongCollision(200));
        await producer.WaitForStandardOutputAsync("\"kind\":\"new\"");

        producer.Interrupt();

        Assert.Equal(0, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("SIGINT received", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondSigint_WhileTheDrainIsBlocked_ExitsAtOnceWith130()
    {
        // The graceful stop cannot finish, so only the second SIGINT ends it.
        using var producer = await StartBlockedFlushingAsync([]);

        producer.Interrupt();
        await producer.WaitForLogAsync("SIGINT received");
        producer.Interrupt();

        Assert.Equal(130, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("second SIGINT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_WhenTheDrainExceedsTimeout_ExitsOneAfterTimeoutSeconds()
    {
        using var directory = new TemporaryDirectory();
        var config = directory.File("config.json");
        await File.WriteAllTextAsync(config, """{"stationId": 9, "timeout": 1}""");
        using var producer = await StartBlockedFlushingAsync(["--config", config]);

        producer.Terminate();

        Assert.Equal(1, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("did not finish within 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StdoutReaderGone_NextWriteFails_StopsReadingAndExitsZeroWithOneInfoLine()
    {
        using var producer = StepProducerProcess.Start([], readStandardOutput: false);
        await producer.WaitForLogAsync("started:");
        producer.CloseStandardOutput();

        // stdin stays open: only the broken pipe can end the run.
        await producer.WriteLineAsync(LongCollision(300));

        Assert.Equal(0, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(producer.StandardErrorLines, line => line.Contains(
            "info: StepProducer.Host.Stdio[1012] stdout closed by its reader; stopping", StringComparison.Ordinal));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("summary: 1 lines", StringComparison.Ordinal));
        Assert.DoesNotContain(producer.StandardErrorLines, line => line.Contains("runtime failure", StringComparison.Ordinal));
        Assert.DoesNotContain(producer.StandardErrorLines, line => line.Contains("end of input", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PipedIntoHead_HeadExitsAfterThreeRecords_ExitsZeroWithoutARuntimeFailure()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("input.jsonl");
        // 256 records (a JER mirror each) overflow the 64 KiB pipe: the write blocks until head has read its
        // three lines and gone, then fails with EPIPE, whatever the timing.
        await File.WriteAllTextAsync(input, ManyCollisions(256) + "\n");

        // As an operator types it; PIPESTATUS[0] is step_producer's exit code, not head's.
        var result = await ProcessRunner.RunAsync(
            "bash", ["-c", "\"$0\" < \"$1\" | head -n 3; exit \"${PIPESTATUS[0]}\"", StepProducerBinary.Path, input],
            timeout: StepProducerProcess.WaitLimit);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}; stderr:\n{result.StandardError}");
        Assert.Equal(3, result.StandardOutputLines.Length);
        Assert.All(result.StandardOutputLines, line => JsonSchemas.AssertValid(JsonSchemas.DenmRecord, line));
        Assert.Contains("stdout closed by its reader; stopping", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("runtime failure", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifySocket_ReceivesReadyStatusWatchdogAndStopping()
    {
        using var directory = new TemporaryDirectory();
        var socketPath = directory.File("notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));

        // 200 ms watchdog: the program must ping every 100 ms.
        using var producer = StepProducerProcess.Start([], new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = socketPath,
            ["WATCHDOG_USEC"] = "200000",
        });
        var messages = new List<string>();
        await ReceiveUntilAsync(socket, messages, "WATCHDOG=1");
        producer.Terminate();
        await ReceiveUntilAsync(socket, messages, "STOPPING=1");
        Assert.Equal(0, await producer.WaitForExitAsync());

        // Everything the program sent is queued on the socket by now.
        var buffer = new byte[4096];
        while (socket.Available > 0)
        {
            messages.Add(System.Text.Encoding.UTF8.GetString(buffer, 0, socket.Receive(buffer)));
        }

        Assert.Equal("READY=1", messages[0]);
        Assert.Single(messages, message => message == "STOPPING=1");
        Assert.Contains("STATUS=stopping: SIGTERM received", messages);
        Assert.StartsWith("STATUS=running: stdin/stdout, station 1", messages[1], StringComparison.Ordinal);
        Assert.Contains("WATCHDOG=1", messages);
    }

    [Fact]
    public async Task JsonLogFormat_WritesOneJsonObjectPerStderrLine_WithFixedEventIds()
    {
        using var directory = new TemporaryDirectory();
        var config = directory.File("config.json");
        await File.WriteAllTextAsync(config, """{"stationId": 9, "log": {"format": "json"}}""");

        var result = await StepProducerProcess.RunAsync(["-c", config], standardInput: "{}\n");

        Assert.Equal(0, result.ExitCode);
        var entries = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
        Assert.Contains(entries, entry => entry.GetProperty("EventId").GetInt32() == 1000);
        var badLine = Assert.Single(entries, entry => entry.GetProperty("EventId").GetInt32() == 1002);
        Assert.Equal("Error", badLine.GetProperty("LogLevel").GetString());
        Assert.Equal("stdin:1", badLine.GetProperty("State").GetProperty("Source").GetString());
    }

    [Fact]
    public async Task SystemdLogFormat_PrefixesEveryStderrLineWithItsSyslogPriority()
    {
        using var directory = new TemporaryDirectory();
        var config = directory.File("config.json");
        await File.WriteAllTextAsync(config, """{"stationId": 9, "log": {"format": "systemd"}}""");

        var result = await StepProducerProcess.RunAsync(["-c", config], standardInput: "{}\n");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(@"^<[0-7]>", line));

        // Information is priority 6 (LOG_INFO), Error 3 (LOG_ERR), RFC 5424 section 6.2.1.
        Assert.Contains(lines, line => line.StartsWith("<6>", StringComparison.Ordinal) && line.Contains("started:", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("<3>", StringComparison.Ordinal) && line.Contains("stdin:1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileHandler_RollsAtMaxSizeMb_AndKeepsMaxFiles()
    {
        using var directory = new TemporaryDirectory();
        var config = await WriteLogConfigAsync(directory, """ "handlers": [{"type": "file", "path": "{0}", "maxSizeMb": 1, "maxFiles": 2}]""");

        // Each bad line logs one error of about 150 bytes: 20,000 lines write about 3 MiB, three files' worth.
        var input = string.Concat(Enumerable.Repeat("{\"uper\":\"zz\"}\n", 20_000));
        var result = await StepProducerProcess.RunAsync(["-c", config], standardInput: input);

        Assert.Equal(0, result.ExitCode);
        var files = Directory.GetFiles(directory.Path, "producer*.log");
        Assert.Equal(2, files.Length);

        // An entry that would take a file past the limit goes to the next file, so none exceeds 1 MiB.
        Assert.All(files, file => Assert.InRange(new FileInfo(file).Length, 1, 1024 * 1024));
        var last = files.Max()!;
        Assert.Contains("summary: 20000 lines", await File.ReadAllTextAsync(last), StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Fact]
    public async Task FileHandler_WritesOnlyTheConfiguredLevelAndAbove_AsTheConsoleDoes()
    {
        using var directory = new TemporaryDirectory();
        var config = await WriteLogConfigAsync(directory, """ "level": "Warning", "handlers": [{"type": "console"}, {"type": "file", "path": "{0}"}]""");

        // One bad line: an Error entry; the start and summary lines are Information and must not appear.
        var result = await StepProducerProcess.RunAsync(["-c", config], standardInput: "{}\n");

        Assert.Equal(0, result.ExitCode);
        var fileLines = (await File.ReadAllLinesAsync(Assert.Single(Directory.GetFiles(directory.Path, "producer*.log"))))
            .Where(line => line.Length > 0).ToArray();
        var fileEntry = Assert.Single(fileLines);
        Assert.Contains("[ERR]", fileEntry, StringComparison.Ordinal);
        Assert.Contains("stdin:1", fileEntry, StringComparison.Ordinal);
        var consoleEntry = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fail:", consoleEntry, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes config.json for station 9 with <paramref name="logMembers"/> as the members of its <c>log</c> section;
    /// "{0}" in them becomes the log file path, producer.log in <paramref name="directory"/>.
    /// </summary>
    private static async Task<string> WriteLogConfigAsync(TemporaryDirectory directory, string logMembers)
    {
        var config = directory.File("config.json");
        var members = logMembers.Replace("{0}", directory.File("producer.log"), StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, "{\"stationId\": 9, \"log\": {" + members + "}}");
        return config;
    }

    /// <summary>
    /// Starts the program with a stdout nobody reads and one line of 256 collisions: their new records
    /// overflow the pipe, and the program blocks flushing them.
    /// </summary>
    private static async Task<DaemonProcess> StartBlockedFlushingAsync(IEnumerable<string> arguments)
    {
        var producer = StepProducerProcess.Start(arguments, readStandardOutput: false);
        try
        {
            await producer.WriteLineAsync(ManyCollisions(256));
            await producer.WaitForLogAsync("started:");
            // Time to read the line and fill the pipe, so that a signal finds the program blocked.
            await Task.Delay(TimeSpan.FromSeconds(1));
            return producer;
        }
        catch
        {
            producer.Dispose();
            throw;
        }
    }

    private static string ManyCollisions(int count)
    {
        var items = Enumerable.Range(0, count).Select(index =>
            $$$"""{"stationIds":[{{{(2 * index) + 10}}},{{{(2 * index) + 11}}}],"risk":"crossing","position":{"latitude":48.1,"longitude":11.5},"validityDurationS":600}""");
        return $$$"""{"specversion":"1.0","id":"many","source":"/test","type":"step.crash_prediction.station_collisions.v1","time":"{{{DateTimeOffset.UtcNow:O}}}","data":{"collisions":[{{{string.Join(',', items)}}}]}}""";
    }

    private static async Task ReceiveUntilAsync(Socket socket, List<string> messages, string expected)
    {
        var buffer = new byte[4096];
        using var limit = new CancellationTokenSource(StepProducerProcess.WaitLimit);

        // Bounded by the 30 s limit: each receive is cancelled when it runs out.
        while (!messages.Contains(expected))
        {
            var length = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
            messages.AddRange(System.Text.Encoding.UTF8.GetString(buffer, 0, length).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
