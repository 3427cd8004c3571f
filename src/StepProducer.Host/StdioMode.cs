using Microsoft.Extensions.Logging;
using StepProducer.Host.Cli;
using StepProducer.Host.Configuration;
using StepProducer.Host.Lifecycle;
using StepProducer.Host.Logging;
using StepProducer.Host.Stdio;

namespace StepProducer.Host;

/// <summary>Runs the producer in stdin/stdout mode until the input is drained or a signal stops it.</summary>
internal static class StdioMode
{
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
                drainLimit.Change(TimeSpan.FromSeconds(config.Timeout), Timeout.InfiniteTimeSpan);
            },
            () =>
            {
                HostLog.SecondInterrupt(logger);
                loggerFactory.Dispose();
            });
        using var pipeline = new StdioPipeline(
            config.Den with { StationId = (uint)stationId },
            Console.OpenStandardInput(),
            Console.OpenStandardOutput(),
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
}
