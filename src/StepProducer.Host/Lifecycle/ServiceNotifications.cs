using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;

namespace StepProducer.Host.Lifecycle;

/// <summary>
/// sd_notify messages for a Type=notify systemd unit, sent through the maintained
/// <see cref="SystemdNotifier"/> (it reads NOTIFY_SOCKET; without it every call is a no-op).
/// READY=1 once the pipeline runs, STATUS= lines, STOPPING=1 at shutdown, and WATCHDOG=1 at half of
/// WATCHDOG_USEC, pinged by the stdio pipeline's timer loop or the Redis producer's loop (and its outage
/// waits), so a stuck loop stops the pings.
/// </summary>
public sealed class ServiceNotifications
{
    private static readonly ServiceState WatchdogPing = new("WATCHDOG=1");

    private readonly SystemdNotifier notifier = new();
    private readonly long watchdogPeriodTicks;
    private long nextWatchdogPing;
    private int stoppingSent;

    public ServiceNotifications()
    {
        watchdogPeriodTicks = ReadWatchdogPeriod();
        nextWatchdogPing = Stopwatch.GetTimestamp();
    }

    /// <summary>True when systemd asked for watchdog pings (WATCHDOG_USEC set for this process).</summary>
    public bool WatchdogEnabled => watchdogPeriodTicks > 0;

    /// <summary>How often <see cref="PingWatchdogIfDue"/> pings (half of WATCHDOG_USEC), or null without a watchdog.</summary>
    public TimeSpan? WatchdogPingPeriod =>
        WatchdogEnabled ? TimeSpan.FromSeconds((double)watchdogPeriodTicks / Stopwatch.Frequency) : null;

    public void Ready(string status)
    {
        notifier.Notify(ServiceState.Ready);
        Status(status);
    }

    public void Status(string status) => notifier.Notify(new ServiceState("STATUS=" + status));

    /// <summary>Sends STOPPING=1 once, whether the stop came from a signal or from the end of input.</summary>
    public void Stopping()
    {
        if (Interlocked.Exchange(ref stoppingSent, 1) == 0)
        {
            notifier.Notify(ServiceState.Stopping);
        }
    }

    /// <summary>Sends WATCHDOG=1 when half the watchdog interval has passed since the last ping.</summary>
    public void PingWatchdogIfDue()
    {
        if (watchdogPeriodTicks == 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (now >= nextWatchdogPing)
        {
            notifier.Notify(WatchdogPing);
            nextWatchdogPing = now + watchdogPeriodTicks;
        }
    }

    /// <summary>
    /// Half of WATCHDOG_USEC in Stopwatch ticks (sd_watchdog_enabled(3) recommends pinging at half the
    /// interval), or 0 when no watchdog applies: unset, unparsable, or WATCHDOG_PID names another process.
    /// </summary>
    private static long ReadWatchdogPeriod()
    {
        var watchdogPid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (watchdogPid is not null && watchdogPid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return 0;
        }

        if (!long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None,
                CultureInfo.InvariantCulture, out var microseconds) || microseconds == 0)
        {
            return 0;
        }

        // 1 µs = Frequency / 1,000,000 ticks.
        return microseconds * Stopwatch.Frequency / 1_000_000 / 2;
    }
}
