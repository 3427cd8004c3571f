using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using StepProducer.Den;
using StepProducer.Encoding.Jer;

namespace StepProducer.Host.Stdio;

/// <summary>
/// Writes one output record per emitted DENM as a JSON line:
/// <c>{"kind", "actionId", "referenceTime", "uper", "jer", "source"}</c> (schemas/denm_record_v1_schema.json).
/// One Utf8JsonWriter and one hex buffer are reused, so a record allocates nothing.
/// </summary>
internal sealed class RecordJsonWriter
{
    /// <summary>"4294967295:65535": StationID (10 digits) + ':' + SequenceNumber (5 digits).</summary>
    private const int MaxActionIdBytes = 16;

    /// <summary>
    /// "stdin:" + a 64-bit line number fits in 26 bytes; a Redis source "&lt;stream&gt;/&lt;ms&gt;-&lt;seq&gt;"
    /// needs the stream name plus 41 bytes, and stream names are short keys.
    /// </summary>
    private const int SourceBufferBytes = 256;

    private readonly IBufferWriter<byte> output;
    private readonly Utf8JsonWriter json;
    private byte[] hex = new byte[2 * 1024];

    public RecordJsonWriter(IBufferWriter<byte> output)
    {
        this.output = output;
        json = new Utf8JsonWriter(output, new JsonWriterOptions());
    }

    public void Write(in DenRecord record)
    {
        json.Reset(output);
        json.WriteStartObject();
        json.WriteString("kind"u8, DenRecordKindNames.GetUtf8Name(record.Kind));

        Span<byte> actionId = stackalloc byte[MaxActionIdBytes];
        Utf8Formatter.TryFormat(record.ActionId.OriginatingStationId, actionId, out var written);
        actionId[written++] = (byte)':';
        Utf8Formatter.TryFormat(record.ActionId.SequenceNumber, actionId[written..], out var sequenceLength);
        json.WriteString("actionId"u8, actionId[..(written + sequenceLength)]);

        json.WriteNumber("referenceTime"u8, record.ReferenceTime);
        json.WriteString("uper"u8, ToLowerHex(record.Uper.Span));
        json.WritePropertyName("jer"u8);
        if (record.DenmV2 is { } denmV2)
        {
            JerCodec.Write(json, denmV2);
        }
        else
        {
            JerCodec.Write(json, record.DenmV1!);
        }

        Span<byte> source = stackalloc byte[SourceBufferBytes];
        if (record.Source.TryFormat(source, out var sourceLength))
        {
            json.WriteString("source"u8, source[..sourceLength]);
        }
        else
        {
            json.WriteString("source"u8, record.Source.ToString());
        }

        json.WriteEndObject();
        json.Flush();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    private ReadOnlySpan<byte> ToLowerHex(ReadOnlySpan<byte> bytes)
    {
        if (hex.Length < 2 * bytes.Length)
        {
            hex = new byte[2 * bytes.Length];
        }

        ReadOnlySpan<byte> digits = "0123456789abcdef"u8;
        for (var index = 0; index < bytes.Length; index++)
        {
            hex[2 * index] = digits[bytes[index] >> 4];
            hex[(2 * index) + 1] = digits[bytes[index] & 0xF];
        }

        return hex.AsSpan(0, 2 * bytes.Length);
    }
}
