using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using StepProducer.Host.Cli;
using StepProducer.Host.Configuration;
using StepProducer.Host.Lifecycle;
using StepProducer.Host.Logging;
using StepProducer.Host.Stdio;

namespace StepProducer.Host;

/// <summary>Runs the producer in stdin/stdout mode until the input is drained or a signal stops it.</summary>
internal static class StdioMode
{
    private const int StandardInputDescriptor = 0;
    private const int StandardOutputDescriptor = 1;

    public static int Run(ProducerConfig config, bool retime, ILoggerFactory loggerFactory, ILogger logger)
    {
        var stationId = config.StationId ?? ProducerConfig.BuiltInStationId;
        var notifications = new ServiceNotifications();
        using var drainLimit = new Timer(_ =>
        {
            HostLog.DrainTimedOut(logger, config.Timeout);
            loggerFactory.Dispose();
            Environment.Exit(ExitCodes.RuntimeFailure);
        });
        using var signals = new ShutdownSignals(
            signal =>
            {
                HostLog.ShutdownRequested(logger, signal, config.Timeout);
                notifications.Stopping();
                notifications.Status($"stopping: {signal} received");
                drainLimit.Change(TimeSpan.FromSeconds(config.Timeout), Timeout.InfiniteTimeSpan);
            },
            () =>
            {
                HostLog.SecondInterrupt(logger);
                loggerFactory.Dispose();
            });
        using var pipeline = new StdioPipeline(
            config.Den with { StationId = (uint)stationId },
            StandardStream(StandardInputDescriptor, FileAccess.Read),
            StandardStream(StandardOutputDescriptor, FileAccess.Write),
            loggerFactory,
            notifications,
            retime);

        HostLog.Started(logger, Program.Version, config.InstanceName, stationId, "stdio");
        notifications.Ready($"running: stdin/stdout, station {stationId}");
        try
        {
            pipeline.RunAsync(signals.Token).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is IOException or InvalidOperationException)
        {
            HostLog.RuntimeFailure(logger, error.Message, error);
            return ExitCodes.RuntimeFailure;
        }

        notifications.Stopping();
        var counters = pipeline.Counters;
        HostLog.Summary(logger, pipeline.Lines, counters.EventsIn, pipeline.BadLines, counters.NewOut, counters.UpdateOut,
            counters.RepeatOut, counters.CancelOut, counters.NegateOut, counters.ExpireCancelOut, counters.OriginatingEntries);
        return ExitCodes.Success;
    }

    /// <summary>
    /// A plain stream on file descriptor 0 or 1. Not Console.OpenStandardOutput: on Unix every console stream
    /// write takes the Console.Out lock, so a stdout blocked by a slow reader would also block the log
    /// lines on stderr (and with them the shutdown messages and the drain limit's report).
    /// </summary>
    private static FileStream StandardStream(int descriptor, FileAccess access) =>
        new(new SafeFileHandle(descriptor, ownsHandle: false), access, bufferSize: 0);
}
