using StackExchange.Redis;
using StepProducer.Den;
using StepProducer.Encoding.Jer;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Builds the fields of one output entry (the daemon issue's output record): <c>kind</c>, <c>actionId</c>
/// ("&lt;originatingStationId&gt;:&lt;sequenceNumber&gt;"), <c>referenceTime</c> (TimestampIts, decimal),
/// <c>uper</c> (raw bytes), <c>jer</c> (only for outputs with <c>jer: true</c>) and <c>source</c>.
/// Every value is UTF-8 or raw bytes in the batch's <see cref="BatchArena"/>, and the field arrays come from
/// it too, so a record allocates nothing once the arena has grown to the batch size.
/// </summary>
public sealed class RedisRecordFields : IDisposable
{
    /// <summary>A TimestampIts (INTEGER (0..4398046511103), ETSI TS 102 894-2 CDD) has at most 13 digits.</summary>
    private const int ReferenceTimeMaxBytes = 13;

    /// <summary>
    /// The longest source after its stream name: '/' and an entry ID of two 64-bit numbers (20 digits each)
    /// joined by '-'. Also covers "timer", "restore" and "stdin:" with a 64-bit line number.
    /// </summary>
    private const int SourceMaxBytesAfterStream = 1 + 20 + 1 + 20;

    private readonly JerPooledWriter jerWriter = new();

    /// <summary>The fields without and with <c>jer</c>, both built from the same record into <paramref name="arena"/>.</summary>
    public (NameValueEntry[] WithoutJer, NameValueEntry[]? WithJer) Build(in DenRecord record, bool anyJer, BatchArena arena)
    {
        RedisValue kind = KindName(record.Kind);
        RedisValue actionId = DenStateEntryCodec.FieldName(record.ActionId, arena);
        RedisValue referenceTime = arena.Format(record.ReferenceTime, ReferenceTimeMaxBytes);
        RedisValue uper = arena.Copy(record.Uper.Span);
        RedisValue source = arena.Format(
            record.Source, System.Text.Encoding.UTF8.GetMaxByteCount(record.Source.StreamName?.Length ?? 0) + SourceMaxBytesAfterStream);
        var withoutJer = arena.Fields(5);
        withoutJer[0] = new("kind", kind);
        withoutJer[1] = new("actionId", actionId);
        withoutJer[2] = new("referenceTime", referenceTime);
        withoutJer[3] = new("uper", uper);
        withoutJer[4] = new("source", source);
        if (!anyJer)
        {
            return (withoutJer, null);
        }

        RedisValue jer = arena.Copy(record.DenmV2 is { } v2 ? jerWriter.Write(v2) : jerWriter.Write(record.DenmV1!));
        var withJer = arena.Fields(6);
        withJer[0] = withoutJer[0];
        withJer[1] = withoutJer[1];
        withJer[2] = withoutJer[2];
        withJer[3] = withoutJer[3];
        withJer[4] = new("jer", jer);
        withJer[5] = withoutJer[4];
        return (withoutJer, withJer);
    }

    public void Dispose() => jerWriter.Dispose();

    /// <summary>The interned output name of a kind, so a record does not allocate it.</summary>
    private static string KindName(DenRecordKind kind) => kind switch
    {
        DenRecordKind.New => "new",
        DenRecordKind.Update => "update",
        DenRecordKind.Repeat => "repeat",
        DenRecordKind.Cancel => "cancel",
        DenRecordKind.Negate => "negate",
        _ => "expire-cancel",
    };
}
