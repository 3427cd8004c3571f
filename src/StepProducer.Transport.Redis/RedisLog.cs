using Microsoft.Extensions.Logging;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Every log event of the Redis transport. Event IDs are stable (operators filter on them) and unique
/// (a test checks it); this transport uses the range 5000-5099.
/// </summary>
/// <remarks>
/// Counts and numbers are <c>long</c> parameters even where an <c>int</c> would do: every distinct list of value-type
/// parameter types is a separate generic instantiation of the logging code, about 4 KB of the Native AOT binary
/// each (README "Footprint"), and the rendered line is the same.
/// </remarks>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 5000, EventName = "RedisOutageStarted", Level = LogLevel.Warning,
        Message = "Redis at {Endpoint} is unavailable: {Reason}; retrying in {RetryMs} ms, backing off")]
    public static partial void OutageStarted(ILogger logger, string endpoint, string reason, long retryMs);

    [LoggerMessage(EventId = 5001, EventName = "RedisOutageContinues", Level = LogLevel.Warning,
        Message = "Redis at {Endpoint} still unavailable after {Seconds} s: {Reason}")]
    public static partial void OutageContinues(ILogger logger, string endpoint, long seconds, string reason);

    [LoggerMessage(EventId = 5002, EventName = "RedisOutageEnded", Level = LogLevel.Information,
        Message = "Redis at {Endpoint} is available again after {Seconds} s")]
    public static partial void OutageEnded(ILogger logger, string endpoint, long seconds);

    [LoggerMessage(EventId = 5003, EventName = "RedisOwnershipTaken", Level = LogLevel.Information,
        Message = "took the DEN state under '{Prefix}' with ownership epoch {Epoch} (last batch {Batch}, "
            + "{Originating} originating and {Receiving} receiving entries)")]
    public static partial void OwnershipTaken(
        ILogger logger, string prefix, long epoch, long batch, int originating, int receiving);

    [LoggerMessage(EventId = 5004, EventName = "RedisOwnershipLost", Level = LogLevel.Critical,
        Message = "lost ownership of the DEN state under '{Prefix}': epoch is now {CurrentEpoch}, this instance "
            + "had {OwnEpoch}; another producer took over; stopping without committing")]
    public static partial void OwnershipLost(ILogger logger, string prefix, long currentEpoch, long ownEpoch);

    [LoggerMessage(EventId = 5005, EventName = "RedisCommandFailed", Level = LogLevel.Critical,
        Message = "Redis command {Command} on '{Key}' failed inside batch {Batch}: {Error}; this is a "
            + "misconfiguration (wrong key type or permissions); stopping, no more entries are acknowledged")]
    public static partial void CommandFailed(ILogger logger, string command, string key, long batch, string error);

    [LoggerMessage(EventId = 5006, EventName = "RedisCommitUnknown", Level = LogLevel.Warning,
        Message = "outcome of batch {Batch} is unknown ({Reason}); reading the batch number back before restoring")]
    public static partial void CommitUnknown(ILogger logger, long batch, string reason);

    [LoggerMessage(EventId = 5007, EventName = "RedisStateRestored", Level = LogLevel.Information,
        Message = "restored the DEN state from Redis at batch {Batch} ({Reason})")]
    public static partial void StateRestored(ILogger logger, long batch, string reason);

    [LoggerMessage(EventId = 5008, EventName = "RedisEntryDeadLettered", Level = LogLevel.Warning,
        Message = "entry {Stream}/{Id} sent to the dead-letter stream: {Error}")]
    public static partial void EntryDeadLettered(ILogger logger, string stream, string id, string error);

    [LoggerMessage(EventId = 5009, EventName = "RedisGroupCreated", Level = LogLevel.Information,
        Message = "created consumer group '{Group}' on stream '{Stream}' (reads entries added from now on)")]
    public static partial void GroupCreated(ILogger logger, string stream, string group);

    [LoggerMessage(EventId = 5010, EventName = "RedisEntriesClaimed", Level = LogLevel.Information,
        Message = "claimed {Count} entries of '{Stream}' left pending by other consumers of group '{Group}'")]
    public static partial void EntriesClaimed(ILogger logger, int count, string stream, string group);

    [LoggerMessage(EventId = 5011, EventName = "RedisConnected", Level = LogLevel.Information,
        Message = "connected to Redis at {Endpoint} for {Role} (database {Database}, tls {Tls}, user {User})")]
    public static partial void Connected(ILogger logger, string endpoint, RedisConnectionRole role, int database, bool tls, string user);

    [LoggerMessage(EventId = 5012, EventName = "RedisCommitConflict", Level = LogLevel.Warning,
        Message = "batch {Batch} was not applied: the batch number in Redis moved (a late commit landed); restoring")]
    public static partial void CommitConflict(ILogger logger, long batch);

    [LoggerMessage(EventId = 5013, EventName = "RedisStateEntrySkipped", Level = LogLevel.Error,
        Message = "state entry '{Field}' cannot be read and is skipped: {Error}")]
    public static partial void StateEntrySkipped(ILogger logger, string field, string error);

    [LoggerMessage(EventId = 5014, EventName = "RedisShutdownCancellationsCommitted", Level = LogLevel.Information,
        Message = "den.onShutdown cancel: {Cancelled} active DENMs cancelled and {Removed} originating entries removed from the state in batch {Batch}")]
    public static partial void ShutdownCancellationsCommitted(ILogger logger, long cancelled, long removed, long batch);

    [LoggerMessage(EventId = 5015, EventName = "RedisShutdownCancellationsNotSent", Level = LogLevel.Error,
        Message = "den.onShutdown cancel: the cancellations were not sent ({Reason}); the state under '{Prefix}' still holds "
            + "the active entries, and the next start resumes them")]
    public static partial void ShutdownCancellationsNotSent(ILogger logger, string reason, string prefix);
}
