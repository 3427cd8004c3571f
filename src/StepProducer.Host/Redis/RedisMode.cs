using System.Globalization;
using Microsoft.Extensions.Logging;
using StepProducer.Host.Cli;
using StepProducer.Host.Configuration;
using StepProducer.Host.Lifecycle;
using StepProducer.Host.Logging;
using StepProducer.Transport.Redis;

namespace StepProducer.Host.Redis;

/// <summary>
/// The Redis composition: runs the producer on the Redis streams transport when the config has a
/// <c>redis</c> section. Exit codes: 0 after SIGTERM/SIGINT, 4 when another producer took the station's
/// state, 1 for a failed Redis command or, with den.onShutdown = cancel, cancellations that could not be
/// committed at the stop, 3 for keys that break the Redis Cluster rule or an unreadable password file.
/// </summary>
internal static class RedisMode
{
    /// <summary>
    /// The placeholder in <c>redis.stateKeyPrefix</c> that becomes the hash tag <c>{&lt;stationId&gt;}</c>, so
    /// one station's state keys share one Redis Cluster slot and two stations never share keys.
    /// </summary>
    public const string StationIdPlaceholder = "{stationId}";

    public static int Run(ProducerConfig config, string? configFile, ILoggerFactory loggerFactory, ILogger logger)
    {
        var stationId = config.StationId ?? ProducerConfig.BuiltInStationId;
        RedisTransportOptions options;
        try
        {
            options = ToTransportOptions(config, stationId, configFile, logger);
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"step_producer: config error: redis.connection.passwordFile: {error.Message}");
            return ExitCodes.Config;
        }

        var notifications = new ServiceNotifications();
        using var signals = new ShutdownSignals(
            signal =>
            {
                HostLog.ShutdownRequested(logger, signal, config.Timeout);
                notifications.Stopping();
            },
            loggerFactory.Dispose);
        using var producer = CreateProducer(options, config, stationId, loggerFactory, logger, notifications, TimeProvider.System);
        HostLog.Started(logger, Program.Version, config.InstanceName, stationId, "redis");
        StopOutcome outcome;
        try
        {
            outcome = producer.RunAsync(signals.Token).GetAwaiter().GetResult();
        }
        catch (OwnershipLostException)
        {
            // RedisLog.OwnershipLost has said who holds the state now.
            return ExitCodes.LostRedisOwnership;
        }
        catch (RedisMisconfigurationException error)
        {
            HostLog.RuntimeFailure(logger, error.Message, error);
            return error.IsClusterRule ? ExitCodes.Config : ExitCodes.RuntimeFailure;
        }

        notifications.Stopping();
        // RedisLog.ShutdownCancellationsNotSent has said why and that the state still holds the entries.
        return outcome == StopOutcome.Stopped ? ExitCodes.Success : ExitCodes.RuntimeFailure;
    }

    /// <summary>
    /// The producer with the host's reports wired: systemd READY once it runs, WATCHDOG from its loop and its
    /// outage waits, and the counters line (and STATUS) every <see cref="HostLog.CountersInterval"/> on <paramref name="time"/>.
    /// </summary>
    internal static RedisProducer CreateProducer(
        RedisTransportOptions options,
        ProducerConfig config,
        long stationId,
        ILoggerFactory loggerFactory,
        ILogger logger,
        ServiceNotifications notifications,
        TimeProvider time)
    {
        var producer = new RedisProducer(
            options, config.Den with { StationId = (uint)stationId }, new CloudEventInputHandler(), loggerFactory, time);
        producer.Running += () => notifications.Ready($"running: redis {options.Endpoint}, station {stationId}");
        producer.Heartbeat += notifications.PingWatchdogIfDue;
        producer.MaxHeartbeatGap = notifications.WatchdogPingPeriod;
        producer.ReportCountersEvery(HostLog.CountersInterval, counters =>
        {
            var den = counters.Den;
            HostLog.Counters(logger, den.EventsIn, den.NewOut, den.UpdateOut, den.RepeatOut, den.CancelOut, den.NegateOut,
                den.ExpireCancelOut, counters.DeadLetters, den.ActiveEntries);
            notifications.Status(
                $"running: redis {options.Endpoint}, {den.EventsIn} events in, {den.DenmsOut} DENMs out, {den.ActiveEntries} active");
        });
        return producer;
    }

    internal static RedisTransportOptions ToTransportOptions(ProducerConfig config, long stationId, string? configFile, ILogger logger)
    {
        var redis = config.Redis!;
        var connection = redis.Connection;
        var password = connection.Password;
        if (password is not null && configFile is not null)
        {
            WarnIfReadableByOthers(configFile, "redis.connection.password", logger);
        }

        if (connection.PasswordFile is { } passwordFile)
        {
            WarnIfReadableByOthers(passwordFile, "redis.connection.passwordFile", logger);
            password = ReadFirstLine(passwordFile);
        }

        var streams = redis.Streams;
        return new RedisTransportOptions
        {
            Host = connection.Host,
            Port = connection.Port,
            Database = connection.Database,
            Username = connection.Username,
            Password = password,
            Tls = connection.Tls,
            CaCertificatePath = connection.CaCertificate,
            RetryInterval = TimeSpan.FromMilliseconds(connection.RetryIntervalMs),
            MaxRetryInterval = TimeSpan.FromMilliseconds(connection.MaxRetryIntervalMs),
            Timeout = TimeSpan.FromSeconds(config.Timeout),
            InstanceName = config.InstanceName,
            Inputs = [.. streams.Inputs.Select(input => new RedisInput(
                input.Name,
                input.Kind == Configuration.RedisInputKind.Events ? Transport.Redis.RedisInputKind.Events : Transport.Redis.RedisInputKind.ReceivedDenm,
                input.Group))],
            Outputs = [.. streams.Outputs.Select(output => new RedisOutput(output.Name, output.Jer, output.MaxLength))],
            DeadLetter = streams.DeadLetter,
            DeadLetterMaxLength = streams.DeadLetterMaxLength,
            BatchSize = streams.BatchSize,
            MaxEntryBytes = streams.MaxEntryBytes,
            ClaimIdle = TimeSpan.FromMilliseconds(streams.ClaimIdleMs),
            StateKeyPrefix = redis.StateKeyPrefix.Replace(
                StationIdPlaceholder, "{" + stationId.ToString(CultureInfo.InvariantCulture) + "}", StringComparison.Ordinal),
        };
    }

    /// <summary>The password is the file's first line (a trailing newline or CR is not part of it).</summary>
    private static string ReadFirstLine(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine() ?? throw new IOException($"file \"{path}\" is empty");
    }

    private static void WarnIfReadableByOthers(string path, string key, ILogger logger)
    {
        // The program ships for Linux only (linux-x64, linux-arm64); file modes exist there.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.OtherRead) != 0)
        {
            HostLog.SecretReadableByOthers(logger, path, key);
        }
    }
}
