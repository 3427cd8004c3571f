using Microsoft.Extensions.Logging;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;

namespace StepProducer.Den;

public sealed partial class DenService
{
    /// <summary>Latitude (-900000000..900000001) and Longitude are in 0.1 microdegree (CDD v1.3.1 / v2.2.1).</summary>
    private const double TenthMicrodegreesPerDegree = 10_000_000;

    /// <summary>AltitudeValue is in cm; 800001 = unavailable (CDD v1.3.1 / v2.2.1).</summary>
    private const int CentimetresPerMetre = 100;
    private const int AltitudeUnavailable = 800001;

    /// <summary>AltitudeValue's usable range, -100000..800000 cm.</summary>
    private const double MinAltitudeM = -1000;
    private const double MaxAltitudeM = 8000;

    /// <summary>SemiAxisLength unavailable (4095) and HeadingValue unavailable (3601): the predictor gives no ellipse.</summary>
    private const int SemiAxisUnavailable = 4095;
    private const int HeadingUnavailable = 3601;

    /// <summary>InformationQuality: 0 = unavailable, 1 lowest .. 7 highest (CDD v1.3.1 / v2.2.1).</summary>
    private const int HighestInformationQuality = 7;

    private const sbyte NoTermination = -1;

    /// <summary>
    /// A predicted collision: an update when its event key (station IDs + risk) is ACTIVE, else a new event.
    /// Updates within den.minUpdateIntervalMs of the last emitted DENM are coalesced; the newest is emitted
    /// when the interval has passed. Invalid or stale reports are rejected, naming the field and rule.
    /// </summary>
    public DenResult ReportCollision(CollisionReport report, RecordSource source)
    {
        ArgumentNullException.ThrowIfNull(report);
        _eventsIn++;
        if (!TryStartRequest(out var nowTimestamp, out var nowIts, out var rejected))
        {
            return rejected;
        }

        var invalid = ValidateReport(report);
        if (invalid is not null)
        {
            return Reject(invalid);
        }

        var outside = ToDetectionTime(report.DetectionTime, nowIts, out var detectionTime);
        if (outside is not null)
        {
            return Reject(outside);
        }

        var validityDurationS = report.ValidityDurationS ?? _options.ValidityDurationS;
        var timing = CheckDetectionTime(detectionTime, validityDurationS, nowIts);
        if (timing is not null)
        {
            return Reject(timing);
        }

        var prediction = new Prediction
        {
            DetectionTime = detectionTime,
            EventPosition = ToReferencePosition(report),
            ValidityDurationS = validityDurationS,
            InformationQuality = ToInformationQuality(report.Probability),
        };
        var key = new EventKey(report.StationIds, report.Risk);
        return TryFindCurrentActive(key, nowTimestamp, nowIts, out var slot)
            ? Update(slot, prediction, nowTimestamp, nowIts, source)
            : Trigger(key, prediction, nowTimestamp, nowIts, source);
    }

    /// <summary>
    /// Ends an event. Our ACTIVE event (by ActionID or event key) gets a cancellation DENM and becomes
    /// CANCELLED; an ACTIVE received event gets a negation DENM and a NEGATED entry. Anything else is rejected.
    /// </summary>
    public DenResult Terminate(TerminationRequest request, RecordSource source)
    {
        ArgumentNullException.ThrowIfNull(request);
        _eventsIn++;
        if (!TryStartRequest(out var nowTimestamp, out var nowIts, out var rejected))
        {
            return rejected;
        }

        var outside = ToDetectionTime(request.DetectionTime, nowIts, out var detectionTime);
        if (outside is not null)
        {
            return Reject(outside);
        }

        if (detectionTime > nowIts + _options.MaxFutureSkewMs)
        {
            return Reject($"detectionTime: {detectionTime} is more than den.maxFutureSkewMs ({_options.MaxFutureSkewMs} ms) after now ({nowIts})");
        }

        int slot;
        if (request.ActionId is not { } actionId)
        {
            if (request.StationIds.Count < StationIdSet.MinCount)
            {
                return Reject($"stationIds: {request.StationIds.Count} given, a terminate by event key needs {StationIdSet.MinCount}..{StationIdSet.MaxCount} (or an actionId)");
            }

            if (!TryFindCurrentActive(new EventKey(request.StationIds, request.Risk), nowTimestamp, nowIts, out slot))
            {
                return Reject($"stationIds: no ACTIVE event for these stations with risk {request.Risk}");
            }

            return Cancel(slot, detectionTime, nowTimestamp, nowIts, source);
        }

        if (actionId.OriginatingStationId == _options.StationId)
        {
            return TryFindCurrentActive(actionId, nowTimestamp, nowIts, out slot)
                ? Cancel(slot, detectionTime, nowTimestamp, nowIts, source)
                : Reject(actionId, $"actionId: {actionId} is not an ACTIVE event of ours");
        }

        return _receiving.TryFind(actionId, out var received) && _receiving[received].State == DenEntryState.Active && _receiving[received].ValidityEnd > nowTimestamp
            ? Negate(received, detectionTime, nowTimestamp, nowIts, source)
            : Reject(actionId, $"actionId: {actionId} is neither our event nor an ACTIVE received one");
    }

    private DenResult Trigger(in EventKey key, in Prediction prediction, long nowTimestamp, long nowIts, RecordSource source)
    {
        if (_originating.ActiveCount >= _options.MaxActiveEvents)
        {
            return Reject($"den.maxActiveEvents: {_originating.ActiveCount} events are ACTIVE, the configured limit; new event refused");
        }

        if (!TryAllocateSequenceNumber(out var sequenceNumber))
        {
            return Reject("actionId.sequenceNumber: all 65536 sequence numbers (0..65535) are held by entries in the table");
        }

        var actionId = new ActionId(_options.StationId, sequenceNumber);
        var slot = _originating.Add(actionId);
        ref var entry = ref _originating[slot];
        entry.State = DenEntryState.Active;
        entry.Content.Risk = key.Risk;
        _originating.IndexKey(slot, key);
        _originating.ActiveCount++;
        if (!TryEncodeEvent(slot, prediction, nowTimestamp, nowIts, out var failure))
        {
            _originating.ActiveCount--;
            _originating.Remove(slot);
            return Reject(actionId, failure);
        }

        Emit(DenRecordKind.New, slot, source);
        return new DenResult(DenOutcome.New, actionId);
    }

    private DenResult Update(int slot, in Prediction prediction, long nowTimestamp, long nowIts, RecordSource source)
    {
        ref var entry = ref _originating[slot];
        var newest = entry.HasPending ? Math.Max(entry.Pending.DetectionTime, entry.Content.DetectionTime) : entry.Content.DetectionTime;
        if (prediction.DetectionTime < newest)
        {
            return Outdated(entry.ActionId);
        }

        entry.LastReport = nowTimestamp;
        if (_options.CancelAfterSilenceMs > 0)
        {
            entry.SilenceDeadline = _clock.AddMilliseconds(nowTimestamp, _options.CancelAfterSilenceMs);
        }

        // Coalesce only when the held update can still go out before the event's validity ends.
        if (nowTimestamp < entry.NextUpdateAllowed && entry.NextUpdateAllowed < entry.ValidityEnd)
        {
            entry.Pending = prediction;
            entry.HasPending = true;
            entry.PendingDue = entry.NextUpdateAllowed;
            _coalesced++;
            _changes.Touch(slot);
            Reschedule(slot);
            return new DenResult(DenOutcome.Coalesced, entry.ActionId);
        }

        if (!TryEncodeEvent(slot, prediction, nowTimestamp, nowIts, out var failure))
        {
            return Reject(entry.ActionId, failure);
        }

        Emit(DenRecordKind.Update, slot, source);
        return new DenResult(DenOutcome.Updated, entry.ActionId);
    }

    /// <summary>
    /// Writes a new/update DENM for the entry (same ActionID, referenceTime = now), restarts validity,
    /// repetition and the update interval, and reschedules the entry's timer. False when encoding failed;
    /// the stored DENM is then unchanged.
    /// </summary>
    private bool TryEncodeEvent(int slot, in Prediction prediction, long nowTimestamp, long nowIts, out string failure)
    {
        ref var entry = ref _originating[slot];
        var previous = entry.Content;
        entry.Content.DetectionTime = prediction.DetectionTime;

        // referenceTime never goes back, even if the wall clock is stepped back, so receivers do not
        // discard the DENM as outdated (EN 302 637-3 v1.3.1 clause 8 reception rules).
        entry.Content.ReferenceTime = Math.Max(nowIts, previous.ReferenceTime);
        entry.Content.EventPosition = prediction.EventPosition;
        entry.Content.ValidityDurationS = prediction.ValidityDurationS;
        entry.Content.InformationQuality = prediction.InformationQuality;
        entry.Content.TransmissionIntervalMs = _options.RepetitionIntervalMs;
        entry.Content.Termination = NoTermination;
        if (!TryEncode(slot, out failure))
        {
            entry.Content = previous;
            return false;
        }

        entry.EventValidityDurationS = prediction.ValidityDurationS;
        entry.HasPending = false;
        entry.PendingDue = 0;
        entry.NextUpdateAllowed = _options.MinUpdateIntervalMs > 0 ? _clock.AddMilliseconds(nowTimestamp, _options.MinUpdateIntervalMs) : 0;
        entry.ValidityEnd = _clock.ItsToTimestamp(ValidityEndIts(prediction.DetectionTime, prediction.ValidityDurationS), nowIts, nowTimestamp);
        if (entry.LastReport == 0)
        {
            entry.LastReport = nowTimestamp;
            entry.SilenceDeadline = _options.CancelAfterSilenceMs > 0 ? _clock.AddMilliseconds(nowTimestamp, _options.CancelAfterSilenceMs) : 0;
        }

        StartRepetition(ref entry, nowTimestamp);
        _changes.Touch(slot);
        Reschedule(slot);
        return true;
    }

    private DenResult Cancel(int slot, long detectionTime, long nowTimestamp, long nowIts, RecordSource source)
    {
        ref var entry = ref _originating[slot];
        var validityDurationS = _options.TerminationValidityS ?? entry.EventValidityDurationS;
        if (CheckTerminationTime(entry.ActionId, entry.Content.DetectionTime, detectionTime, validityDurationS, nowIts) is { } refused)
        {
            return refused;
        }

        var previous = entry.Content;
        WriteTerminationContent(ref entry.Content, detectionTime, Math.Max(nowIts, previous.ReferenceTime), validityDurationS, Termination.IsCancellation);
        if (!TryEncode(slot, out var failure))
        {
            entry.Content = previous;
            return Reject(entry.ActionId, failure);
        }

        entry.State = DenEntryState.Cancelled;
        _originating.ActiveCount--;
        _originating.UnindexKey(slot);
        StartTerminationLifetime(ref entry, detectionTime, validityDurationS, nowTimestamp, nowIts);
        _changes.Touch(slot);
        Reschedule(slot);
        Emit(DenRecordKind.Cancel, slot, source);
        return new DenResult(DenOutcome.Cancelled, entry.ActionId);
    }

    private DenResult Negate(int receivedSlot, long detectionTime, long nowTimestamp, long nowIts, RecordSource source)
    {
        ref var received = ref _receiving[receivedSlot];
        var validityDurationS = _options.TerminationValidityS ?? received.ValidityDurationS;
        if (CheckTerminationTime(received.ActionId, received.DetectionTime, detectionTime, validityDurationS, nowIts) is { } refused)
        {
            return refused;
        }

        if (_originating.TryFind(received.ActionId, out var stale))
        {
            // An earlier negation of the same event, superseded by the newer DENM we received since.
            RemoveOriginating(stale);
        }

        var slot = _originating.Add(received.ActionId);
        ref var entry = ref _originating[slot];
        entry.EventValidityDurationS = validityDurationS;
        entry.Content.EventPosition = received.EventPosition;

        // A negation carries the negated DENM's referenceTime so receivers do not discard it as outdated
        // (EN 302 637-3 v1.3.1 clause 8, AppDENM_termination).
        WriteTerminationContent(ref entry.Content, detectionTime, received.ReferenceTime, validityDurationS, Termination.IsNegation);
        if (!TryEncode(slot, out var failure))
        {
            _originating.Remove(slot);
            return Reject(received.ActionId, failure);
        }

        entry.State = DenEntryState.Negated;
        received.State = DenEntryState.Negated;
        _changes.TouchReceiving(receivedSlot);
        StartTerminationLifetime(ref entry, detectionTime, validityDurationS, nowTimestamp, nowIts);
        _changes.Touch(slot);
        Reschedule(slot);
        Emit(DenRecordKind.Negate, slot, source);
        return new DenResult(DenOutcome.Negated, entry.ActionId);
    }

    /// <summary>
    /// AppDENM_termination step 1: a termination older than the DENM it ends is outdated (receivers would
    /// discard it), and one whose own validity is already past is rejected. Null when it may go out.
    /// </summary>
    private DenResult? CheckTerminationTime(ActionId actionId, long storedDetectionTime, long detectionTime, int validityDurationS, long nowIts)
    {
        if (detectionTime < storedDetectionTime)
        {
            return Outdated(actionId);
        }

        return ValidityEndIts(detectionTime, validityDurationS) < nowIts
            ? Reject(actionId, $"detectionTime: {detectionTime} + terminationValidityS {validityDurationS} s is already past (now {nowIts})")
            : null;
    }

    private void WriteTerminationContent(ref DenmContent content, long detectionTime, long referenceTime, int validityDurationS, Termination termination)
    {
        content.DetectionTime = detectionTime;
        content.ReferenceTime = referenceTime;
        content.ValidityDurationS = validityDurationS;
        content.Termination = (sbyte)termination;
        content.TransmissionIntervalMs = _options.RepeatTerminations ? _options.RepetitionIntervalMs : 0;
    }

    private void StartTerminationLifetime(ref OriginatingEntry entry, long detectionTime, int validityDurationS, long nowTimestamp, long nowIts)
    {
        entry.HasPending = false;
        entry.PendingDue = 0;
        entry.SilenceDeadline = 0;
        entry.LastReport = 0;
        entry.ValidityEnd = _clock.ItsToTimestamp(ValidityEndIts(detectionTime, validityDurationS), nowIts, nowTimestamp);
        if (_options.RepeatTerminations)
        {
            StartRepetition(ref entry, nowTimestamp);
        }
        else
        {
            entry.NextRepetition = 0;
            entry.RepetitionEnd = 0;
        }
    }

    /// <summary>
    /// T_Repetition / T_RepetitionDuration: repeats at now + k × interval while that is before the end of
    /// repetitionDurationMs (0 = no own bound) and before the end of validity.
    /// </summary>
    private void StartRepetition(ref OriginatingEntry entry, long nowTimestamp)
    {
        if (_options.RepetitionIntervalMs == 0)
        {
            entry.NextRepetition = 0;
            entry.RepetitionEnd = 0;
            return;
        }

        entry.RepetitionEnd = _options.RepetitionDurationMs > 0
            ? Math.Min(entry.ValidityEnd, _clock.AddMilliseconds(nowTimestamp, _options.RepetitionDurationMs))
            : entry.ValidityEnd;
        var next = _clock.AddMilliseconds(nowTimestamp, _options.RepetitionIntervalMs);
        entry.NextRepetition = next < entry.RepetitionEnd ? next : 0;
    }

    private bool TryEncode(int slot, out string failure)
    {
        ref var entry = ref _originating[slot];
        try
        {
            var length = _builder.BuildAndEncode(entry.ActionId, entry.Content, _originating.DenmSlot(slot));
            entry.DenmLength = (short)length;
            failure = string.Empty;
            return true;
        }
        catch (DenmEncodeException exception)
        {
            failure = exception.Message;
            return false;
        }
    }

    /// <summary>
    /// The originating entry's single timer fired: run whatever of its deadlines is due. Expiry comes first,
    /// so nothing is ever sent for an entry whose validity has ended; then a coalesced update, silence and
    /// repetition.
    /// </summary>
    private void OnOriginatingTimer(int slot, long nowTimestamp, long nowIts, RecordSource source)
    {
        ref var entry = ref _originating[slot];
        entry.Timer = default;
        entry.TimerDue = 0;
        if (entry.ValidityEnd <= nowTimestamp)
        {
            Expire(slot, nowIts, source);
            return;
        }

        if (entry.HasPending && entry.PendingDue <= nowTimestamp)
        {
            var pending = entry.Pending;
            entry.HasPending = false;
            entry.PendingDue = 0;
            if (TryEncodeEvent(slot, pending, nowTimestamp, nowIts, out _))
            {
                Emit(DenRecordKind.Update, slot, source);
            }
        }

        if (entry.State == DenEntryState.Active && entry.SilenceDeadline != 0 && entry.SilenceDeadline <= nowTimestamp)
        {
            DenLog.EventSilent(_logger, entry.ActionId);
            if (Cancel(slot, Math.Max(nowIts, entry.Content.DetectionTime), nowTimestamp, nowIts, source).Outcome == DenOutcome.Cancelled)
            {
                return;
            }

            // The cancellation could not be built; the event stays ACTIVE until its validity ends.
            entry.SilenceDeadline = 0;
        }

        if (entry.NextRepetition != 0 && entry.NextRepetition <= nowTimestamp)
        {
            _builder.Build(entry.ActionId, entry.Content);
            Emit(DenRecordKind.Repeat, slot, source);
            var next = _clock.AddMilliseconds(entry.NextRepetition, _options.RepetitionIntervalMs);
            if (next <= nowTimestamp)
            {
                // After a stall, continue the rhythm from now instead of sending a burst of catch-up repeats.
                next = _clock.AddMilliseconds(nowTimestamp, _options.RepetitionIntervalMs);
            }

            entry.NextRepetition = next < entry.RepetitionEnd ? next : 0;
            _changes.Touch(slot);
        }

        Reschedule(slot);
    }

    /// <summary>
    /// Validity ended: an ACTIVE entry gets an expire-cancel DENM (onExpiry = cancel) with detectionTime =
    /// now so receivers do not drop it as already expired; then the entry is removed in any state.
    /// </summary>
    private void Expire(int slot, long nowIts, RecordSource source)
    {
        ref var entry = ref _originating[slot];
        DenLog.EventExpired(_logger, entry.ActionId, entry.State);
        if (entry.State == DenEntryState.Active && _options.OnExpiry == OnExpiryAction.Cancel)
        {
            var validityDurationS = _options.TerminationValidityS ?? entry.EventValidityDurationS;
            WriteTerminationContent(
                ref entry.Content,
                Math.Max(nowIts, entry.Content.DetectionTime),
                Math.Max(nowIts, entry.Content.ReferenceTime),
                validityDurationS,
                Termination.IsCancellation);

            // The entry is removed right after, so an expire-cancel is sent once and never repeated.
            entry.Content.TransmissionIntervalMs = 0;
            if (TryEncode(slot, out _))
            {
                Emit(DenRecordKind.ExpireCancel, slot, source);
            }
        }

        RemoveOriginating(slot);
    }

    private void RemoveOriginating(int slot)
    {
        ref var entry = ref _originating[slot];
        if (entry.State == DenEntryState.Active)
        {
            _originating.ActiveCount--;
        }

        _timers.Cancel(entry.Timer);
        _changes.Remove(new DenStateKey(DenTable.Originating, entry.ActionId));
        _originating.Remove(slot);
    }

    /// <summary>
    /// Our ACTIVE entry for an event key or ActionID. One whose validity ended since the last timer tick is
    /// expired on the spot instead, so a request never acts on an expired entry.
    /// </summary>
    private bool TryFindCurrentActive(in EventKey key, long nowTimestamp, long nowIts, out int slot) =>
        _originating.TryFindActive(key, out slot) && !ExpireIfEnded(slot, nowTimestamp, nowIts);

    private bool TryFindCurrentActive(ActionId actionId, long nowTimestamp, long nowIts, out int slot) =>
        _originating.TryFind(actionId, out slot) && _originating[slot].State == DenEntryState.Active && !ExpireIfEnded(slot, nowTimestamp, nowIts);

    private bool ExpireIfEnded(int slot, long nowTimestamp, long nowIts)
    {
        ref var entry = ref _originating[slot];
        if (entry.ValidityEnd > nowTimestamp)
        {
            return false;
        }

        _timers.Cancel(entry.Timer);
        entry.Timer = default;
        Expire(slot, nowIts, RecordSource.Timer);
        return true;
    }

    /// <summary>Keeps one wheel timer per entry, at the earliest of its deadlines.</summary>
    private void Reschedule(int slot)
    {
        ref var entry = ref _originating[slot];
        var due = entry.ValidityEnd;
        due = EarliestSet(due, entry.NextRepetition);
        due = EarliestSet(due, entry.HasPending ? entry.PendingDue : 0);
        due = EarliestSet(due, entry.State == DenEntryState.Active ? entry.SilenceDeadline : 0);
        if (due == entry.TimerDue && !entry.Timer.IsNone)
        {
            return;
        }

        _timers.Cancel(entry.Timer);
        entry.Timer = _timers.Schedule(_clock.TickAtOrAfter(due), slot);
        entry.TimerDue = due;
    }

    private static long EarliestSet(long current, long candidate) => candidate != 0 && candidate < current ? candidate : current;

    /// <summary>
    /// Next unused sequence number: counts up, wraps from 65535 to 0, and skips numbers still held by an
    /// entry of ours in the table. At most one pass over the 65,536 values.
    /// </summary>
    private bool TryAllocateSequenceNumber(out ushort sequenceNumber)
    {
        for (var attempt = 0; attempt < DenOptions.MaxSequenceNumbers; attempt++)
        {
            var candidate = (ushort)_nextSequenceNumber;
            _nextSequenceNumber = (_nextSequenceNumber + 1) % DenOptions.MaxSequenceNumbers;
            if (!_originating.TryFind(new ActionId(_options.StationId, candidate), out _))
            {
                sequenceNumber = candidate;
                _changes.SequenceChanged();
                return true;
            }
        }

        sequenceNumber = 0;
        return false;
    }

    /// <summary>Checks the request fields; null when valid, else "field: rule".</summary>
    private string? ValidateReport(CollisionReport report)
    {
        var count = report.StationIds.Count;
        if (count < StationIdSet.MinCount)
        {
            return $"stationIds: {count} distinct IDs given, a collision needs {StationIdSet.MinCount}..{StationIdSet.MaxCount}";
        }

        // A range check, not Enum.IsDefined: that boxes the value on every call, and this is the hot path.
        if (report.Risk > CollisionRisk.MotorVehicle)
        {
            return $"risk: {(int)report.Risk} is not a known risk class";
        }

        if (!(report.LatitudeDeg >= -90 && report.LatitudeDeg <= 90))
        {
            return $"latitude: {report.LatitudeDeg} is outside -90..90 degrees";
        }

        if (!(report.LongitudeDeg >= -180 && report.LongitudeDeg <= 180))
        {
            return $"longitude: {report.LongitudeDeg} is outside -180..180 degrees";
        }

        if (report.AltitudeM is { } altitude && !(altitude >= MinAltitudeM && altitude <= MaxAltitudeM))
        {
            return $"altitude: {altitude} is outside {MinAltitudeM}..{MaxAltitudeM} m (AltitudeValue -100000..800000 cm)";
        }

        if (report.Probability is { } probability && !(probability >= 0 && probability <= 1))
        {
            return $"probability: {probability} is outside 0..1";
        }

        if (report.TimeToCollisionMs is < 0)
        {
            return $"timeToCollisionMs: {report.TimeToCollisionMs} is negative";
        }

        if (report.ValidityDurationS is < 0 or > DenOptions.MaxValidityS)
        {
            return $"validityDurationS: {report.ValidityDurationS} is outside 0..{DenOptions.MaxValidityS} (ValidityDuration / DeltaTimeSecond)";
        }

        return null;
    }

    /// <summary>AppDENM_trigger/update step 1: reject a stale event, and one too far in the future.</summary>
    private string? CheckDetectionTime(long detectionTime, int validityDurationS, long nowIts)
    {
        if (ValidityEndIts(detectionTime, validityDurationS) < nowIts)
        {
            return $"detectionTime: {detectionTime} + validityDurationS {validityDurationS} s is already past (now {nowIts})";
        }

        if (detectionTime > nowIts + _options.MaxFutureSkewMs)
        {
            return $"detectionTime: {detectionTime} is more than den.maxFutureSkewMs ({_options.MaxFutureSkewMs} ms) after now ({nowIts})";
        }

        return null;
    }

    private static ReferencePosition ToReferencePosition(CollisionReport report) => new()
    {
        Latitude = (int)Math.Round(report.LatitudeDeg * TenthMicrodegreesPerDegree),
        Longitude = (int)Math.Round(report.LongitudeDeg * TenthMicrodegreesPerDegree),
        PositionConfidenceEllipse = new PosConfidenceEllipse
        {
            SemiMajorConfidence = SemiAxisUnavailable,
            SemiMinorConfidence = SemiAxisUnavailable,
            SemiMajorOrientation = HeadingUnavailable,
        },
        Altitude = new Altitude
        {
            AltitudeValue = report.AltitudeM is { } metres ? (int)Math.Round(metres * CentimetresPerMetre) : AltitudeUnavailable,
            AltitudeConfidence = AltitudeConfidence.Unavailable,
        },
    };

    /// <summary>informationQuality from the collision probability: 0 when absent, else ceil(p × 7) clamped to 1..7.</summary>
    internal static byte ToInformationQuality(double? probability) => probability is { } p
        ? (byte)Math.Clamp((int)Math.Ceiling(p * HighestInformationQuality), 1, HighestInformationQuality)
        : (byte)0;
}
