using System.Buffers.Text;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// A small piece of JSON text built in caller memory (a stack buffer sized for the longest text it will hold),
/// for a hot value that is cheaper to format in one go than through one writer call per key.
/// </summary>
internal ref struct JerFragment(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _length;

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void Append(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(_buffer[_length..]);
        _length += utf8.Length;
    }

    /// <summary>
    /// Appends a member whose value is a number: <paramref name="keyText"/> is the text before the number, up to
    /// and including the key's colon (with any punctuation that closes or opens objects before it).
    /// </summary>
    public void AppendMember(ReadOnlySpan<byte> keyText, int value)
    {
        Append(keyText);

        // The caller sized the buffer for every number at its widest, so formatting always fits.
        Utf8Formatter.TryFormat(value, _buffer[_length..], out var written);
        _length += written;
    }
}
