using StackExchange.Redis;

namespace StepProducer.Transport.Redis;

/// <summary>
/// The memory behind one batch's values: the bytes of every field value and hash field the batch sends
/// (as <see cref="RedisValue"/>s over slices of pooled chunks) and the <see cref="NameValueEntry"/> arrays of
/// its XADDs. StackExchange.Redis keeps a reference to both until it has written the command to the socket,
/// so they stay untouched until the batch's MULTI/EXEC has returned; then <see cref="Reuse"/> makes them
/// available to the next batch, and a steady stream of batches allocates nothing here.
/// <para>
/// A commit that ended in an exception (a timeout while Redis was paused, a lost connection) may still sit in
/// the multiplexer's backlog and be written later; <see cref="Abandon"/> leaves that memory to it and takes
/// fresh memory, so a late EXEC always sends the bytes it was built with.
/// </para>
/// </summary>
public sealed class BatchArena
{
    /// <summary>
    /// 32 KiB per chunk: about 40 output entries with their JER (~800 B each), few enough chunks for a batch
    /// of 64 entries (up to 256 DENMs), and well below the 85,000 B at which .NET puts arrays on the large
    /// object heap.
    /// </summary>
    public const int ChunkBytes = 32 * 1024;

    private List<byte[]> chunks = [];
    private int chunkIndex;
    private int chunkOffset;
    private readonly Dictionary<int, FieldArrays> fieldArrays = [];

    /// <summary>
    /// A slice of <paramref name="length"/> bytes to write into; <see cref="Commit"/> says how many were used, and
    /// must come before the next <see cref="Take"/> (which hands out the same bytes until then).
    /// </summary>
    public Memory<byte> Take(int length)
    {
        if (length > ChunkBytes)
        {
            // Bigger than any output value (a DENM's JER is a few KiB): only a caller's unusual value gets here.
            return new byte[length];
        }

        if (chunkIndex < chunks.Count && chunkOffset + length > ChunkBytes)
        {
            chunkIndex++;
            chunkOffset = 0;
        }

        if (chunkIndex == chunks.Count)
        {
            chunks.Add(new byte[ChunkBytes]);
        }

        return chunks[chunkIndex].AsMemory(chunkOffset, length);
    }

    /// <summary>Keeps the first <paramref name="used"/> bytes of the last <see cref="Take"/> and returns them.</summary>
    public ReadOnlyMemory<byte> Commit(Memory<byte> taken, int used)
    {
        if (taken.Length <= ChunkBytes)
        {
            chunkOffset += used;
        }

        return taken[..used];
    }

    /// <summary>A copy of <paramref name="value"/> in the arena.</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> value)
    {
        var taken = Take(value.Length);
        value.CopyTo(taken.Span);
        return Commit(taken, value.Length);
    }

    /// <summary>The UTF-8 text of <paramref name="value"/> in the arena.</summary>
    public ReadOnlyMemory<byte> Format<T>(T value, int maxLength)
        where T : IUtf8SpanFormattable
    {
        var taken = Take(maxLength);
        if (!value.TryFormat(taken.Span, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{typeof(T).Name} needs more than {maxLength} bytes of UTF-8");
        }

        return Commit(taken, written);
    }

    /// <summary>An array of <paramref name="count"/> fields for one XADD, reused by the next batch.</summary>
    public NameValueEntry[] Fields(int count)
    {
        if (!fieldArrays.TryGetValue(count, out var arrays))
        {
            arrays = new FieldArrays();
            fieldArrays[count] = arrays;
        }

        if (arrays.Used == arrays.Arrays.Count)
        {
            arrays.Arrays.Add(new NameValueEntry[count]);
        }

        return arrays.Arrays[arrays.Used++];
    }

    /// <summary>After a commit that returned: everything handed out is free for the next batch.</summary>
    public void Reuse()
    {
        chunkIndex = 0;
        chunkOffset = 0;
        foreach (var arrays in fieldArrays.Values)
        {
            arrays.Used = 0;
        }
    }

    /// <summary>After a commit that threw: everything handed out stays with the commands that may still be sent.</summary>
    public void Abandon()
    {
        chunks = [];
        chunkIndex = 0;
        chunkOffset = 0;
        fieldArrays.Clear();
    }

    private sealed class FieldArrays
    {
        public List<NameValueEntry[]> Arrays { get; } = [];

        public int Used { get; set; }
    }
}
