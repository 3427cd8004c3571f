using CsCheck;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// The writer's 64-bit accumulator against a reference that sets one bit at a time: runs of fields of every
/// width 0..64 land at every bit offset, across accumulator and destination boundaries, into destinations
/// of every length from empty to exact.
/// </summary>
public class BitWriterTests
{
    // Random field runs: enough to cover every width at every accumulator offset many times over.
    private const int Iterations = 300;

    private static readonly Gen<(ulong Value, int Count)[]> FieldRuns =
        Gen.Int[0, 64].SelectMany(count => Gen.ULong.Select(value => (count == 0 ? 0 : value >> (64 - count), count))).Array[0, 40];

    [Fact]
    public void FieldRuns_MatchTheBitByBitReference()
    {
        FieldRuns.Sample(
            fields =>
            {
                var expected = Reference(fields);
                var destination = new byte[expected.Length];
                var path = default(FieldPathStack);
                var writer = new UperWriter(destination, ref path);
                Write(ref writer, fields);

                Assert.Equal(expected.Length, writer.Complete());
                Assert.False(writer.Overflowed);
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(destination));
            },
            iter: Iterations);
    }

    [Fact]
    public void FieldRuns_IntoEveryShorterDestination_StoreThePrefixAndReportOverflow()
    {
        FieldRuns.Sample(
            fields =>
            {
                var expected = Reference(fields);
                for (var length = 0; length < expected.Length; length++)
                {
                    // One octet more than the destination, marked, shows that nothing is written past its end.
                    var memory = new byte[length + 1];
                    memory[length] = 0xA5;
                    var path = default(FieldPathStack);
                    var writer = new UperWriter(memory.AsSpan(0, length), ref path);
                    Write(ref writer, fields);

                    Assert.Equal(expected.Length, writer.Complete());
                    Assert.True(writer.Overflowed);
                    Assert.Equal(Convert.ToHexString(expected, 0, length), Convert.ToHexString(memory, 0, length));
                    Assert.Equal(0xA5, memory[length]);
                }
            },
            iter: Iterations);
    }

    private static void Write(ref UperWriter writer, (ulong Value, int Count)[] fields)
    {
        foreach (var (value, count) in fields)
        {
            writer.WriteBits(value, count);
        }
    }

    /// <summary>The fields one bit at a time, padded to whole octets; an empty encoding is one 0 octet (X.691 clause 10.1.3).</summary>
    private static byte[] Reference((ulong Value, int Count)[] fields)
    {
        var bits = new List<bool>();
        foreach (var (value, count) in fields)
        {
            for (var bit = count - 1; bit >= 0; bit--)
            {
                bits.Add(((value >> bit) & 1) != 0);
            }
        }

        var octets = new byte[Math.Max(1, (bits.Count + 7) / 8)];
        for (var index = 0; index < bits.Count; index++)
        {
            if (bits[index])
            {
                octets[index / 8] |= (byte)(0x80 >> (index % 8));
            }
        }

        return octets;
    }
}
