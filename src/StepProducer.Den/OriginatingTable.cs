using StepProducer.Encoding.Its;

namespace StepProducer.Den;

/// <summary>The content of a stored DENM, enough to rebuild its model exactly (for the JER mirror of a repeat).</summary>
internal struct DenmContent
{
    public long DetectionTime;
    public long ReferenceTime;
    public ReferencePosition EventPosition;
    public int ValidityDurationS;

    /// <summary>0 = absent.</summary>
    public int TransmissionIntervalMs;

    /// <summary>-1 = absent, else <see cref="Encoding.Denm.Termination"/>.</summary>
    public sbyte Termination;
    public byte InformationQuality;
    public CollisionRisk Risk;
}

/// <summary>What a collision report contributes to a DENM; also held as the coalesced update waiting for minUpdateIntervalMs.</summary>
internal struct Prediction
{
    public long DetectionTime;
    public ReferencePosition EventPosition;
    public int ValidityDurationS;
    public byte InformationQuality;
}

/// <summary>One originating-table entry. Deadlines are monotonic timestamps; 0 = none.</summary>
internal struct OriginatingEntry
{
    public EventKey Key;
    public ActionId ActionId;
    public DenmContent Content;
    public Prediction Pending;
    public long ValidityEnd;
    public long NextRepetition;
    public long RepetitionEnd;
    public long SilenceDeadline;
    public long NextUpdateAllowed;
    public long PendingDue;
    public long LastReport;
    public TimerHandle Timer;
    public long TimerDue;
    public int EventValidityDurationS;
    public short DenmLength;
    public DenEntryState State;
    public bool Live;
    public bool HasKey;
    public bool InKeyIndex;
    public bool HasPending;
    public bool Dirty;
}

/// <summary>
/// The originating ITS-S message table as structs in one array, with the last encoded DENM of every entry
/// in one byte slab (a fixed stride per entry), so an entry costs no object of its own. Two hash indexes
/// (by ActionID, and by event key for ACTIVE entries) hold only slot numbers: their comparers read the keys
/// out of the entry array, and a lookup writes the probe key into a scratch slot.
/// </summary>
internal sealed class OriginatingTable
{
    /// <summary>
    /// Bytes reserved per entry for its last DENM. Our largest DENM (v1 or v2, event with every optional we
    /// set: awareness distance, traffic direction, validity, transmissionInterval, one empty trace) is 50 bytes
    /// (the test <c>Encode_LargestDenm_FitsTheSlabStride</c> measures it), and termination DENMs are smaller.
    /// </summary>
    public const int DenmStride = 64;

    private const int ScratchSlot = 0;

    /// <summary>The first slot that can hold an entry (slot 0 is the lookup scratch slot).</summary>
    public const int FirstSlot = ScratchSlot + 1;
    private readonly HashSet<int> _byActionId;
    private readonly HashSet<int> _byKey;
    private OriginatingEntry[] _entries;
    private byte[] _denms;
    private readonly SlotAllocator _slots;

    public OriginatingTable(int initialCapacity)
    {
        // Slot 0 is the scratch slot for lookups, so the table holds initialCapacity entries before growing.
        _entries = new OriginatingEntry[initialCapacity + 1];
        _denms = new byte[(initialCapacity + 1) * DenmStride];
        _slots = new SlotAllocator(initialCapacity + 1, firstSlot: FirstSlot);
        _byActionId = new HashSet<int>(initialCapacity, new ActionIdComparer(this));
        _byKey = new HashSet<int>(initialCapacity, new EventKeyComparer(this));
    }

    public int Count { get; private set; }

    public int ActiveCount { get; set; }

    /// <summary>One past the highest slot; slots <see cref="FirstSlot"/>..SlotLimit-1 hold an entry when it is Live.</summary>
    public int SlotLimit => _entries.Length;

    public ref OriginatingEntry this[int slot] => ref _entries[slot];

    public Span<byte> DenmSlot(int slot) => _denms.AsSpan(slot * DenmStride, DenmStride);

    public ReadOnlySpan<byte> Denm(int slot) => _denms.AsSpan(slot * DenmStride, _entries[slot].DenmLength);

    public ReadOnlyMemory<byte> DenmMemory(int slot) => _denms.AsMemory(slot * DenmStride, _entries[slot].DenmLength);

    public bool TryFind(ActionId actionId, out int slot)
    {
        _entries[ScratchSlot].ActionId = actionId;
        return _byActionId.TryGetValue(ScratchSlot, out slot);
    }

    public bool TryFindActive(in EventKey key, out int slot)
    {
        _entries[ScratchSlot].Key = key;
        return _byKey.TryGetValue(ScratchSlot, out slot);
    }

    public int Add(ActionId actionId)
    {
        var slot = _slots.Take(_entries.Length, out var mustGrow);
        if (mustGrow)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            Array.Resize(ref _denms, _entries.Length * DenmStride);
        }

        ref var entry = ref _entries[slot];
        entry = default;
        entry.ActionId = actionId;
        entry.Live = true;
        _byActionId.Add(slot);
        Count++;
        return slot;
    }

    public void IndexKey(int slot, in EventKey key)
    {
        ref var entry = ref _entries[slot];
        entry.Key = key;
        entry.HasKey = true;
        entry.InKeyIndex = true;
        _byKey.Add(slot);
    }

    public void UnindexKey(int slot)
    {
        ref var entry = ref _entries[slot];
        if (entry.InKeyIndex)
        {
            _byKey.Remove(slot);
            entry.InKeyIndex = false;
        }
    }

    public void Remove(int slot)
    {
        UnindexKey(slot);
        _byActionId.Remove(slot);
        _entries[slot].Live = false;
        _slots.Release(slot);
        Count--;
    }

    private sealed class ActionIdComparer(OriginatingTable table) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => table._entries[x].ActionId == table._entries[y].ActionId;

        public int GetHashCode(int slot) => table._entries[slot].ActionId.GetHashCode();
    }

    private sealed class EventKeyComparer(OriginatingTable table) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => table._entries[x].Key.Equals(table._entries[y].Key);

        public int GetHashCode(int slot) => table._entries[slot].Key.GetHashCode();
    }
}
