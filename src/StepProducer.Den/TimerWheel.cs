using System.Numerics;

namespace StepProducer.Den;

/// <summary>A scheduled timer; <c>default</c> is "no timer". Stale handles (fired or cancelled) are harmless.</summary>
public readonly record struct TimerHandle(int Index, int Generation)
{
    public bool IsNone => Generation == 0;
}

/// <summary>
/// A hierarchical hashed timer wheel (Varghese and Lauck, "Hashed and Hierarchical Timing Wheels", 1987;
/// the cascading layout of the Linux kernel's timer wheel). A plain data structure: it has no thread and
/// never reads a clock. Time is an integer tick; the owner maps its monotonic clock to ticks.
/// <para>
/// <see cref="Schedule"/> and <see cref="Cancel"/> are O(1). <see cref="TryPopDue"/> returns due payloads in
/// due-tick order (first in, first out within one tick); a late call returns everything overdue. Timers
/// live in one array of nodes linked by index, so steady-state use allocates nothing.
/// </para>
/// </summary>
public sealed class TimerWheel<TPayload>
    where TPayload : struct
{
    // 64 slots per level so that one ulong bitmap per level tells which slots are occupied.
    private const int SlotBits = 6;
    private const int SlotCount = 1 << SlotBits;
    private const int SlotMask = SlotCount - 1;

    // Four levels span 64^4 = 16,777,216 ticks: 46.6 h at the default 10 ms tick, more than the 24 h
    // (validityDuration 86400 s) the service needs. Farther timers wait in an overflow list.
    private const int LevelCount = 4;
    private const int OverflowBucket = LevelCount * SlotCount;
    private const int NoNode = -1;
    private const int FreeBucket = -1;

    private readonly int[] _heads = new int[OverflowBucket + 1];
    private readonly int[] _tails = new int[OverflowBucket + 1];
    private readonly ulong[] _occupied = new ulong[LevelCount];
    private Node[] _nodes;
    private int _freeHead = NoNode;
    private int _highWater;

    /// <param name="initialCapacity">Timers held before the node array first grows.</param>
    /// <param name="startTick">The tick the wheel starts at; timers due at or before it are due at once.</param>
    public TimerWheel(int initialCapacity = 1024, long startTick = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(startTick);
        _nodes = new Node[initialCapacity];
        Array.Fill(_heads, NoNode);
        Array.Fill(_tails, NoNode);
        CurrentTick = startTick;
    }

    /// <summary>Every timer due at or before this tick has been returned or is next in line.</summary>
    public long CurrentTick { get; private set; }

    /// <summary>Scheduled timers not yet returned or cancelled.</summary>
    public int Count { get; private set; }

    /// <summary>Schedules <paramref name="payload"/> for <paramref name="dueTick"/>; a past tick is due at once.</summary>
    public TimerHandle Schedule(long dueTick, TPayload payload)
    {
        var index = AllocateNode();
        ref var node = ref _nodes[index];
        node.DueTick = Math.Max(dueTick, CurrentTick);
        node.Payload = payload;
        Insert(index);
        Count++;
        return new TimerHandle(index, node.Generation);
    }

    /// <summary>Removes a pending timer. False when the handle is none, already fired or already cancelled.</summary>
    public bool Cancel(TimerHandle handle)
    {
        if (handle.IsNone || (uint)handle.Index >= (uint)_highWater)
        {
            return false;
        }

        ref var node = ref _nodes[handle.Index];
        if (node.Generation != handle.Generation || node.Bucket == FreeBucket)
        {
            return false;
        }

        Unlink(handle.Index);
        FreeNode(handle.Index);
        Count--;
        return true;
    }

    /// <summary>
    /// Returns the next timer due at or before <paramref name="nowTick"/>, advancing the wheel as far as needed.
    /// Call it in a loop until it returns false. Timers scheduled from the loop for a tick at or before
    /// <paramref name="nowTick"/> are returned by the same loop.
    /// </summary>
    public bool TryPopDue(long nowTick, out TPayload payload)
    {
        while (true)
        {
            var readyBucket = (int)(CurrentTick & SlotMask);
            var head = _heads[readyBucket];
            if (head != NoNode)
            {
                payload = _nodes[head].Payload;
                Unlink(head);
                FreeNode(head);
                Count--;
                return true;
            }

            if (CurrentTick >= nowTick)
            {
                payload = default;
                return false;
            }

            Step(nowTick);
        }
    }

    /// <summary>
    /// Moves <see cref="CurrentTick"/> to the next tick that can hold due timers, at most <paramref name="nowTick"/>:
    /// the next occupied level-0 slot of the current 64-tick block, else the start of the nearest occupied
    /// higher-level slot (or of the next overflow round), where it cascades down. Empty stretches are skipped
    /// in one step, so a late call costs O(levels), not O(ticks).
    /// </summary>
    private void Step(long nowTick)
    {
        var next = NextOccupiedSlotStart(0);
        if (next == long.MaxValue)
        {
            for (var level = 1; level < LevelCount; level++)
            {
                next = Math.Min(next, NextOccupiedSlotStart(level));
            }

            if (_heads[OverflowBucket] != NoNode)
            {
                var roundBits = SlotBits * LevelCount;
                next = Math.Min(next, ((CurrentTick >> roundBits) + 1) << roundBits);
            }

            if (next <= nowTick)
            {
                CurrentTick = next;
                Cascade();
                return;
            }
        }

        CurrentTick = Math.Min(next, nowTick);
    }

    /// <summary>
    /// The first tick of the next occupied slot of <paramref name="level"/> after the current one. Only later
    /// slots of the current rotation can be occupied: a timer goes to level L only when its level-L digit is
    /// ahead of the current tick's and every higher digit is equal.
    /// </summary>
    private long NextOccupiedSlotStart(int level)
    {
        var shift = SlotBits * level;
        var digit = (int)((CurrentTick >> shift) & SlotMask);
        var later = digit == SlotMask ? 0UL : _occupied[level] & (ulong.MaxValue << (digit + 1));
        if (later == 0)
        {
            return long.MaxValue;
        }

        var rotationStart = (CurrentTick >> (shift + SlotBits)) << (shift + SlotBits);
        return rotationStart + ((long)BitOperations.TrailingZeroCount(later) << shift);
    }

    /// <summary>
    /// At the start of a block, moves the timers of every higher-level slot that begins here one or more
    /// levels down, highest level first, so they reach level 0 before the block's first tick is drained.
    /// </summary>
    private void Cascade()
    {
        var level = 1;
        while (level < LevelCount && (CurrentTick & ((1L << (SlotBits * (level + 1))) - 1)) == 0)
        {
            level++;
        }

        if (level == LevelCount)
        {
            Reinsert(OverflowBucket);
        }

        for (level = Math.Min(level, LevelCount - 1); level >= 1; level--)
        {
            Reinsert((level * SlotCount) + (int)((CurrentTick >> (SlotBits * level)) & SlotMask));
        }
    }

    private void Reinsert(int bucket)
    {
        var index = _heads[bucket];
        _heads[bucket] = NoNode;
        _tails[bucket] = NoNode;
        if (bucket < OverflowBucket)
        {
            _occupied[bucket >> SlotBits] &= ~(1UL << (bucket & SlotMask));
        }

        while (index != NoNode)
        {
            var next = _nodes[index].Next;
            Insert(index);
            index = next;
        }
    }

    /// <summary>
    /// Puts a node in the lowest level whose slot range still contains its due tick: level L when the due
    /// tick and the current tick agree on every digit above L. A node due now lands in the ready slot.
    /// </summary>
    private void Insert(int index)
    {
        ref var node = ref _nodes[index];
        var due = node.DueTick;
        int bucket;
        var level = 0;
        while (level < LevelCount && (due >> (SlotBits * (level + 1))) != (CurrentTick >> (SlotBits * (level + 1))))
        {
            level++;
        }

        if (level == LevelCount)
        {
            bucket = OverflowBucket;
        }
        else
        {
            var slot = (int)((due >> (SlotBits * level)) & SlotMask);
            bucket = (level * SlotCount) + slot;
            _occupied[level] |= 1UL << slot;
        }

        node.Bucket = bucket;
        node.Next = NoNode;
        node.Prev = _tails[bucket];
        if (node.Prev == NoNode)
        {
            _heads[bucket] = index;
        }
        else
        {
            _nodes[node.Prev].Next = index;
        }

        _tails[bucket] = index;
    }

    private void Unlink(int index)
    {
        ref var node = ref _nodes[index];
        var bucket = node.Bucket;
        if (node.Prev == NoNode)
        {
            _heads[bucket] = node.Next;
        }
        else
        {
            _nodes[node.Prev].Next = node.Next;
        }

        if (node.Next == NoNode)
        {
            _tails[bucket] = node.Prev;
        }
        else
        {
            _nodes[node.Next].Prev = node.Prev;
        }

        if (_heads[bucket] == NoNode && bucket < OverflowBucket)
        {
            _occupied[bucket >> SlotBits] &= ~(1UL << (bucket & SlotMask));
        }
    }

    private int AllocateNode()
    {
        int index;
        if (_freeHead != NoNode)
        {
            index = _freeHead;
            _freeHead = _nodes[index].Next;
        }
        else
        {
            if (_highWater == _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
            }

            index = _highWater++;
        }

        ref var node = ref _nodes[index];
        // Generation 0 is reserved for "no timer", so a node's first handle has generation 1.
        node.Generation = node.Generation == int.MaxValue ? 1 : node.Generation + 1;
        return index;
    }

    private void FreeNode(int index)
    {
        ref var node = ref _nodes[index];
        node.Bucket = FreeBucket;
        node.Payload = default;
        node.Prev = NoNode;
        node.Next = _freeHead;
        _freeHead = index;
    }

    private struct Node
    {
        public long DueTick;
        public TPayload Payload;
        public int Next;
        public int Prev;
        public int Bucket;
        public int Generation;
    }
}
