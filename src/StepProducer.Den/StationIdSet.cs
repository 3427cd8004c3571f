using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace StepProducer.Den;

/// <summary>
/// The 2..16 distinct station IDs involved in a predicted collision, kept sorted so that the same set in any
/// order is the same event key. A value type with an inline buffer: filling it allocates nothing.
/// </summary>
public struct StationIdSet : IEquatable<StationIdSet>
{
    /// <summary>A collision involves at least two road users.</summary>
    public const int MinCount = 2;

    /// <summary>The request contract bounds the set at 16 so that it fits a fixed inline buffer.</summary>
    public const int MaxCount = 16;

    private StationIdBuffer _ids;
    private byte _count;

    public readonly int Count => _count;

    public readonly uint this[int index] => index < _count ? _ids[index] : throw new ArgumentOutOfRangeException(nameof(index));

    [UnscopedRef]
    public readonly ReadOnlySpan<uint> AsSpan() => ((ReadOnlySpan<uint>)_ids)[.._count];

    public void Clear() => _count = 0;

    /// <summary>
    /// Adds an ID in sorted position. Returns <see cref="AddResult.Duplicate"/> or <see cref="AddResult.Full"/>
    /// without changing the set, so the caller can name the offending field.
    /// </summary>
    public AddResult Add(uint stationId)
    {
        Span<uint> ids = _ids;
        var position = ids[.._count].BinarySearch(stationId);
        if (position >= 0)
        {
            return AddResult.Duplicate;
        }

        if (_count == MaxCount)
        {
            return AddResult.Full;
        }

        position = ~position;
        ids[position.._count].CopyTo(ids[(position + 1)..]);
        ids[position] = stationId;
        _count++;
        return AddResult.Added;
    }

    public readonly bool Equals(StationIdSet other) => AsSpan().SequenceEqual(other.AsSpan());

    public override readonly bool Equals(object? obj) => obj is StationIdSet other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(AsSpan()));
        return hash.ToHashCode();
    }

    public enum AddResult
    {
        Added,
        Duplicate,
        Full,
    }

    [InlineArray(MaxCount)]
    private struct StationIdBuffer
    {
        private uint _element;
    }
}

/// <summary>
/// The event key of a predicted collision: the unordered set of involved station IDs plus the risk class.
/// One ACTIVE originating entry exists per key; a new prediction for the key is an update.
/// </summary>
public readonly struct EventKey : IEquatable<EventKey>
{
    public EventKey(in StationIdSet stationIds, CollisionRisk risk)
    {
        StationIds = stationIds;
        Risk = risk;
    }

    public StationIdSet StationIds { get; }

    public CollisionRisk Risk { get; }

    public bool Equals(EventKey other) => Risk == other.Risk && StationIds.Equals(other.StationIds);

    public override bool Equals(object? obj) => obj is EventKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(StationIds.GetHashCode(), Risk);
}
