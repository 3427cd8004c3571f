namespace StepProducer.Den;

/// <summary>
/// One predicted collision from the crash predictor. A reusable, mutable request: the parser fills one
/// instance per input record (call <see cref="Reset"/> first), so parsing allocates nothing.
/// </summary>
public sealed class CollisionReport
{
    private StationIdSet _stationIds;

    /// <summary>The 2..16 distinct involved station IDs; add with <c>report.StationIds.Add(id)</c>.</summary>
    public ref StationIdSet StationIds => ref _stationIds;

    public CollisionRisk Risk { get; set; }

    /// <summary>Predicted collision point, WGS84 degrees (-90..90).</summary>
    public double LatitudeDeg { get; set; }

    /// <summary>Predicted collision point, WGS84 degrees (-180..180).</summary>
    public double LongitudeDeg { get; set; }

    /// <summary>Altitude in metres; null = unavailable.</summary>
    public double? AltitudeM { get; set; }

    /// <summary>When the predictor made this prediction; null = now.</summary>
    public DateTimeOffset? DetectionTime { get; set; }

    /// <summary>Collision probability 0..1; null = informationQuality 0 (unavailable).</summary>
    public double? Probability { get; set; }

    /// <summary>Accepted and range-checked, not put into the DENM yet (the v2 preCrash container is a later step).</summary>
    public int? TimeToCollisionMs { get; set; }

    /// <summary>Overrides <see cref="DenOptions.ValidityDurationS"/> for this event.</summary>
    public int? ValidityDurationS { get; set; }

    public void Reset()
    {
        _stationIds.Clear();
        Risk = CollisionRisk.Unknown;
        LatitudeDeg = 0;
        LongitudeDeg = 0;
        AltitudeM = null;
        DetectionTime = null;
        Probability = null;
        TimeToCollisionMs = null;
        ValidityDurationS = null;
    }
}

/// <summary>
/// Ends an event: by <see cref="ActionId"/> (ours → cancellation, a received one → negation), or by the
/// event key (station IDs + risk) of one of our predicted collisions. Reusable like <see cref="CollisionReport"/>.
/// </summary>
public sealed class TerminationRequest
{
    private StationIdSet _stationIds;

    /// <summary>When set, the ActionID to terminate; the station IDs and risk are then ignored.</summary>
    public ActionId? ActionId { get; set; }

    public ref StationIdSet StationIds => ref _stationIds;

    public CollisionRisk Risk { get; set; }

    /// <summary>When the end of the event was detected; null = now.</summary>
    public DateTimeOffset? DetectionTime { get; set; }

    public void Reset()
    {
        ActionId = null;
        _stationIds.Clear();
        Risk = CollisionRisk.Unknown;
        DetectionTime = null;
    }
}
