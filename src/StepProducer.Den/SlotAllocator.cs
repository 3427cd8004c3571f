namespace StepProducer.Den;

/// <summary>
/// Hands out slot numbers of a struct array: a freed slot first (last freed, first reused), else the next
/// never-used one. The owner grows its arrays when <see cref="Take"/> reports that the array is full.
/// </summary>
internal sealed class SlotAllocator(int capacity, int firstSlot)
{
    private int[] _free = new int[capacity];
    private int _freeCount;

    /// <summary>Slots below this have been handed out at least once.</summary>
    private int _highWater = firstSlot;

    /// <summary>A slot; <paramref name="mustGrow"/> when it is the array length, so the owner grows the arrays first.</summary>
    public int Take(int arrayLength, out bool mustGrow)
    {
        if (_freeCount > 0)
        {
            mustGrow = false;
            return _free[--_freeCount];
        }

        mustGrow = _highWater == arrayLength;
        return _highWater++;
    }

    public void Release(int slot)
    {
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = slot;
    }
}
