using StepProducer.Encoding.Denm;

namespace StepProducer.Den;

public sealed partial class DenService
{
    /// <summary>
    /// A DENM received by the RSU (UPER of the configured version). Echoes of our own DENMs are ignored;
    /// others go through the reception rules of EN 302 637-3 v1.3.1 clause 8 into the receiving table. A
    /// negation of one of our ACTIVE events removes it ("message termination"); a foreign cancellation of
    /// our ActionID is ignored. Undecodable bytes are rejected with the codec's field path and rule.
    /// </summary>
    public DenResult Receive(ReadOnlySpan<byte> uper, RecordSource source)
    {
        _receivedIn++;
        if (!_builder.TryDecode(uper, out var fields, out var error))
        {
            return Reject($"uper: {error.Message}");
        }

        if (fields.HeaderStationId == _options.StationId)
        {
            return Discard(DenOutcome.Echo, fields.ActionId);
        }

        if (!TryStartRequest(out var nowTimestamp, out var nowIts, out var rejected))
        {
            return rejected;
        }

        if (ValidityEndIts(fields.DetectionTime, fields.ValidityDurationS) < nowIts)
        {
            return Discard(DenOutcome.Expired, fields.ActionId);
        }

        if (fields.ActionId.OriginatingStationId == _options.StationId)
        {
            return ReceiveAboutOurEvent(fields, nowTimestamp, nowIts, source);
        }

        if (!_receiving.TryFind(fields.ActionId, out var slot))
        {
            if (fields.Termination != NoTermination)
            {
                return Discard(DenOutcome.UnknownTermination, fields.ActionId);
            }

            slot = _receiving.Add(fields.ActionId);
        }
        else
        {
            ref var stored = ref _receiving[slot];
            if (fields.ReferenceTime < stored.ReferenceTime || fields.DetectionTime < stored.DetectionTime)
            {
                _outdated++;
                return Discard(DenOutcome.Outdated, fields.ActionId);
            }

            if (fields.ReferenceTime == stored.ReferenceTime && fields.DetectionTime == stored.DetectionTime && fields.Termination == stored.Termination)
            {
                return Discard(DenOutcome.Repetition, fields.ActionId);
            }
        }

        ref var entry = ref _receiving[slot];
        entry.DetectionTime = fields.DetectionTime;
        entry.ReferenceTime = fields.ReferenceTime;
        entry.EventPosition = fields.EventPosition;
        entry.ValidityDurationS = fields.ValidityDurationS;
        entry.Termination = fields.Termination;
        entry.State = fields.Termination switch
        {
            (sbyte)Termination.IsCancellation => DenEntryState.Cancelled,
            (sbyte)Termination.IsNegation => DenEntryState.Negated,
            _ => DenEntryState.Active,
        };

        // T_R_Validity runs from the DENM's own detectionTime, not from reception.
        entry.ValidityEnd = _clock.ItsToTimestamp(ValidityEndIts(fields.DetectionTime, fields.ValidityDurationS), nowIts, nowTimestamp);
        _timers.Cancel(entry.Timer);
        entry.Timer = _timers.Schedule(_clock.TickAtOrAfter(entry.ValidityEnd), ~slot);
        _changes.TouchReceiving(slot);
        return new DenResult(DenOutcome.Received, fields.ActionId);
    }

    private DenResult ReceiveAboutOurEvent(in ReceivedFields fields, long nowTimestamp, long nowIts, RecordSource source)
    {
        switch (fields.Termination)
        {
            case (sbyte)Termination.IsNegation:
                if (TryFindCurrentActive(fields.ActionId, nowTimestamp, nowIts, out var slot))
                {
                    DenLog.OwnEventNegated(_logger, fields.HeaderStationId, fields.ActionId, source);
                    RemoveOriginating(slot);
                    return new DenResult(DenOutcome.OwnEventNegated, fields.ActionId);
                }

                return Discard(DenOutcome.UnknownTermination, fields.ActionId);
            case (sbyte)Termination.IsCancellation:
                DenLog.ForeignCancellationIgnored(_logger, fields.HeaderStationId, fields.ActionId, source);
                return Discard(DenOutcome.ForeignCancellationIgnored, fields.ActionId);
            default:
                // Our event forwarded by another station (keep-alive forwarding): nothing to learn from it.
                return Discard(DenOutcome.Echo, fields.ActionId);
        }
    }

    private DenResult Discard(DenOutcome outcome, ActionId actionId)
    {
        _receivedDiscarded++;
        return new DenResult(outcome, actionId);
    }

    private void OnReceivingTimer(int slot, long nowTimestamp)
    {
        ref var entry = ref _receiving[slot];
        entry.Timer = default;
        if (entry.ValidityEnd > nowTimestamp)
        {
            entry.Timer = _timers.Schedule(_clock.TickAtOrAfter(entry.ValidityEnd), ~slot);
            return;
        }

        _changes.Remove(new DenStateKey(DenTable.Receiving, entry.ActionId));
        _receiving.Remove(slot);
    }
}
