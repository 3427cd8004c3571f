using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StepProducer.Host.Configuration;
using StepProducer.Host.Logging;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>The <c>file</c> log handler on real files: line format, rolling, retention, restart, errors.</summary>
public sealed class FileLogTests
{
    /// <summary>Entries of the rolling tests: exactly this many bytes each (ASCII, newline included).</summary>
    private const int EntryBytes = 100;

    [Fact]
    public void Entry_IsUtcTime_LevelCode_Category_EventId_AndTheRenderedMessage()
    {
        using var directory = new TemporaryDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 22, 34, 293, TimeSpan.Zero));
        // A local zone other than UTC: the file, like the console, must not use it.
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+01", TimeSpan.FromHours(1), "UTC+01", "UTC+01"));
        var path = directory.File("producer.log");

        using (var factory = FactoryWriting(path, time))
        {
            var logger = factory.CreateLogger("StepProducer.Host.Stdio");
            HostLog.BadLine(logger, "stdin:1", "specversion", "required CloudEvents attribute is missing");
            HostLog.EndOfInput(logger, 2, 0);
        }

        Assert.Equal(
            "2026-11-28T12:22:34.293Z [ERR] StepProducer.Host.Stdio[1002] stdin:1: specversion: required CloudEvents attribute is missing\n"
            + "2026-11-28T12:22:34.293Z [INF] StepProducer.Host.Stdio[1004] end of input after 2 lines; running until 0 active entries have expired\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void Entry_WithException_HasTheExceptionOnTheLinesAfterIt_AndEveryLevelItsCode()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("producer.log");
        var failure = new InvalidOperationException("socket closed");

        using (var factory = FactoryWriting(path, TimeProvider.System, LogLevel.Trace))
        {
            var logger = factory.CreateLogger("test");
            foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error })
            {
                logger.Log(level, new EventId(7), "at {Level}", level);
            }

            logger.LogCritical(new EventId(8), failure, "gave up");
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(["VRB", "DBG", "INF", "WRN", "ERR", "FTL"], lines.Take(6).Select(line => line.Split(' ')[1].Trim('[', ']')));
        Assert.EndsWith(" [WRN] test[7] at Warning", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(" [FTL] test[8] gave up", lines[5], StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException: socket closed", lines[6]);
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public void File_RollsBeforeAnEntryWouldPassTheLimit_AndKeepsTheNewestMaxFiles()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("producer.log");
        File.WriteAllText(directory.File("other.log"), "not ours");
        File.WriteAllText(directory.File("producer_old.log"), "not ours");

        // Limit 350 bytes: three 100-byte entries fit in a file, a fourth goes to the next. 14 entries fill five
        // files (3+3+3+3+2); with maxFiles 3 the base file and _001 are deleted.
        using (var file = new RollingLogFile(path, maxBytes: 350, maxFiles: 3))
        {
            for (var entry = 0; entry < 14; entry++)
            {
                file.Append(Entry(entry));
            }

            Assert.Equal(directory.File("producer_004.log"), file.CurrentPath);
        }

        Assert.Equal(["other.log", "producer_002.log", "producer_003.log", "producer_004.log", "producer_old.log"], FileNames(directory));
        Assert.Equal(Entries(6, 3), File.ReadAllText(directory.File("producer_002.log")));
        Assert.Equal(Entries(9, 3), File.ReadAllText(directory.File("producer_003.log")));
        Assert.Equal(Entries(12, 2), File.ReadAllText(directory.File("producer_004.log")));
        Assert.Equal("not ours", File.ReadAllText(directory.File("producer_old.log")));
    }

    [Fact]
    public void File_AfterARestart_AppendsToTheNewestFile_AndRollsOnFromItsNumber()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("producer.log");
        using (var first = new RollingLogFile(path, maxBytes: 250, maxFiles: 5))
        {
            for (var entry = 0; entry < 3; entry++)
            {
                first.Append(Entry(entry));
            }
        }

        using (var second = new RollingLogFile(path, maxBytes: 250, maxFiles: 5))
        {
            Assert.Equal(directory.File("producer_001.log"), second.CurrentPath);
            second.Append(Entry(3));
            second.Append(Entry(4));
        }

        Assert.Equal(["producer.log", "producer_001.log", "producer_002.log"], FileNames(directory));
        Assert.Equal(Entries(2, 2), File.ReadAllText(directory.File("producer_001.log")));
        Assert.Equal(Entries(4, 1), File.ReadAllText(directory.File("producer_002.log")));
    }

    [Fact]
    public void File_EntryLargerThanTheLimit_GetsAFileOfItsOwn()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("producer.log");
        using (var file = new RollingLogFile(path, maxBytes: 150, maxFiles: 5))
        {
            file.Append(Entry(0));
            file.Append(System.Text.Encoding.ASCII.GetBytes(new string('x', 199) + "\n"));
            file.Append(Entry(1));
        }

        Assert.Equal(new long[] { EntryBytes, 200, EntryBytes }, FileNames(directory).Select(name => new FileInfo(directory.File(name)).Length));
    }

    [Fact]
    public void Create_MissingFolder_IsCreated()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "log", "step_producer", "producer.log");

        using (var factory = LoggingSetup.Create(FileLog(path, LogLevelSetting.Information)))
        {
            HostLog.EndOfInput(factory.CreateLogger("test"), 1, 0);
        }

        Assert.Contains("end of input after 1 lines", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PathThatCannotBeAFile_FailsNamingTheConfigPath()
    {
        using var directory = new TemporaryDirectory();
        var regularFile = directory.File("config.json");
        File.WriteAllText(regularFile, "{}");

        // A folder below a regular file cannot be created, even by root (the tests may run as root).
        var error = Assert.Throws<ConfigException>(() => LoggingSetup.Create(FileLog(Path.Combine(regularFile, "producer.log"), LogLevelSetting.Information)));

        Assert.StartsWith("log.handlers[0].path: cannot write ", error.Message, StringComparison.Ordinal);
    }

    private static ILoggerFactory FactoryWriting(string path, TimeProvider time, LogLevel minimum = LogLevel.Information)
    {
        var factory = new LoggerFactory([], new LoggerFilterOptions { MinLevel = minimum });
        factory.AddProvider(new RollingFileLoggerProvider(new RollingLogFile(path, maxBytes: 1 << 20, maxFiles: 2), time));
        return factory;
    }

    private static LogOptions FileLog(string path, LogLevelSetting level) =>
        new() { Level = level, Handlers = [new FileLogHandler { Path = path, MaxSizeMb = 1, MaxFiles = 2 }] };

    /// <summary>Entry number <paramref name="number"/>: <see cref="EntryBytes"/> bytes, the last a newline.</summary>
    private static byte[] Entry(int number) =>
        System.Text.Encoding.ASCII.GetBytes($"entry {number:D3} ".PadRight(EntryBytes - 1, '.') + "\n");

    private static string Entries(int first, int count) =>
        string.Concat(Enumerable.Range(first, count).Select(number => System.Text.Encoding.ASCII.GetString(Entry(number))));

    private static string[] FileNames(TemporaryDirectory directory) =>
        [.. Directory.GetFiles(directory.Path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
