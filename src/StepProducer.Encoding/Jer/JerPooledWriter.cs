using System.Buffers;
using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Writes DENMs as compact JER into one buffer that it reuses: after the first few writes have grown the
/// buffer, each write allocates nothing. The returned span is valid until the next write. Not thread-safe.
/// </summary>
public sealed class JerPooledWriter : IDisposable
{
    /// <summary>The typical collision-risk DENM (typical_denm.json) is 1710 bytes of JER; start with room for it.</summary>
    private const int InitialCapacity = 2048;

    private readonly ArrayBufferWriter<byte> _buffer = new(InitialCapacity);
    private readonly Utf8JsonWriter _writer;

    public JerPooledWriter()
    {
        // The JER writers produce well-formed JSON by construction (the tests read every kind back), so the
        // writer's per-call structure checks are skipped.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Writes a v1 DENM; returns its JER, UTF-8.</summary>
    public ReadOnlySpan<byte> Write(Denm.V1.Denm denm)
    {
        Restart();
        JerCodec.Write(_writer, denm);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    /// <summary>Writes a v2 DENM; returns its JER, UTF-8.</summary>
    public ReadOnlySpan<byte> Write(Denm.V2.Denm denm)
    {
        Restart();
        JerCodec.Write(_writer, denm);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    public void Dispose() => _writer.Dispose();

    private void Restart()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
