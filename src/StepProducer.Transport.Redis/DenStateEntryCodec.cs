using System.Buffers.Binary;
using StepProducer.Den;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;

namespace StepProducer.Transport.Redis;

/// <summary>
/// The value of one table entry in the state hashes: a compact little-endian binary record, version 1.
/// Layout: version (1 byte); table, state (1 byte each); originatingStationId (4), sequenceNumber (2);
/// event key: count (1 byte, 0 = none), that many station IDs (4 each), risk (1); detectionTime,
/// referenceTime (8 each); termination (1 byte, 0xFF = none); validityDurationS, eventValidityDurationS (4
/// each); nextRepetitionTime, repetitionEndTime, lastReportTime (8 each); eventPosition: latitude,
/// longitude, semiMajorConfidence, semiMinorConfidence, semiMajorOrientation, altitudeValue (4 each),
/// altitudeConfidence (1); informationQuality (4); transmissionIntervalMs (4, -1 = none); the DENM: length
/// (2) and bytes.
/// </summary>
public static class DenStateEntryCodec
{
    /// <summary>Bumped when the layout changes; an unknown version is reported, not guessed at.</summary>
    public const byte FormatVersion = 1;

    private const byte NoTermination = 0xFF;
    private const int NoTransmissionInterval = -1;

    /// <summary>Every fixed-size part of the layout, in bytes (see the class comment).</summary>
    private const int FixedLength = 1 + 2 + 4 + 2 + 1 + 1 + (8 * 2) + 1 + (4 * 2) + (8 * 3) + (4 * 6) + 1 + 4 + 4 + 2;

    /// <summary>
    /// The longest hash field name: a StationID (INTEGER (0..4294967295), ETSI TS 102 894-2 CDD: 10 digits),
    /// ':' and a SequenceNumber (INTEGER (0..65535): 5 digits).
    /// </summary>
    private const int FieldNameMaxBytes = 10 + 1 + 5;

    /// <summary>
    /// The hash field of an entry, "&lt;originatingStationId&gt;:&lt;sequenceNumber&gt;" as in the output record,
    /// UTF-8 in <paramref name="arena"/>.
    /// </summary>
    public static ReadOnlyMemory<byte> FieldName(ActionId actionId, BatchArena arena)
    {
        var buffer = arena.Take(FieldNameMaxBytes);
        if (!System.Text.Unicode.Utf8.TryWrite(
            buffer.Span, System.Globalization.CultureInfo.InvariantCulture,
            $"{actionId.OriginatingStationId}:{actionId.SequenceNumber}", out var written))
        {
            throw new InvalidOperationException($"an ActionId took more than FieldNameMaxBytes ({FieldNameMaxBytes}) bytes");
        }

        return arena.Commit(buffer, written);
    }

    /// <summary>The encoded length of <paramref name="entry"/>, for <see cref="Encode"/>.</summary>
    public static int EncodedLength(in DenStateEntry entry) =>
        FixedLength + (4 * (entry.EventKey?.StationIds.Count ?? 0)) + entry.Denm.Length;

    /// <summary>Encodes <paramref name="entry"/> into <paramref name="buffer"/>, exactly <see cref="EncodedLength"/> bytes long.</summary>
    public static void Encode(in DenStateEntry entry, Span<byte> buffer)
    {
        var stationCount = entry.EventKey?.StationIds.Count ?? 0;
        var writer = new SpanWriter(buffer);
        writer.Byte(FormatVersion);
        writer.Byte((byte)entry.Table);
        writer.Byte((byte)entry.State);
        writer.UInt32(entry.ActionId.OriginatingStationId);
        writer.UInt16(entry.ActionId.SequenceNumber);
        writer.Byte((byte)stationCount);
        if (entry.EventKey is { } key)
        {
            foreach (var stationId in key.StationIds.AsSpan())
            {
                writer.UInt32(stationId);
            }

            writer.Byte((byte)key.Risk);
        }
        else
        {
            writer.Byte(0);
        }

        writer.Int64(entry.DetectionTime);
        writer.Int64(entry.ReferenceTime);
        writer.Byte(entry.Termination is { } termination ? (byte)termination : NoTermination);
        writer.Int32(entry.ValidityDurationS);
        writer.Int32(entry.EventValidityDurationS);
        writer.Int64(entry.NextRepetitionTime);
        writer.Int64(entry.RepetitionEndTime);
        writer.Int64(entry.LastReportTime);
        var position = entry.EventPosition;
        writer.Int32(position.Latitude);
        writer.Int32(position.Longitude);
        writer.Int32(position.PositionConfidenceEllipse.SemiMajorConfidence);
        writer.Int32(position.PositionConfidenceEllipse.SemiMinorConfidence);
        writer.Int32(position.PositionConfidenceEllipse.SemiMajorOrientation);
        writer.Int32(position.Altitude.AltitudeValue);
        writer.Byte((byte)position.Altitude.AltitudeConfidence);
        writer.Int32(entry.InformationQuality);
        writer.Int32(entry.TransmissionIntervalMs ?? NoTransmissionInterval);
        writer.UInt16((ushort)entry.Denm.Length);
        writer.Bytes(entry.Denm.Span);
    }

    /// <summary>Decodes an entry; throws <see cref="FormatException"/> naming the field for a value it cannot read.</summary>
    public static DenStateEntry Decode(ReadOnlyMemory<byte> value)
    {
        var reader = new SpanReader(value);
        var version = reader.Byte("version");
        if (version != FormatVersion)
        {
            throw new FormatException($"state entry: format version {version} is not {FormatVersion}");
        }

        var table = (DenTable)reader.Byte("table");
        var state = (DenEntryState)reader.Byte("state");
        var actionId = new ActionId(reader.UInt32("actionId.originatingStationId"), reader.UInt16("actionId.sequenceNumber"));
        var stationCount = reader.Byte("eventKey.count");
        EventKey? eventKey = null;
        if (stationCount > 0)
        {
            var stations = default(StationIdSet);
            for (var index = 0; index < stationCount; index++)
            {
                if (stations.Add(reader.UInt32("eventKey.stationIds")) != StationIdSet.AddResult.Added)
                {
                    throw new FormatException("state entry: eventKey.stationIds holds a duplicate or too many IDs");
                }
            }

            eventKey = new EventKey(stations, (CollisionRisk)reader.Byte("eventKey.risk"));
        }
        else
        {
            reader.Byte("eventKey.risk");
        }

        var detectionTime = reader.Int64("detectionTime");
        var referenceTime = reader.Int64("referenceTime");
        var termination = reader.Byte("termination");
        var entry = new DenStateEntry
        {
            Table = table,
            State = state,
            ActionId = actionId,
            EventKey = eventKey,
            DetectionTime = detectionTime,
            ReferenceTime = referenceTime,
            Termination = termination == NoTermination ? null : (Termination)termination,
            ValidityDurationS = reader.Int32("validityDurationS"),
            EventValidityDurationS = reader.Int32("eventValidityDurationS"),
            NextRepetitionTime = reader.Int64("nextRepetitionTime"),
            RepetitionEndTime = reader.Int64("repetitionEndTime"),
            LastReportTime = reader.Int64("lastReportTime"),
            EventPosition = new ReferencePosition
            {
                Latitude = reader.Int32("eventPosition.latitude"),
                Longitude = reader.Int32("eventPosition.longitude"),
                PositionConfidenceEllipse = new PosConfidenceEllipse
                {
                    SemiMajorConfidence = reader.Int32("eventPosition.semiMajorConfidence"),
                    SemiMinorConfidence = reader.Int32("eventPosition.semiMinorConfidence"),
                    SemiMajorOrientation = reader.Int32("eventPosition.semiMajorOrientation"),
                },
                Altitude = new Altitude
                {
                    AltitudeValue = reader.Int32("eventPosition.altitude"),
                    AltitudeConfidence = (AltitudeConfidence)reader.Byte("eventPosition.altitudeConfidence"),
                },
            },
            InformationQuality = reader.Int32("informationQuality"),
        };
        var transmissionInterval = reader.Int32("transmissionIntervalMs");
        var denmLength = reader.UInt16("denm.length");
        var denm = reader.Bytes(denmLength, "denm");
        reader.ThrowIfTrailing();
        return entry with
        {
            TransmissionIntervalMs = transmissionInterval == NoTransmissionInterval ? null : transmissionInterval,
            Denm = denm,
        };
    }

    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> buffer = buffer;
        private int position;

        public void Byte(byte value) => buffer[position++] = value;

        public void UInt16(ushort value) => Advance(2, BinaryPrimitives.TryWriteUInt16LittleEndian(buffer[position..], value));

        public void UInt32(uint value) => Advance(4, BinaryPrimitives.TryWriteUInt32LittleEndian(buffer[position..], value));

        public void Int32(int value) => Advance(4, BinaryPrimitives.TryWriteInt32LittleEndian(buffer[position..], value));

        public void Int64(long value) => Advance(8, BinaryPrimitives.TryWriteInt64LittleEndian(buffer[position..], value));

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(buffer[position..]);
            position += value.Length;
        }

        private void Advance(int length, bool written)
        {
            if (!written)
            {
                throw new InvalidOperationException("state entry buffer sized too small: the FixedLength sum is wrong");
            }

            position += length;
        }
    }

    private struct SpanReader(ReadOnlyMemory<byte> value)
    {
        private int position;

        public byte Byte(string field) => Take(1, field)[0];

        public ushort UInt16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

        public uint UInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

        public int Int32(string field) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, field));

        public long Int64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Take(8, field));

        public ReadOnlyMemory<byte> Bytes(int length, string field)
        {
            Take(length, field);
            return value.Slice(position - length, length);
        }

        public readonly void ThrowIfTrailing()
        {
            if (position != value.Length)
            {
                throw new FormatException($"state entry: {value.Length - position} bytes after the DENM");
            }
        }

        private ReadOnlySpan<byte> Take(int length, string field)
        {
            if (position + length > value.Length)
            {
                throw new FormatException($"state entry: ends before {field} ({value.Length} bytes)");
            }

            var span = value.Span.Slice(position, length);
            position += length;
            return span;
        }
    }
}
