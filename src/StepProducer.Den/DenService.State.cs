namespace StepProducer.Den;

public sealed partial class DenService
{
    /// <summary>
    /// Hands the durable changes since the last call (entries written or removed, the sequence counter)
    /// to the state store in one batch. Call it after each input batch and after <see cref="Advance"/>;
    /// does nothing without a store or without changes.
    /// </summary>
    public void FlushState()
    {
        if (_stateStore is null || !_changes.Any)
        {
            return;
        }

        var nowTimestamp = _clock.Timestamp();
        var nowIts = _clock.NowIts();
        foreach (var slot in _changes.DirtyOriginating)
        {
            if (_originating[slot].Live)
            {
                _batch.AddUpsert(ToStateEntry(slot, nowTimestamp, nowIts));
            }
        }

        foreach (var slot in _changes.DirtyReceiving)
        {
            if (_receiving[slot].Live)
            {
                _batch.AddUpsert(ToStateEntry(_receiving[slot]));
            }
        }

        foreach (var key in _changes.Removals)
        {
            _batch.AddRemoval(key);
        }

        _batch.NextSequenceNumber = _nextSequenceNumber;
        _changes.Clear();
        try
        {
            _stateStore.Apply(_batch);
        }
        finally
        {
            _batch.Clear();
        }
    }

    /// <summary>
    /// Rebuilds both tables, their timers and the sequence counter from a snapshot read at startup, before
    /// any other call. Entries whose validity ended during the outage get their expiry action at once (an
    /// ACTIVE one an <c>expire-cancel</c> record with source "restore"); invalid entries are skipped and logged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The service already holds entries.</exception>
    public void Restore(DenStateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_originating.Count > 0 || _receiving.Count > 0)
        {
            throw new InvalidOperationException("Restore must run before any other call: the tables already hold entries");
        }

        var nowTimestamp = _clock.Timestamp();
        var nowIts = _clock.NowIts();
        var restored = new List<int>(snapshot.Entries.Count);
        var receivingCount = 0;
        var expiredCount = 0;
        foreach (var stored in snapshot.Entries)
        {
            var problem = CheckRestorable(stored);
            if (problem is not null)
            {
                DenLog.RestoreEntrySkipped(_logger, stored.ActionId, stored.Table, problem);
                continue;
            }

            if (stored.Table == DenTable.Originating)
            {
                restored.Add(RestoreOriginating(stored, nowTimestamp, nowIts));
            }
            else if (ValidityEndIts(stored.DetectionTime, stored.ValidityDurationS) < nowIts)
            {
                _changes.Remove(new DenStateKey(DenTable.Receiving, stored.ActionId));
                expiredCount++;
            }
            else
            {
                RestoreReceiving(stored, nowTimestamp, nowIts);
                receivingCount++;
            }
        }

        _nextSequenceNumber = snapshot.NextSequenceNumber is >= 0 and < DenOptions.MaxSequenceNumbers ? snapshot.NextSequenceNumber : 0;
        foreach (var slot in restored)
        {
            ref var entry = ref _originating[slot];
            if (entry.Live && entry.ValidityEnd <= nowTimestamp)
            {
                expiredCount++;
                _timers.Cancel(entry.Timer);
                entry.Timer = default;
                OnOriginatingTimer(slot, nowTimestamp, nowIts, RecordSource.Restore);
            }
        }

        DenLog.RestoredState(_logger, restored.Count, receivingCount, _nextSequenceNumber, expiredCount);
    }

    private string? CheckRestorable(in DenStateEntry stored)
    {
        if (!Enum.IsDefined(stored.Table) || !Enum.IsDefined(stored.State))
        {
            return "table or state is not a known value";
        }

        if (stored.ValidityDurationS is < 0 or > DenOptions.MaxValidityS)
        {
            return $"validityDurationS {stored.ValidityDurationS} is outside 0..{DenOptions.MaxValidityS}";
        }

        if (stored.Table == DenTable.Receiving)
        {
            return _receiving.TryFind(stored.ActionId, out _) ? "duplicate ActionID" : null;
        }

        if (stored.Denm.Length is 0 or > OriginatingTable.DenmStride)
        {
            return $"stored DENM of {stored.Denm.Length} bytes is outside 1..{OriginatingTable.DenmStride}";
        }

        if (_originating.TryFind(stored.ActionId, out _))
        {
            return "duplicate ActionID";
        }

        if (stored.State == DenEntryState.Active)
        {
            if (stored.EventKey is not { } key || stored.ActionId.OriginatingStationId != _options.StationId)
            {
                return "an ACTIVE entry must be ours and have an event key";
            }

            if (_originating.TryFindActive(key, out _))
            {
                return "a second ACTIVE entry for the same event key";
            }
        }

        return null;
    }

    private int RestoreOriginating(in DenStateEntry stored, long nowTimestamp, long nowIts)
    {
        var slot = _originating.Add(stored.ActionId);
        ref var entry = ref _originating[slot];
        entry.State = stored.State;
        entry.EventValidityDurationS = stored.EventValidityDurationS;
        entry.Content = new DenmContent
        {
            DetectionTime = stored.DetectionTime,
            ReferenceTime = stored.ReferenceTime,
            EventPosition = stored.EventPosition,
            ValidityDurationS = stored.ValidityDurationS,
            TransmissionIntervalMs = stored.TransmissionIntervalMs ?? 0,
            Termination = stored.State switch
            {
                DenEntryState.Cancelled => (sbyte)Encoding.Denm.Termination.IsCancellation,
                DenEntryState.Negated => (sbyte)Encoding.Denm.Termination.IsNegation,
                _ => NoTermination,
            },
            InformationQuality = (byte)stored.InformationQuality,
            Risk = stored.EventKey?.Risk ?? CollisionRisk.Unknown,
        };
        stored.Denm.Span.CopyTo(_originating.DenmSlot(slot));
        entry.DenmLength = (short)stored.Denm.Length;
        if (stored.EventKey is { } key)
        {
            entry.Key = key;
            entry.HasKey = true;
            if (stored.State == DenEntryState.Active)
            {
                _originating.IndexKey(slot, key);
                _originating.ActiveCount++;
            }
        }

        entry.ValidityEnd = _clock.ItsToTimestamp(ValidityEndIts(stored.DetectionTime, stored.ValidityDurationS), nowIts, nowTimestamp);
        entry.NextRepetition = stored.NextRepetitionTime == 0 ? 0 : _clock.ItsToTimestamp(stored.NextRepetitionTime, nowIts, nowTimestamp);
        entry.RepetitionEnd = stored.RepetitionEndTime == 0 ? 0 : _clock.ItsToTimestamp(stored.RepetitionEndTime, nowIts, nowTimestamp);
        if (stored.State == DenEntryState.Active)
        {
            entry.LastReport = stored.LastReportTime == 0 ? nowTimestamp : _clock.ItsToTimestamp(stored.LastReportTime, nowIts, nowTimestamp);
            entry.SilenceDeadline = _options.CancelAfterSilenceMs > 0 ? _clock.AddMilliseconds(entry.LastReport, _options.CancelAfterSilenceMs) : 0;
        }

        Reschedule(slot);
        return slot;
    }

    private void RestoreReceiving(in DenStateEntry stored, long nowTimestamp, long nowIts)
    {
        var slot = _receiving.Add(stored.ActionId);
        ref var entry = ref _receiving[slot];
        entry.DetectionTime = stored.DetectionTime;
        entry.ReferenceTime = stored.ReferenceTime;
        entry.EventPosition = stored.EventPosition;
        entry.ValidityDurationS = stored.ValidityDurationS;
        entry.Termination = stored.Termination is { } termination ? (sbyte)termination : NoTermination;
        entry.State = stored.State;
        entry.ValidityEnd = _clock.ItsToTimestamp(ValidityEndIts(stored.DetectionTime, stored.ValidityDurationS), nowIts, nowTimestamp);
        entry.Timer = _timers.Schedule(_clock.TickAtOrAfter(entry.ValidityEnd), ~slot);
    }

    private DenStateEntry ToStateEntry(int slot, long nowTimestamp, long nowIts)
    {
        ref var entry = ref _originating[slot];
        return new DenStateEntry
        {
            Table = DenTable.Originating,
            ActionId = entry.ActionId,
            State = entry.State,
            EventKey = entry.HasKey ? entry.Key : null,
            DetectionTime = entry.Content.DetectionTime,
            ReferenceTime = entry.Content.ReferenceTime,
            ValidityDurationS = entry.Content.ValidityDurationS,
            EventValidityDurationS = entry.EventValidityDurationS,
            NextRepetitionTime = entry.NextRepetition == 0 ? 0 : _clock.TimestampToIts(entry.NextRepetition, nowIts, nowTimestamp),
            RepetitionEndTime = entry.RepetitionEnd == 0 ? 0 : _clock.TimestampToIts(entry.RepetitionEnd, nowIts, nowTimestamp),
            LastReportTime = entry.LastReport == 0 ? 0 : _clock.TimestampToIts(entry.LastReport, nowIts, nowTimestamp),
            EventPosition = entry.Content.EventPosition,
            InformationQuality = entry.Content.InformationQuality,
            TransmissionIntervalMs = entry.Content.TransmissionIntervalMs == 0 ? null : entry.Content.TransmissionIntervalMs,
            Denm = _originating.DenmMemory(slot),
        };
    }

    private static DenStateEntry ToStateEntry(in ReceivingEntry entry) => new()
    {
        Table = DenTable.Receiving,
        ActionId = entry.ActionId,
        State = entry.State,
        DetectionTime = entry.DetectionTime,
        ReferenceTime = entry.ReferenceTime,
        Termination = entry.Termination < 0 ? null : (Encoding.Denm.Termination)entry.Termination,
        ValidityDurationS = entry.ValidityDurationS,
        EventValidityDurationS = entry.ValidityDurationS,
        EventPosition = entry.EventPosition,
    };

    /// <summary>
    /// Durable changes collected between two <see cref="FlushState"/> calls: dirty slots of both tables (each
    /// listed once) and removed keys. Disabled without a store, so the hot path then does no bookkeeping.
    /// </summary>
    private sealed class StateChanges(bool enabled)
    {
        private readonly List<DenStateKey> _removals = [];
        private readonly List<int> _dirtyOriginating = [];
        private readonly List<int> _dirtyReceiving = [];
        // Grown on demand to the highest slot marked; the first flushes then settle the size.
        private bool[] _isDirtyOriginating = [];
        private bool[] _isDirtyReceiving = [];
        private bool _sequenceChanged;

        public bool Any => _sequenceChanged || _removals.Count > 0 || _dirtyOriginating.Count > 0 || _dirtyReceiving.Count > 0;

        public List<int> DirtyOriginating => _dirtyOriginating;

        public List<int> DirtyReceiving => _dirtyReceiving;

        public List<DenStateKey> Removals => _removals;

        public void Touch(int slot) => Mark(slot, ref _isDirtyOriginating, _dirtyOriginating);

        public void TouchReceiving(int slot) => Mark(slot, ref _isDirtyReceiving, _dirtyReceiving);

        public void SequenceChanged() => _sequenceChanged = enabled;

        public void Remove(DenStateKey key)
        {
            if (enabled)
            {
                _removals.Add(key);
            }
        }

        public void Clear()
        {
            foreach (var slot in _dirtyOriginating)
            {
                _isDirtyOriginating[slot] = false;
            }

            foreach (var slot in _dirtyReceiving)
            {
                _isDirtyReceiving[slot] = false;
            }

            _dirtyOriginating.Clear();
            _dirtyReceiving.Clear();
            _removals.Clear();
            _sequenceChanged = false;
        }

        private void Mark(int slot, ref bool[] isDirty, List<int> dirty)
        {
            if (!enabled)
            {
                return;
            }

            if (slot >= isDirty.Length)
            {
                Array.Resize(ref isDirty, Math.Max(slot + 1, isDirty.Length * 2));
            }

            if (!isDirty[slot])
            {
                isDirty[slot] = true;
                dirty.Add(slot);
            }
        }
    }
}
