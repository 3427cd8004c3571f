namespace StepProducer.Den;

/// <summary>What a request or a received DENM did.</summary>
public enum DenOutcome : byte
{
    /// <summary>A new event: ActionID allocated, <c>new</c> record emitted.</summary>
    New,

    /// <summary>An ACTIVE event updated: same ActionID, <c>update</c> record emitted.</summary>
    Updated,

    /// <summary>An update arrived within minUpdateIntervalMs; it is held and emitted when the interval has passed.</summary>
    Coalesced,

    /// <summary>Older detectionTime (or referenceTime) than the stored one: ignored and counted.</summary>
    Outdated,

    /// <summary>Invalid input or a limit reached; <see cref="DenResult.Reason"/> names the field and rule.</summary>
    Rejected,

    /// <summary>Our event cancelled: <c>cancel</c> record emitted.</summary>
    Cancelled,

    /// <summary>A received event negated: <c>negate</c> record emitted.</summary>
    Negated,

    /// <summary>A received DENM inserted into or updated in the receiving table.</summary>
    Received,

    /// <summary>A received DENM equal to the stored one (a repetition): discarded.</summary>
    Repetition,

    /// <summary>A received DENM whose header stationId is ours: an echo of our own output, ignored.</summary>
    Echo,

    /// <summary>A received DENM whose detectionTime + validityDuration is past: discarded.</summary>
    Expired,

    /// <summary>A received termination for an ActionID we never saw: discarded.</summary>
    UnknownTermination,

    /// <summary>Another station negated one of our ACTIVE events ("message termination"): entry removed, nothing emitted.</summary>
    OwnEventNegated,

    /// <summary>Another station sent a cancellation of our ActionID; only the originator cancels, so it is ignored.</summary>
    ForeignCancellationIgnored,
}

/// <summary>The outcome of one call, with the ActionID concerned and, for rejections, the reason.</summary>
public readonly record struct DenResult(DenOutcome Outcome, ActionId ActionId, string? Reason = null)
{
    public bool IsRejected => Outcome == DenOutcome.Rejected;

    internal static DenResult Reject(string reason) => new(DenOutcome.Rejected, default, reason);

    internal static DenResult Reject(ActionId actionId, string reason) => new(DenOutcome.Rejected, actionId, reason);
}

/// <summary>Running totals since the service started (not persisted).</summary>
public readonly record struct DenCounters
{
    /// <summary>Collision reports and termination requests handed to the service.</summary>
    public long EventsIn { get; init; }

    public long NewOut { get; init; }

    public long UpdateOut { get; init; }

    public long RepeatOut { get; init; }

    public long CancelOut { get; init; }

    public long NegateOut { get; init; }

    public long ExpireCancelOut { get; init; }

    public long Coalesced { get; init; }

    public long Outdated { get; init; }

    public long Rejected { get; init; }

    /// <summary>DENMs handed to <see cref="DenService.Receive"/>.</summary>
    public long ReceivedIn { get; init; }

    /// <summary>Received DENMs discarded by the reception rules (echo, expired, outdated, repetition, unknown termination).</summary>
    public long ReceivedDiscarded { get; init; }

    public int ActiveEntries { get; init; }

    public int OriginatingEntries { get; init; }

    public int ReceivingEntries { get; init; }

    public long DenmsOut => NewOut + UpdateOut + RepeatOut + CancelOut + NegateOut + ExpireCancelOut;

    /// <summary>
    /// These counters continued from <paramref name="earlier"/>, those of a service instance this one replaced
    /// (a restore rebuilds the service): the running totals add up, the entry gauges are this instance's.
    /// </summary>
    public DenCounters ContinuedFrom(in DenCounters earlier) => this with
    {
        EventsIn = earlier.EventsIn + EventsIn,
        NewOut = earlier.NewOut + NewOut,
        UpdateOut = earlier.UpdateOut + UpdateOut,
        RepeatOut = earlier.RepeatOut + RepeatOut,
        CancelOut = earlier.CancelOut + CancelOut,
        NegateOut = earlier.NegateOut + NegateOut,
        ExpireCancelOut = earlier.ExpireCancelOut + ExpireCancelOut,
        Coalesced = earlier.Coalesced + Coalesced,
        Outdated = earlier.Outdated + Outdated,
        Rejected = earlier.Rejected + Rejected,
        ReceivedIn = earlier.ReceivedIn + ReceivedIn,
        ReceivedDiscarded = earlier.ReceivedDiscarded + ReceivedDiscarded,
    };
}
