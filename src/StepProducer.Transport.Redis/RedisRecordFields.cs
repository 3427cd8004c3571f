using System.Globalization;
using StackExchange.Redis;
using StepProducer.Den;
using StepProducer.Encoding.Jer;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Builds the fields of one output entry (the daemon issue's output record): <c>kind</c>, <c>actionId</c>
/// ("&lt;originatingStationId&gt;:&lt;sequenceNumber&gt;"), <c>referenceTime</c> (TimestampIts, decimal),
/// <c>uper</c> (raw bytes), <c>jer</c> (only for outputs with <c>jer: true</c>) and <c>source</c>.
/// SE.Redis needs the values as arrays and strings, so each record allocates them; the DENM encoding
/// before it does not.
/// </summary>
public sealed class RedisRecordFields : IDisposable
{
    private readonly JerPooledWriter jerWriter = new();

    /// <summary>The fields without and with <c>jer</c>, both built from the same record.</summary>
    public (NameValueEntry[] WithoutJer, NameValueEntry[]? WithJer) Build(in DenRecord record, bool anyJer)
    {
        var kind = KindName(record.Kind);
        var actionId = DenStateEntryCodec.FieldName(record.ActionId);
        var referenceTime = record.ReferenceTime.ToString(CultureInfo.InvariantCulture);
        var uper = record.Uper.Span.ToArray();
        var source = record.Source.ToString();
        NameValueEntry[] withoutJer = [new("kind", kind), new("actionId", actionId), new("referenceTime", referenceTime),
            new("uper", uper), new("source", source)];
        if (!anyJer)
        {
            return (withoutJer, null);
        }

        var jer = (record.DenmV2 is { } v2 ? jerWriter.Write(v2) : jerWriter.Write(record.DenmV1!)).ToArray();
        NameValueEntry[] withJer = [new("kind", kind), new("actionId", actionId), new("referenceTime", referenceTime),
            new("uper", uper), new("jer", jer), new("source", source)];
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
