using System.Text.Json.Serialization;

namespace StepProducer.Den;

/// <summary>Which DENM ASN.1 module the service emits and decodes.</summary>
[JsonConverter(typeof(Asn1VersionJson))]
public enum Asn1Version
{
    /// <summary>EN 302 637-3 v1.3.1 on CDD TS 102 894-2 v1.3.1.</summary>
    V1,

    /// <summary>TS 103 831 v2.2.1 on CDD TS 102 894-2 v2.2.1.</summary>
    V2,
}

/// <summary>JSON names of <see cref="Asn1Version"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class Asn1VersionJson() : ConfigEnumConverter<Asn1Version>(ConfigEnumNames.Renamed("v1", "v2"));

/// <summary>What happens when an ACTIVE originating entry reaches the end of its validity.</summary>
[JsonConverter(typeof(OnExpiryActionJson))]
public enum OnExpiryAction
{
    /// <summary>Emit an <c>expire-cancel</c> record (a cancellation DENM with detectionTime = now), then remove.</summary>
    Cancel,

    /// <summary>Remove the entry silently.</summary>
    Drop,
}

/// <summary>JSON names of <see cref="OnExpiryAction"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class OnExpiryActionJson() : ConfigEnumConverter<OnExpiryAction>(ConfigEnumNames.Renamed("cancel", "drop"));

/// <summary>What a graceful stop (SIGTERM/SIGINT) does with the ACTIVE originating entries.</summary>
[JsonConverter(typeof(OnShutdownActionJson))]
public enum OnShutdownAction
{
    /// <summary>Leave them in the durable state; the next start goes on with them (repetition, expiry).</summary>
    Keep,

    /// <summary>Send a cancellation DENM for each and remove every originating entry (<see cref="DenService.CancelAllOnShutdown"/>).</summary>
    Cancel,
}

/// <summary>JSON names of <see cref="OnShutdownAction"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class OnShutdownActionJson() : ConfigEnumConverter<OnShutdownAction>(ConfigEnumNames.Renamed("keep", "cancel"));

/// <summary>RelevanceDistance (CDD TS 102 894-2 v1.3.1; StandardLength3b in v2.2.1, same values).</summary>
[JsonConverter(typeof(RelevanceDistanceJson))]
public enum RelevanceDistance
{
    LessThan50m = 0,

    LessThan100m = 1,

    LessThan200m = 2,

    LessThan500m = 3,

    LessThan1000m = 4,

    LessThan5km = 5,

    LessThan10km = 6,

    Over10km = 7,
}

/// <summary>JSON names of <see cref="RelevanceDistance"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class RelevanceDistanceJson() : ConfigEnumConverter<RelevanceDistance>(ConfigEnumNames.Renamed("lessThan50m", "lessThan100m", "lessThan200m", "lessThan500m", "lessThan1000m", "lessThan5km", "lessThan10km", "over10km"));

/// <summary>
/// RelevanceTrafficDirection (CDD TS 102 894-2 v1.3.1). The v2.2.1 TrafficDirection has the same four values
/// under longer names; the config uses the v1 identifiers for both outputs.
/// </summary>
[JsonConverter(typeof(RelevanceTrafficDirectionJson))]
public enum RelevanceTrafficDirection
{
    AllTrafficDirections = 0,

    UpstreamTraffic = 1,

    DownstreamTraffic = 2,

    OppositeTraffic = 3,
}

/// <summary>JSON names of <see cref="RelevanceTrafficDirection"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class RelevanceTrafficDirectionJson() : ConfigEnumConverter<RelevanceTrafficDirection>(ConfigEnumNames.Renamed("allTrafficDirections", "upstreamTraffic", "downstreamTraffic", "oppositeTraffic"));

/// <summary>
/// The <c>den</c> section of the configuration. Property names are the config keys (camelCase in JSON).
/// Call <see cref="Validate"/> at startup; <see cref="DenService"/> refuses options that do not validate.
/// </summary>
public sealed record DenOptions
{
    /// <summary>Upper bound of ValidityDuration / DeltaTimeSecond (0..86400 s) in both CDD versions.</summary>
    public const int MaxValidityS = 86400;

    /// <summary>Upper bound of TransmissionInterval / DeltaTimeMilliSecondPositive (1..10000 ms).</summary>
    public const int MaxTransmissionIntervalMs = 10000;

    /// <summary>SequenceNumber is INTEGER (0..65535) (CDD v1.3.1 / v2.2.1), so at most 65,536 ActionIDs exist.</summary>
    public const int MaxSequenceNumbers = 65536;

    public static DenOptions Default { get; } = new();

    /// <summary>Our ITS station ID (StationID 0..4294967295): header stationId and originatingStationId.</summary>
    public uint StationId { get; init; }

    public Asn1Version Asn1 { get; init; } = Asn1Version.V2;

    /// <summary>Leap seconds inserted since 2004-01-01 (TimestampIts counts them); 5 since 2017-01-01.</summary>
    public int LeapSeconds { get; init; } = 5;

    /// <summary>validityDuration of new and update DENMs in seconds, counted from detectionTime.</summary>
    public int ValidityDurationS { get; init; } = 2;

    /// <summary>validityDuration of cancellation and negation DENMs; null = the event's validity.</summary>
    public int? TerminationValidityS { get; init; }

    /// <summary>Re-emit interval of the latest DENM of each entry; 0 turns repetition off.</summary>
    public int RepetitionIntervalMs { get; init; }

    /// <summary>How long repetition goes on after a new/update DENM (bounded by validity); 0 = until validity ends.</summary>
    public int RepetitionDurationMs { get; init; }

    /// <summary>Whether cancellation and negation DENMs are repeated like the others.</summary>
    public bool RepeatTerminations { get; init; }

    public OnExpiryAction OnExpiry { get; init; } = OnExpiryAction.Cancel;

    /// <summary>Keep the ACTIVE events for the next start, or cancel them on a graceful stop (issue 5, "Connection").</summary>
    public OnShutdownAction OnShutdown { get; init; } = OnShutdownAction.Keep;

    /// <summary>Cancel an ACTIVE event nobody reported for this long; 0 turns it off.</summary>
    public int CancelAfterSilenceMs { get; init; }

    /// <summary>Updates of one event closer together than this are coalesced to the newest.</summary>
    public int MinUpdateIntervalMs { get; init; } = 100;

    /// <summary>At most this many ACTIVE originating entries; RSU memory is small.</summary>
    public int MaxActiveEvents { get; init; } = 10000;

    public RelevanceDistance RelevanceDistance { get; init; } = RelevanceDistance.LessThan100m;

    public RelevanceTrafficDirection RelevanceTrafficDirection { get; init; } = RelevanceTrafficDirection.AllTrafficDirections;

    /// <summary>Timer resolution and the period at which the owner calls <see cref="DenService.Advance"/>.</summary>
    public int CleanupIntervalMs { get; init; } = 10;

    /// <summary>
    /// How far a detectionTime may lie ahead of our clock. 500 ms: predictor and RSU clocks are both
    /// GNSS/NTP disciplined, so more than half a second ahead means a wrong clock or a wrong unit, and with
    /// the 2 s default validity a larger skew would keep an event alive for visibly longer than intended.
    /// </summary>
    public int MaxFutureSkewMs { get; init; } = 500;

    /// <summary>Returns one message per invalid key, each starting with the key path; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        // Leap seconds since 2004 are a small non-negative count (5 in 2017); 100 leaves room for the future
        // while catching a value typed in milliseconds.
        CheckRange(errors, "leapSeconds", LeapSeconds, 0, 100);
        CheckRange(errors, "validityDurationS", ValidityDurationS, 1, MaxValidityS);
        if (TerminationValidityS is int terminationValidity)
        {
            CheckRange(errors, "terminationValidityS", terminationValidity, 0, MaxValidityS);
        }

        if (RepetitionIntervalMs != 0)
        {
            // The interval is written into the DENM as transmissionInterval (1..10000 ms).
            CheckRange(errors, "repetitionIntervalMs", RepetitionIntervalMs, 1, MaxTransmissionIntervalMs);
            if (RepetitionIntervalMs < CleanupIntervalMs)
            {
                errors.Add($"den.repetitionIntervalMs: {RepetitionIntervalMs} is shorter than den.cleanupIntervalMs ({CleanupIntervalMs}), the timer resolution");
            }
        }

        CheckRange(errors, "repetitionDurationMs", RepetitionDurationMs, 0, MaxValidityS * 1000);
        if (!Enum.IsDefined(OnExpiry))
        {
            errors.Add($"den.onExpiry: {(int)OnExpiry} is not one of cancel, drop");
        }

        if (!Enum.IsDefined(OnShutdown))
        {
            errors.Add($"den.onShutdown: {(int)OnShutdown} is not one of keep, cancel");
        }

        CheckRange(errors, "cancelAfterSilenceMs", CancelAfterSilenceMs, 0, MaxValidityS * 1000);
        CheckRange(errors, "minUpdateIntervalMs", MinUpdateIntervalMs, 0, MaxValidityS * 1000);
        CheckRange(errors, "maxActiveEvents", MaxActiveEvents, 1, MaxSequenceNumbers);
        if (!Enum.IsDefined(RelevanceDistance))
        {
            errors.Add($"den.relevanceDistance: {(int)RelevanceDistance} is not a RelevanceDistance value (0..7)");
        }

        if (!Enum.IsDefined(RelevanceTrafficDirection))
        {
            errors.Add($"den.relevanceTrafficDirection: {(int)RelevanceTrafficDirection} is not a RelevanceTrafficDirection value (0..3)");
        }

        if (!Enum.IsDefined(Asn1))
        {
            errors.Add($"den.asn1: {(int)Asn1} is not one of v1, v2");
        }

        // 1 ms is the finest useful tick; 1000 ms would make 1 s validities fire up to a second late.
        CheckRange(errors, "cleanupIntervalMs", CleanupIntervalMs, 1, 1000);
        CheckRange(errors, "maxFutureSkewMs", MaxFutureSkewMs, 0, MaxValidityS * 1000);
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid key.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }
    }

    private static void CheckRange(List<string> errors, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add($"den.{key}: {value} is outside {min}..{max}");
        }
    }
}
