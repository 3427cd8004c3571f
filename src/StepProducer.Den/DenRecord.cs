using System.Buffers;
using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Den;

/// <summary>Why a DENM was emitted.</summary>
public enum DenRecordKind : byte
{
    /// <summary>First DENM of a new event (AppDENM_trigger, EN 302 637-3 v1.3.1 clause 8).</summary>
    New,

    /// <summary>A changed DENM with the same ActionID (AppDENM_update).</summary>
    Update,

    /// <summary>The same bytes again (T_Repetition).</summary>
    Repeat,

    /// <summary>termination = isCancellation for our own event (AppDENM_termination).</summary>
    Cancel,

    /// <summary>termination = isNegation for an event received from another station.</summary>
    Negate,

    /// <summary>A cancellation emitted because the validity of an ACTIVE event ended (onExpiry = cancel).</summary>
    ExpireCancel,
}

public static class DenRecordKindNames
{
    /// <summary>The output identifier of a kind ("new", "update", "repeat", "cancel", "negate", "expire-cancel").</summary>
    public static ReadOnlySpan<byte> GetUtf8Name(DenRecordKind kind) => kind switch
    {
        DenRecordKind.New => "new"u8,
        DenRecordKind.Update => "update"u8,
        DenRecordKind.Repeat => "repeat"u8,
        DenRecordKind.Cancel => "cancel"u8,
        DenRecordKind.Negate => "negate"u8,
        _ => "expire-cancel"u8,
    };
}

/// <summary>
/// The UPER bytes of one emitted DENM in an array rented from <see cref="ArrayPool{T}.Shared"/>.
/// Ownership passes to the sink with the record: the sink (or whoever it hands the bytes to) calls
/// <see cref="Return"/> exactly once, after the last read, on any thread. A copy of this struct is the
/// same rental, so only one copy may be returned.
/// </summary>
public readonly struct DenmBytes
{
    private readonly byte[]? _array;

    internal DenmBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => new(_array, 0, Length);

    public ReadOnlyMemory<byte> Memory => new(_array, 0, Length);

    /// <summary>Rents an array and copies <paramref name="uper"/> into it.</summary>
    internal static DenmBytes CopyOf(ReadOnlySpan<byte> uper)
    {
        var array = ArrayPool<byte>.Shared.Rent(uper.Length);
        uper.CopyTo(array);
        return new DenmBytes(array, uper.Length);
    }

    /// <summary>Gives the array back to the pool. The bytes must not be read afterwards.</summary>
    public void Return()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}

/// <summary>
/// One emitted DENM. Everything but <see cref="Uper"/> is only valid during <see cref="IDenRecordSink.Emit"/>;
/// <see cref="Uper"/> belongs to the sink from then on (see <see cref="DenmBytes"/>).
/// </summary>
public readonly struct DenRecord
{
    internal DenRecord(
        DenRecordKind kind,
        ActionId actionId,
        long referenceTime,
        long detectionTime,
        DenmBytes uper,
        RecordSource source,
        Asn1Version version,
        V1.Denm? denmV1,
        V2.Denm? denmV2)
    {
        DenmV1 = denmV1;
        DenmV2 = denmV2;
        Kind = kind;
        ActionId = actionId;
        ReferenceTime = referenceTime;
        DetectionTime = detectionTime;
        Uper = uper;
        Source = source;
        Version = version;
    }

    public DenRecordKind Kind { get; }

    public ActionId ActionId { get; }

    /// <summary>management.referenceTime as TimestampIts (ms since 2004-01-01 UTC, leap seconds counted).</summary>
    public long ReferenceTime { get; }

    /// <summary>management.detectionTime as TimestampIts.</summary>
    public long DetectionTime { get; }

    public DenmBytes Uper { get; }

    public RecordSource Source { get; }

    /// <summary>The ASN.1 module the bytes follow (den.asn1).</summary>
    public Asn1Version Version { get; }

    /// <summary>
    /// The model the bytes were encoded from when <see cref="Version"/> is v1, else null. Owned by the
    /// service and reused for the next record: read it (e.g. to write the JER mirror) only during the call,
    /// and never change it.
    /// </summary>
    public V1.Denm? DenmV1 { get; }

    /// <summary>As <see cref="DenmV1"/>, when <see cref="Version"/> is v2.</summary>
    public V2.Denm? DenmV2 { get; }
}

/// <summary>
/// Receives every emitted DENM, synchronously, on the thread that drives <see cref="DenService"/>.
/// Implementations must not call back into the service.
/// </summary>
public interface IDenRecordSink
{
    void Emit(in DenRecord record);
}
