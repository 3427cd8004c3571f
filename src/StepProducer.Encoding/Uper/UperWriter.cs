using System.Runtime.CompilerServices;

namespace StepProducer.Encoding.Uper;

/// <summary>
/// Writes ITU-T X.691 UNALIGNED PER (UPER) into caller memory, most significant bit first (X.691 clause 10.1:
/// the bits of an encoding follow one another with no padding until the outermost value is complete).
/// </summary>
/// <remarks>
/// Bits collect in a 64-bit accumulator and go out a whole octet at a time. When the destination is too
/// small the writer stops storing and remembers it (<see cref="Overflowed"/>); the caller then decides what
/// the destination may contain.
/// </remarks>
internal ref partial struct UperWriter
{
    private readonly Span<byte> _destination;
    private int _bytesStored;
    private ulong _pending;
    private int _pendingBits;

    public UperWriter(Span<byte> destination)
    {
        _destination = destination;
    }

    /// <summary>True when some octet did not fit into the destination.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Bits written so far, stored or pending.</summary>
    public readonly long BitCount => ((long)_bytesStored * 8) + _pendingBits;

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/>, 0 ≤ count ≤ 56.</summary>
    /// <remarks>56 = 64 − 8: at most 7 bits are pending before the call, so the accumulator never overflows.
    /// The widest DENM field is TimestampIts, 42 bits.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(ulong value, int count)
    {
        _pending = (_pending << count) | value;
        _pendingBits += count;
        while (_pendingBits >= 8)
        {
            _pendingBits -= 8;
            StoreOctet((byte)(_pending >> _pendingBits));
        }
    }

    /// <summary>Writes one bit: a BOOLEAN (X.691 clause 12), a presence bit or an extension bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBit(bool bit) => WriteBits(bit ? 1UL : 0UL, 1);

    /// <summary>Writes whole octets at the current bit position (octet strings, raw open-type contents).</summary>
    public void WriteOctets(scoped ReadOnlySpan<byte> octets)
    {
        foreach (var octet in octets)
        {
            WriteBits(octet, 8);
        }
    }

    /// <summary>
    /// Completes the encoding: pads the last octet with 0 bits (X.691 clause 10.1.3: the outermost value's
    /// encoding is a whole number of octets) and returns the number of octets. An empty encoding becomes one
    /// zero octet (clause 10.1.3 as well), which the DENM never is, but an open type's contents can be.
    /// </summary>
    public int Complete()
    {
        if (_pendingBits > 0)
        {
            WriteBits(0, 8 - _pendingBits);
        }

        if (_bytesStored == 0)
        {
            StoreOctet(0);
        }

        return _bytesStored;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StoreOctet(byte octet)
    {
        if ((uint)_bytesStored < (uint)_destination.Length)
        {
            _destination[_bytesStored] = octet;
        }
        else
        {
            Overflowed = true;
        }

        _bytesStored++;
    }
}
