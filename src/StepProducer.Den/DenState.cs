using StepProducer.Encoding.Its;

namespace StepProducer.Den;

/// <summary>The two message tables of the DEN basic service (EN 302 637-3 v1.3.1 clause 8).</summary>
public enum DenTable : byte
{
    /// <summary>Events we originate, and the NEGATED entries of foreign events we negated.</summary>
    Originating,

    /// <summary>Events received from other stations.</summary>
    Receiving,
}

/// <summary>Entry states of both tables (EN 302 637-3 v1.3.1 clause 8).</summary>
public enum DenEntryState : byte
{
    Active,
    Cancelled,
    Negated,
}

/// <summary>Identifies one durable entry: its table and ActionID.</summary>
public readonly record struct DenStateKey(DenTable Table, ActionId ActionId);

/// <summary>
/// One durable table entry. Times are wall-clock TimestampIts (ms since 2004, leap seconds counted), because
/// monotonic timestamps do not survive a restart; 0 means "not set". <see cref="Denm"/> is only valid during
/// <see cref="IDenStateStore.Apply"/>; a store that keeps it copies it.
/// </summary>
public readonly record struct DenStateEntry
{
    public DenTable Table { get; init; }

    public ActionId ActionId { get; init; }

    public DenEntryState State { get; init; }

    /// <summary>The predicted-collision key of our own events; null for NEGATED and receiving entries.</summary>
    public EventKey? EventKey { get; init; }

    /// <summary>detectionTime of the entry's latest DENM.</summary>
    public long DetectionTime { get; init; }

    /// <summary>referenceTime of the entry's latest DENM.</summary>
    public long ReferenceTime { get; init; }

    /// <summary>termination of a received DENM; null for a non-termination DENM and for originating entries.</summary>
    public Encoding.Denm.Termination? Termination { get; init; }

    /// <summary>validityDuration (s) of the entry's latest DENM; it ends at DetectionTime + 1000 × this.</summary>
    public int ValidityDurationS { get; init; }

    /// <summary>The validityDuration (s) of the event's latest new/update DENM; cancellations default to it.</summary>
    public int EventValidityDurationS { get; init; }

    /// <summary>When the next repeat is due; 0 = no repetition pending.</summary>
    public long NextRepetitionTime { get; init; }

    /// <summary>When repetition ends (exclusive).</summary>
    public long RepetitionEndTime { get; init; }

    /// <summary>When the event was last reported (for cancelAfterSilenceMs); 0 for non-ACTIVE entries.</summary>
    public long LastReportTime { get; init; }

    /// <summary>management.eventPosition of the entry's latest DENM (kept for the negation of a received DENM).</summary>
    public ReferencePosition EventPosition { get; init; }

    /// <summary>situation.informationQuality of an originating event DENM.</summary>
    public int InformationQuality { get; init; }

    /// <summary>transmissionInterval of the stored DENM (ms); null when absent.</summary>
    public int? TransmissionIntervalMs { get; init; }

    /// <summary>The UPER bytes of the entry's latest emitted DENM (originating table); empty for receiving entries.</summary>
    public ReadOnlyMemory<byte> Denm { get; init; }
}

/// <summary>
/// The durable changes since the last <see cref="DenService.FlushState"/>: apply <see cref="Removals"/>
/// first, then <see cref="Upserts"/>, then store <see cref="NextSequenceNumber"/>. Owned by the service and
/// reused; valid only during <see cref="IDenStateStore.Apply"/>.
/// </summary>
public sealed class DenStateBatch
{
    // Doubled whenever a batch needs more; a steady state reuses the grown arrays.
    private DenStateEntry[] _upserts = new DenStateEntry[1];
    private DenStateKey[] _removals = new DenStateKey[1];

    /// <summary>The next sequence number the allocator tries (0..65535), so a restart does not reissue ActionIDs.</summary>
    public int NextSequenceNumber { get; internal set; }

    public int UpsertCount { get; private set; }

    public int RemovalCount { get; private set; }

    public ReadOnlySpan<DenStateEntry> Upserts => _upserts.AsSpan(0, UpsertCount);

    public ReadOnlySpan<DenStateKey> Removals => _removals.AsSpan(0, RemovalCount);

    public bool IsEmpty => UpsertCount == 0 && RemovalCount == 0;

    internal void AddUpsert(in DenStateEntry entry)
    {
        if (UpsertCount == _upserts.Length)
        {
            Array.Resize(ref _upserts, _upserts.Length * 2);
        }

        _upserts[UpsertCount++] = entry;
    }

    internal void AddRemoval(DenStateKey key)
    {
        if (RemovalCount == _removals.Length)
        {
            Array.Resize(ref _removals, _removals.Length * 2);
        }

        _removals[RemovalCount++] = key;
    }

    internal void Clear()
    {
        Array.Clear(_upserts, 0, UpsertCount);
        UpsertCount = 0;
        RemovalCount = 0;
    }
}

/// <summary>A full copy of the durable state, read back at startup and given to <see cref="DenService.Restore"/>.</summary>
public sealed class DenStateSnapshot
{
    public int NextSequenceNumber { get; init; }

    public IReadOnlyList<DenStateEntry> Entries { get; init; } = [];
}

/// <summary>
/// Where the service keeps its durable state (table entries with their encoded DENM and timer due times,
/// and the sequence counter). Transport-neutral and batch-friendly: the service collects the changes of
/// a batch of operations and hands them over in one <see cref="Apply"/> call.
/// </summary>
public interface IDenStateStore
{
    void Apply(DenStateBatch batch);
}

/// <summary>An <see cref="IDenStateStore"/> in memory: for tests, and for running without a durable store.</summary>
public sealed class InMemoryDenStateStore : IDenStateStore
{
    private readonly Dictionary<DenStateKey, DenStateEntry> _entries = [];

    public int NextSequenceNumber { get; private set; }

    public int Count => _entries.Count;

    public void Apply(DenStateBatch batch)
    {
        foreach (var key in batch.Removals)
        {
            _entries.Remove(key);
        }

        foreach (var entry in batch.Upserts)
        {
            _entries[new DenStateKey(entry.Table, entry.ActionId)] = entry with { Denm = entry.Denm.ToArray() };
        }

        NextSequenceNumber = batch.NextSequenceNumber;
    }

    public bool TryGet(DenStateKey key, out DenStateEntry entry) => _entries.TryGetValue(key, out entry);

    public DenStateSnapshot Snapshot() => new()
    {
        NextSequenceNumber = NextSequenceNumber,
        Entries = [.. _entries.Values],
    };
}
