using StepProducer.Encoding.Its;

namespace StepProducer.Den;

/// <summary>One receiving-table entry: what the reception rules compare, and what a negation needs.</summary>
internal struct ReceivingEntry
{
    public ActionId ActionId;
    public long DetectionTime;
    public long ReferenceTime;
    public ReferencePosition EventPosition;
    public long ValidityEnd;
    public TimerHandle Timer;
    public int ValidityDurationS;

    /// <summary>-1 = absent, else <see cref="Encoding.Denm.Termination"/>.</summary>
    public sbyte Termination;
    public DenEntryState State;
    public bool Live;
}

/// <summary>The receiving ITS-S message table: structs in one array, indexed by ActionID.</summary>
internal sealed class ReceivingTable(int initialCapacity)
{
    private readonly Dictionary<ActionId, int> _byActionId = new(initialCapacity);
    private ReceivingEntry[] _entries = new ReceivingEntry[initialCapacity];
    private readonly SlotAllocator _slots = new(initialCapacity, firstSlot: 0);

    public int Count => _byActionId.Count;

    public ref ReceivingEntry this[int slot] => ref _entries[slot];

    public bool TryFind(ActionId actionId, out int slot) => _byActionId.TryGetValue(actionId, out slot);

    public int Add(ActionId actionId)
    {
        var slot = _slots.Take(_entries.Length, out var mustGrow);
        if (mustGrow)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        ref var entry = ref _entries[slot];
        entry = default;
        entry.ActionId = actionId;
        entry.Live = true;
        _byActionId.Add(actionId, slot);
        return slot;
    }

    public void Remove(int slot)
    {
        ref var entry = ref _entries[slot];
        _byActionId.Remove(entry.ActionId);
        entry.Live = false;
        _slots.Release(slot);
    }
}
