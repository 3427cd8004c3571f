using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StepProducer.Encoding.Uper;

/// <summary>
/// Writes ITU-T X.691 UNALIGNED PER (UPER) into caller memory, most significant bit first (X.691 clause 10.1:
/// the bits of an encoding follow one another with no padding until the outermost value is complete).
/// </summary>
/// <remarks>
/// Bits collect, left-aligned, in a 64-bit accumulator and go out 32 at a time with one big-endian store, so
/// a typical field costs a shift, an OR and a compare. When the destination is too small the writer stops
/// storing and remembers it (<see cref="Overflowed"/>) but goes on counting, so a pass over no memory at all
/// measures the encoding; the caller decides what a destination that overflowed may contain.
/// </remarks>
internal ref partial struct UperWriter
{
    // Flush when 32 bits are pending: one 4-octet store, and at most 31 + 32 bits are ever pending.
    private const int FlushBits = 32;

    private readonly Span<byte> _destination;
    private readonly ref FieldPathStack _path;
    private int _bytesStored;
    private ulong _pending;
    private int _pendingBits;

    public UperWriter(Span<byte> destination, ref FieldPathStack path)
    {
        _destination = destination;
        _path = ref path;
    }

    /// <summary>The constructs being written, for the field path of an error (shared with nested writers).</summary>
    public readonly ref FieldPathStack Path => ref _path;

    /// <summary>True when some octet did not fit into the destination.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Bits written so far, stored or pending.</summary>
    public readonly long BitCount => ((long)_bytesStored * 8) + _pendingBits;

    /// <summary>
    /// Writes the low <paramref name="count"/> bits of <paramref name="value"/>, 0 ≤ count ≤ 64. The bits of
    /// <paramref name="value"/> above <paramref name="count"/> must be 0. The widest DENM field is TimestampIts, 42 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(ulong value, int count)
    {
        if (count > FlushBits)
        {
            WriteUpTo32Bits(value >> FlushBits, count - FlushBits);
            WriteUpTo32Bits(value & uint.MaxValue, FlushBits);
        }
        else
        {
            WriteUpTo32Bits(value, count);
        }
    }

    /// <summary>Writes one bit: a BOOLEAN (X.691 clause 12), a presence bit or an extension bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBit(bool bit) => WriteUpTo32Bits(bit ? 1UL : 0UL, 1);

    /// <summary>Writes whole octets at the current bit position (octet strings, raw open-type contents).</summary>
    public void WriteOctets(scoped ReadOnlySpan<byte> octets)
    {
        foreach (var octet in octets)
        {
            WriteUpTo32Bits(octet, 8);
        }
    }

    /// <summary>
    /// Completes the encoding: pads the last octet with 0 bits (X.691 clause 10.1.3: the outermost value's
    /// encoding is a whole number of octets) and returns the number of octets. An empty encoding becomes one
    /// zero octet (clause 10.1.3 as well), which the DENM never is, but an open type's contents can be.
    /// </summary>
    public int Complete()
    {
        if (_pendingBits == 0 && _bytesStored == 0)
        {
            _pendingBits = 8;
        }

        while (_pendingBits > 0)
        {
            StoreOctet((byte)(_pending >> 56));
            _pending <<= 8;
            _pendingBits = Math.Max(0, _pendingBits - 8);
        }

        return _bytesStored;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteUpTo32Bits(ulong value, int count)
    {
        // count ≤ 32 and fewer than 32 bits pending: the shift is 0..64 − count, and a shift of 64 (count and
        // pending both 0) has value 0, whatever the hardware does with the shift amount.
        _pending |= value << (64 - count - _pendingBits);
        _pendingBits += count;
        if (_pendingBits >= FlushBits)
        {
            Flush32();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Flush32()
    {
        var word = (uint)(_pending >> FlushBits);
        if ((uint)_bytesStored + 4u <= (uint)_destination.Length)
        {
            // In bounds by the test above, so the store needs no bounds check of its own.
            Unsafe.WriteUnaligned(
                ref Unsafe.Add(ref MemoryMarshal.GetReference(_destination), _bytesStored),
                BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(word) : word);
        }
        else
        {
            Overflowed |= StoreWordSlowly(_destination, _bytesStored, word);
        }

        _bytesStored += 4;
        _pending <<= FlushBits;
        _pendingBits -= FlushBits;
    }

    /// <summary>
    /// The last octets before the end of the destination, or past it: stores those of <paramref name="word"/>
    /// that fit at <paramref name="offset"/> and returns true when some did not. Static and by value, so that a
    /// writer copied into a local for a hot loop stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool StoreWordSlowly(Span<byte> destination, int offset, uint word)
    {
        var overflowed = false;
        for (var shift = 24; shift >= 0; shift -= 8, offset++)
        {
            if ((uint)offset < (uint)destination.Length)
            {
                destination[offset] = (byte)(word >> shift);
            }
            else
            {
                overflowed = true;
            }
        }

        return overflowed;
    }

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
