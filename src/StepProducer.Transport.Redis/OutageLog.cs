using Microsoft.Extensions.Logging;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Logs a Redis outage without flooding: one warning when it starts, a reminder every minute while it
/// lasts, and one line when Redis answers again.
/// </summary>
public sealed class OutageLog(ILogger logger, TimeProvider time, string endpoint)
{
    /// <summary>How often a lasting outage is repeated in the log (the "a reminder every minute").</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset? outageStart;
    private DateTimeOffset lastReminder;

    public bool InOutage => outageStart is not null;

    /// <summary>An attempt failed; <paramref name="retryIn"/> is the delay before the next one.</summary>
    public void Failed(Exception error, TimeSpan retryIn)
    {
        var now = time.GetUtcNow();
        if (outageStart is null)
        {
            outageStart = now;
            lastReminder = now;
            RedisLog.OutageStarted(logger, endpoint, Describe(error), (long)retryIn.TotalMilliseconds);
        }
        else if (now - lastReminder >= ReminderInterval)
        {
            lastReminder = now;
            RedisLog.OutageContinues(logger, endpoint, (long)(now - outageStart.Value).TotalSeconds, Describe(error));
        }
    }

    /// <summary>Redis answered; ends an outage if one was logged.</summary>
    public void Recovered()
    {
        if (outageStart is { } start)
        {
            RedisLog.OutageEnded(logger, endpoint, (long)(time.GetUtcNow() - start).TotalSeconds);
            outageStart = null;
        }
    }

    /// <summary>The first line of the error: SE.Redis messages can be long; the first line names the cause.</summary>
    private static string Describe(Exception error)
    {
        var message = error.Message;
        var newline = message.IndexOf('\n');
        return newline < 0 ? message : message[..newline].TrimEnd();
    }
}
