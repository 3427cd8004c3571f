using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace StepProducer.Den;

public enum RecordSourceKind : byte
{
    /// <summary>Emitted by a timer (repetition, expiry, silence, a coalesced update).</summary>
    Timer,

    /// <summary>Caused by input line n of stdin.</summary>
    Line,

    /// <summary>Caused by a Redis stream entry <c>&lt;stream&gt;/&lt;ms&gt;-&lt;seq&gt;</c>.</summary>
    StreamEntry,

    /// <summary>An expiry action run by <see cref="DenService.Restore"/> for an entry that ended during an outage.</summary>
    Restore,

    /// <summary>A cancellation sent on a graceful stop with den.onShutdown = cancel (<see cref="DenService.CancelAllOnShutdown"/>).</summary>
    Shutdown,
}

/// <summary>
/// What caused a record, formatted as "timer", "stdin:12", "&lt;stream&gt;/&lt;ms&gt;-&lt;seq&gt;", "restore" or "shutdown".
/// A value type; formatting to UTF-8 allocates nothing. The stream name is held by reference (the
/// transport keeps one string per stream).
/// </summary>
public readonly struct RecordSource : IUtf8SpanFormattable, ISpanFormattable, IEquatable<RecordSource>
{
    private readonly string? _stream;
    private readonly ulong _first;
    private readonly ulong _second;

    private RecordSource(RecordSourceKind kind, string? stream, ulong first, ulong second)
    {
        Kind = kind;
        _stream = stream;
        _first = first;
        _second = second;
    }

    public static RecordSource Timer => default;

    public static RecordSource Restore => new(RecordSourceKind.Restore, null, 0, 0);

    public static RecordSource Shutdown => new(RecordSourceKind.Shutdown, null, 0, 0);

    public RecordSourceKind Kind { get; }

    /// <summary>The 1-based input line (for <see cref="RecordSourceKind.Line"/>).</summary>
    public long LineNumber => Kind == RecordSourceKind.Line ? (long)_first : 0;

    public string? StreamName => _stream;

    public ulong StreamEntryMilliseconds => Kind == RecordSourceKind.StreamEntry ? _first : 0;

    public ulong StreamEntrySequence => Kind == RecordSourceKind.StreamEntry ? _second : 0;

    public static RecordSource Line(long lineNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineNumber);
        return new(RecordSourceKind.Line, null, (ulong)lineNumber, 0);
    }

    public static RecordSource StreamEntry(string streamName, ulong milliseconds, ulong sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        return new(RecordSourceKind.StreamEntry, streamName, milliseconds, sequence);
    }

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        bytesWritten = 0;
        switch (Kind)
        {
            case RecordSourceKind.Timer:
                return TryAppend(utf8Destination, "timer"u8, ref bytesWritten);
            case RecordSourceKind.Restore:
                return TryAppend(utf8Destination, "restore"u8, ref bytesWritten);
            case RecordSourceKind.Shutdown:
                return TryAppend(utf8Destination, "shutdown"u8, ref bytesWritten);
            case RecordSourceKind.Line:
                return TryAppend(utf8Destination, "stdin:"u8, ref bytesWritten)
                    && TryAppendNumber(utf8Destination, _first, ref bytesWritten);
            default:
                if (!System.Text.Encoding.UTF8.TryGetBytes(_stream, utf8Destination, out var nameLength))
                {
                    return false;
                }

                bytesWritten = nameLength;
                return TryAppend(utf8Destination, "/"u8, ref bytesWritten)
                    && TryAppendNumber(utf8Destination, _first, ref bytesWritten)
                    && TryAppend(utf8Destination, "-"u8, ref bytesWritten)
                    && TryAppendNumber(utf8Destination, _second, ref bytesWritten);
        }
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Kind switch
        {
            RecordSourceKind.Timer => destination.TryWrite($"timer", out charsWritten),
            RecordSourceKind.Restore => destination.TryWrite($"restore", out charsWritten),
            RecordSourceKind.Shutdown => destination.TryWrite($"shutdown", out charsWritten),
            RecordSourceKind.Line => destination.TryWrite($"stdin:{_first}", out charsWritten),
            _ => destination.TryWrite($"{_stream}/{_first}-{_second}", out charsWritten),
        };

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => Kind switch
    {
        RecordSourceKind.Timer => "timer",
        RecordSourceKind.Restore => "restore",
        RecordSourceKind.Shutdown => "shutdown",
        RecordSourceKind.Line => $"stdin:{_first}",
        _ => $"{_stream}/{_first}-{_second}",
    };

    public bool Equals(RecordSource other) =>
        Kind == other.Kind && _first == other._first && _second == other._second && string.Equals(_stream, other._stream, StringComparison.Ordinal);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is RecordSource other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _stream, _first, _second);

    private static bool TryAppend(Span<byte> destination, ReadOnlySpan<byte> literal, ref int written)
    {
        if (!literal.TryCopyTo(destination[written..]))
        {
            return false;
        }

        written += literal.Length;
        return true;
    }

    private static bool TryAppendNumber(Span<byte> destination, ulong value, ref int written)
    {
        if (!Utf8Formatter.TryFormat(value, destination[written..], out var length))
        {
            return false;
        }

        written += length;
        return true;
    }
}
