using Microsoft.Extensions.Logging;

namespace StepProducer.Den;

/// <summary>
/// The service's log events. Names and IDs (3000-3099, the DEN service's range) are stable: operators
/// filter on them, so an event keeps its ID for good and a removed one's ID is not reused.
/// </summary>
/// <remarks>
/// Counts and numbers are <c>long</c> parameters even where an <c>int</c> would do: every distinct list of value-type
/// parameter types is a separate generic instantiation of the logging code, about 4 KB of the Native AOT binary
/// each (README "Footprint"), and the rendered line is the same.
/// </remarks>
internal static partial class DenLog
{
    [LoggerMessage(EventId = 3001, EventName = "OwnEventNegated", Level = LogLevel.Information,
        Message = "Station {NegatingStationId} negated our event {ActionId}; entry removed, its repetition stopped (source {Source})")]
    public static partial void OwnEventNegated(ILogger logger, uint negatingStationId, ActionId actionId, RecordSource source);

    [LoggerMessage(EventId = 3002, EventName = "ForeignCancellationIgnored", Level = LogLevel.Warning,
        Message = "Station {StationId} sent a cancellation of our event {ActionId}; only the originator cancels, ignored (source {Source})")]
    public static partial void ForeignCancellationIgnored(ILogger logger, uint stationId, ActionId actionId, RecordSource source);

    [LoggerMessage(EventId = 3003, EventName = "EventExpired", Level = LogLevel.Debug,
        Message = "Event {ActionId} reached the end of its validity in state {State}; removed")]
    public static partial void EventExpired(ILogger logger, ActionId actionId, DenEntryState state);

    [LoggerMessage(EventId = 3004, EventName = "RestoredState", Level = LogLevel.Information,
        Message = "Restored {OriginatingCount} originating and {ReceivingCount} receiving entries, next sequence number {NextSequenceNumber}; {ExpiredCount} had expired during the outage")]
    public static partial void RestoredState(ILogger logger, long originatingCount, long receivingCount, long nextSequenceNumber, long expiredCount);

    [LoggerMessage(EventId = 3005, EventName = "RestoreEntrySkipped", Level = LogLevel.Warning,
        Message = "Restore skipped entry {ActionId} of the {Table} table: {Reason}")]
    public static partial void RestoreEntrySkipped(ILogger logger, ActionId actionId, DenTable table, string reason);

    [LoggerMessage(EventId = 3006, EventName = "EventSilent", Level = LogLevel.Debug,
        Message = "Event {ActionId} was not reported for cancelAfterSilenceMs; cancelled")]
    public static partial void EventSilent(ILogger logger, ActionId actionId);

    [LoggerMessage(EventId = 3007, EventName = "CancelledOnShutdown", Level = LogLevel.Information,
        Message = "den.onShutdown cancel: {Cancelled} active events cancelled, {Removed} originating entries removed, {Kept} kept (their cancellation could not be built)")]
    public static partial void CancelledOnShutdown(ILogger logger, long cancelled, long removed, long kept);
}
