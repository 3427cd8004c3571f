using StepProducer.Den;

namespace StepProducer.Host.Tests;

/// <summary>
/// Descriptions and ranges of the <c>den</c> keys for the schema. <see cref="DenOptions"/> belongs to the DEN
/// service and carries no schema attributes, and its ranges live in <see cref="DenOptions.Validate"/>; a test
/// holds this table to the type (same keys) and to Validate (each bound accepted, one past it refused).
/// </summary>
internal static class DenSectionSchema
{
    /// <summary>86400 s (DeltaTimeSecond / ValidityDuration upper bound, CDD v2.2.1) in milliseconds.</summary>
    private const long DayMs = DenOptions.MaxValidityS * 1000L;

    public static IReadOnlyDictionary<string, (string Description, long? Minimum, long? Maximum)> Keys { get; } =
        new Dictionary<string, (string, long?, long?)>(StringComparer.Ordinal)
        {
            ["asn1"] = ("DENM module of the output and of received DENMs: v2 = TS 103 831 v2.2.1 (CDD TS 102 894-2 "
                + "v2.2.1), v1 = EN 302 637-3 v1.3.1.", null, null),
            ["leapSeconds"] = ("Leap seconds since 2004-01-01 that TimestampIts counts (5 since 2017-01-01).", 0, 100),
            ["validityDurationS"] = ("validityDuration of new and update DENMs in seconds, counted from detectionTime.",
                1, DenOptions.MaxValidityS),
            ["terminationValidityS"] = ("validityDuration of cancellation and negation DENMs; null = the event's validity.",
                0, DenOptions.MaxValidityS),
            ["repetitionIntervalMs"] = ("Re-emit the latest DENM of each event this often (also its transmissionInterval, "
                + "1..10000 ms); 0 = no repetition. At least cleanupIntervalMs.", 0, DenOptions.MaxTransmissionIntervalMs),
            ["repetitionDurationMs"] = ("How long repetition goes on after a new or update DENM (bounded by validity); "
                + "0 = until validity ends. Needs repetitionIntervalMs.", 0, DayMs),
            ["repeatTerminations"] = ("Repeat cancellation and negation DENMs like the others.", null, null),
            ["onExpiry"] = ("When an active event's validity ends: cancel (emit an expire-cancel DENM) or drop (remove silently).",
                null, null),
            ["onShutdown"] = ("On a graceful stop (SIGTERM/SIGINT): keep (active events stay in the Redis state and the next start "
                + "goes on with them) or cancel (send a cancel DENM for each active event and remove our entries from the state; "
                + "stdio mode writes the cancel records before it exits).", null, null),
            ["cancelAfterSilenceMs"] = ("Cancel an active event nobody reported for this long; 0 = off.", 0, DayMs),
            ["minUpdateIntervalMs"] = ("Updates of one event closer together than this are coalesced to the newest.", 0, DayMs),
            ["maxActiveEvents"] = ("Most active originating events at once (SequenceNumber has 65536 values).",
                1, DenOptions.MaxSequenceNumbers),
            ["relevanceDistance"] = ("management.relevanceDistance (awarenessDistance in v2) of every DENM.", null, null),
            ["relevanceTrafficDirection"] = ("management.relevanceTrafficDirection (trafficDirection in v2) of every DENM.",
                null, null),
            ["cleanupIntervalMs"] = ("Timer wheel tick and the period at which the service's clock is advanced.", 1, 1000),
            ["maxFutureSkewMs"] = ("How far a detectionTime may lie ahead of this clock before the event is rejected.", 0, DayMs),
        };
}
