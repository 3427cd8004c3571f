using Microsoft.Extensions.Logging;

namespace StepProducer.Host.Logging;

/// <summary>
/// Every log event of the host, source-generated. The event ids (1000..1099) are fixed: log queries and
/// alerts key on them, so an id is never reused or renumbered (a test asserts they are unique).
/// </summary>
/// <remarks>
/// Counts and numbers are <c>long</c> parameters even where an <c>int</c> would do: every distinct list of value-type
/// parameter types is a separate generic instantiation of the logging code, about 4 KB of the Native AOT binary
/// each (README "Footprint"), and the rendered line is the same.
/// </remarks>
internal static partial class HostLog
{
    /// <summary>The counters line is logged every 10 s, in both modes (issue 4, "Logging").</summary>
    public static readonly TimeSpan CountersInterval = TimeSpan.FromSeconds(10);

    [LoggerMessage(EventId = 1000, EventName = "Started", Level = LogLevel.Information,
        Message = "step_producer {Version} started: instance {Instance}, station {StationId}, transport {Transport}")]
    public static partial void Started(ILogger logger, string version, string instance, long stationId, string transport);

    [LoggerMessage(EventId = 1001, EventName = "Counters", Level = LogLevel.Information,
        Message = "counters: events in {EventsIn}, DENMs out new {New} update {Update} repeat {Repeat} cancel {Cancel} "
            + "negate {Negate} expire-cancel {ExpireCancel}, dead letters {DeadLetters}, active entries {ActiveEntries}")]
    public static partial void Counters(ILogger logger, long eventsIn, long @new, long update, long repeat, long cancel,
        long negate, long expireCancel, long deadLetters, int activeEntries);

    [LoggerMessage(EventId = 1002, EventName = "BadLine", Level = LogLevel.Error,
        Message = "{Source}: {Path}: {Reason}")]
    public static partial void BadLine(ILogger logger, string source, string path, string reason);

    [LoggerMessage(EventId = 1003, EventName = "LineProcessed", Level = LogLevel.Debug,
        Message = "{Source}: {Outcome}")]
    public static partial void LineProcessed(ILogger logger, string source, string outcome);

    [LoggerMessage(EventId = 1004, EventName = "EndOfInput", Level = LogLevel.Information,
        Message = "end of input after {Lines} lines; running until {ActiveEntries} active entries have expired")]
    public static partial void EndOfInput(ILogger logger, long lines, long activeEntries);

    [LoggerMessage(EventId = 1005, EventName = "ShutdownRequested", Level = LogLevel.Information,
        Message = "{Signal} received: stopping (drain limit {TimeoutSeconds} s)")]
    public static partial void ShutdownRequested(ILogger logger, string signal, long timeoutSeconds);

    [LoggerMessage(EventId = 1006, EventName = "Summary", Level = LogLevel.Information,
        Message = "summary: {Lines} lines, {EventsIn} events in, {BadLines} bad lines; DENMs out new {New} update {Update} "
            + "repeat {Repeat} cancel {Cancel} negate {Negate} expire-cancel {ExpireCancel}; {ActiveEntries} entries left")]
    public static partial void Summary(ILogger logger, long lines, long eventsIn, long badLines, long @new, long update,
        long repeat, long cancel, long negate, long expireCancel, int activeEntries);

    [LoggerMessage(EventId = 1008, EventName = "RuntimeFailure", Level = LogLevel.Critical,
        Message = "runtime failure: {Reason}")]
    public static partial void RuntimeFailure(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 1009, EventName = "DrainTimedOut", Level = LogLevel.Error,
        Message = "the shutdown drain did not finish within {TimeoutSeconds} s; exiting with records possibly unflushed")]
    public static partial void DrainTimedOut(ILogger logger, long timeoutSeconds);

    [LoggerMessage(EventId = 1010, EventName = "SecondInterrupt", Level = LogLevel.Warning,
        Message = "second SIGINT: exiting at once with code 130")]
    public static partial void SecondInterrupt(ILogger logger);

    [LoggerMessage(EventId = 1011, EventName = "SecretReadableByOthers", Level = LogLevel.Warning,
        Message = "{Path} holds the Redis password ({Key}) and is readable by others; chmod o-r it")]
    public static partial void SecretReadableByOthers(ILogger logger, string path, string key);

    [LoggerMessage(EventId = 1012, EventName = "OutputClosed", Level = LogLevel.Information,
        Message = "stdout closed by its reader; stopping")]
    public static partial void OutputClosed(ILogger logger);
}
