using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StepProducer.Encoding.Uper;

/// <summary>
/// Writes ITU-T X.691 UNALIGNED PER (UPER) into caller memory, most significant bit first (X.691 clause 10.1:
/// the bits of an encoding follow one another with no padding until the outermost value is complete).
/// </summary>
/// <remarks>
/// Bits collect, left-aligned, in a 64-bit accumulator that goes out with one big-endian 8-octet store when it
/// is full, so a field of any width up to 64 bits costs a compare, a subtract, a shift and an OR. When the
/// destination is too small the writer stops storing and remembers it (<see cref="Overflowed"/>) but goes on
/// counting, so a pass over no memory at all measures the encoding; the caller decides what a destination that
/// overflowed may contain. Every method on the hot path inlines, and the slow ones take their state by value,
/// so a writer copied into a local (<c>var local = writer; … writer = local;</c>) stays in registers.
/// </remarks>
internal ref partial struct UperWriter
{
    private const int AccumulatorBits = 64;
    private const int AccumulatorOctets = AccumulatorBits / 8;

    private readonly Span<byte> _destination;
    private readonly ref FieldPathStack _path;
    private int _bytesStored;

    // The pending bits, left-aligned: bit 63 is the next one to go out. Fewer than 64 are ever pending, so
    // 1..64 bits are free. The writer counts the free bits rather than the pending ones, so that a field needs
    // no 64 − pending worked out first (measured: about 7 ns less for the typical DENM).
    private ulong _pending;
    private int _freeBits;

    public UperWriter(Span<byte> destination, ref FieldPathStack path)
    {
        _destination = destination;
        _path = ref path;
        _freeBits = AccumulatorBits;
    }

    /// <summary>The constructs being written, for the field path of an error (shared with nested writers).</summary>
    public readonly ref FieldPathStack Path => ref _path;

    /// <summary>True when some octet did not fit into the destination.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Bits written so far, stored or pending.</summary>
    public readonly long BitCount => ((long)_bytesStored * 8) + AccumulatorBits - _freeBits;

    /// <summary>
    /// Writes the low <paramref name="count"/> bits of <paramref name="value"/>, 0 ≤ count ≤ 64. The bits of
    /// <paramref name="value"/> above <paramref name="count"/> must be 0. The widest DENM field is TimestampIts, 42 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(ulong value, int count)
    {
        var free = _freeBits;
        if (count < free)
        {
            // 1 ≤ free − count ≤ 64; C# takes a ulong shift count mod 64, so a shift by 64 (count 0, nothing
            // pending) is a shift by 0, and then value is 0.
            free -= count;
            _pending |= value << free;
            _freeBits = free;
            return;
        }

        // The accumulator fills up: its free bits take the high part of value, it goes out whole, and the
        // rest of value (0..63 bits) starts the next one. Shifting by rest + 1 in two steps keeps every shift
        // amount within 0..63 (a shift by 64 would act as a shift by 0).
        var rest = count - free;
        Store(_pending | (value >> rest));
        _pending = (value << (AccumulatorBits - 1 - rest)) << 1;
        _freeBits = AccumulatorBits - rest;
    }

    /// <summary>Writes one bit: a BOOLEAN (X.691 clause 12), a presence bit or an extension bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBit(bool bit) => WriteBits(bit ? 1UL : 0UL, 1);

    /// <summary>
    /// Writes 3 one-bit fields with one accumulator update: the extension bit and presence bits that open a
    /// SEQUENCE (X.691 clause 19.1-19.2), in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(bool first, bool second, bool third) =>
        WriteBits((first ? 0b100UL : 0) | (second ? 0b010UL : 0) | (third ? 0b001UL : 0), 3);

    /// <summary>As <see cref="WriteBits(bool, bool, bool)"/> for 4 one-bit fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(bool first, bool second, bool third, bool fourth) =>
        WriteBits((first ? 0b1000UL : 0) | (second ? 0b0100UL : 0) | (third ? 0b0010UL : 0) | (fourth ? 0b0001UL : 0), 4);

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
        var octets = (AccumulatorBits - _freeBits + 7) / 8;
        if (octets == 0 && _bytesStored == 0)
        {
            octets = 1;
        }

        Store(_pending, octets);
        _pending = 0;
        _freeBits = AccumulatorBits;
        return _bytesStored;
    }

    /// <summary>Stores a full accumulator: 8 octets, most significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(ulong accumulator)
    {
        if ((uint)_bytesStored + AccumulatorOctets <= (uint)_destination.Length)
        {
            // In bounds by the test above, so the store needs no bounds check of its own.
            Unsafe.WriteUnaligned(
                ref Unsafe.Add(ref MemoryMarshal.GetReference(_destination), _bytesStored),
                BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(accumulator) : accumulator);
        }
        else
        {
            Overflowed |= StoreSlowly(_destination, _bytesStored, accumulator, AccumulatorOctets);
        }

        _bytesStored += AccumulatorOctets;
    }

    /// <summary>Stores the first <paramref name="octets"/> octets of <paramref name="accumulator"/>, most significant first.</summary>
    private void Store(ulong accumulator, int octets)
    {
        if ((uint)_bytesStored + (uint)octets <= (uint)_destination.Length)
        {
            ref var next = ref Unsafe.Add(ref MemoryMarshal.GetReference(_destination), _bytesStored);
            for (var index = 0; index < octets; index++, accumulator <<= 8)
            {
                // In bounds by the test above.
                Unsafe.Add(ref next, index) = (byte)(accumulator >> (AccumulatorBits - 8));
            }
        }
        else
        {
            Overflowed |= StoreSlowly(_destination, _bytesStored, accumulator, octets);
        }

        _bytesStored += octets;
    }

    /// <summary>
    /// The last octets before the end of the destination, or past it: stores those of the first
    /// <paramref name="octets"/> of <paramref name="accumulator"/> that fit at <paramref name="offset"/> and
    /// returns true when some did not. Static and by value, so that a writer copied into a local stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool StoreSlowly(Span<byte> destination, int offset, ulong accumulator, int octets)
    {
        var overflowed = false;
        for (var index = 0; index < octets; index++, offset++, accumulator <<= 8)
        {
            if ((uint)offset < (uint)destination.Length)
            {
                destination[offset] = (byte)(accumulator >> (AccumulatorBits - 8));
            }
            else
            {
                overflowed = true;
            }
        }

        return overflowed;
    }
}
