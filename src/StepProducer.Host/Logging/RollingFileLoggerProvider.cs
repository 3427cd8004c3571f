using System.Globalization;
using Microsoft.Extensions.Logging;

namespace StepProducer.Host.Logging;

/// <summary>
/// The <c>file</c> log handler: one line per entry in a <see cref="RollingLogFile"/>,
/// <c>2026-11-28T12:22:34.293Z [ERR] StepProducer.Host.Stdio[1002] stdin:1: specversion: ...</c> (UTC, as on the
/// console; a three-letter level, category, event id, the message as the console shows it), followed by the
/// exception, if any, on the lines after it. The level rule is the logger factory's (<c>log.level</c>), as for the
/// console.
/// </summary>
/// <remarks>
/// This replaces Serilog.Extensions.Logging + Serilog.Sinks.File, which cost about 0.5 MB of the Native AOT binary
/// (README "Footprint"): mostly a copy of Serilog's generic <c>Log&lt;TState&gt;</c> for every log message shape of
/// the program and of StackExchange.Redis. Here the generic part only renders the message; the rest is one
/// non-generic method.
/// </remarks>
internal sealed class RollingFileLoggerProvider : ILoggerProvider
{
    /// <summary>
    /// UTC with millisecond resolution, the console's timestamps: DENM timing is reasoned about in milliseconds, and
    /// the binary has no time zone data (InvariantTimezone, README "Footprint").
    /// </summary>
    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    private readonly Lock _gate = new();
    private readonly RollingLogFile _file;
    private readonly TimeProvider _time;

    public RollingFileLoggerProvider(RollingLogFile file, TimeProvider time)
    {
        _file = file;
        _time = time;
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName, this);

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }

    /// <summary>The three-letter level codes of the format (those Serilog's <c>{Level:u3}</c> wrote).</summary>
    private static string LevelCode(LogLevel level) => level switch
    {
        LogLevel.Trace => "VRB",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        _ => "FTL",
    };

    private void Write(LogLevel level, string category, int eventId, string message, Exception? exception)
    {
        lock (_gate)
        {
            // Stamped inside the lock, so the file's entries are in time order. The formatter made a string for the
            // message anyway; one more per entry is nothing next to it, and no event is raised per DENM by default.
            var entry = string.Create(CultureInfo.InvariantCulture,
                $"{_time.GetUtcNow().ToString(TimestampFormat, CultureInfo.InvariantCulture)} [{LevelCode(level)}] {category}[{eventId}] {message}\n")
                + (exception is null ? "" : $"{exception}\n");
            var encoded = System.Text.Encoding.UTF8.GetBytes(entry);
            try
            {
                _file.Append(encoded);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A log entry that cannot be written (disk full, folder gone) must not stop the producer; the file
                // is reopened for the next entry.
            }
        }
    }

    private sealed class FileLogger(string category, RollingFileLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, eventId.Id, formatter(state, exception), exception);
            }
        }
    }
}
