using Microsoft.Extensions.Logging;

namespace StepProducer.Host.Logging;

/// <summary>The host's log events that only stdin/stdout mode raises (ids from the host's block, see HostLog.cs).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1012, EventName = "OutputClosed", Level = LogLevel.Information,
        Message = "stdout closed by its reader; stopping")]
    public static partial void OutputClosed(ILogger logger);
}
