using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Writes the JER of the types that v1 (TS 102 894-2 v1.3.1, EN 302 637-3 v1.3.1) and v2 (TS 102 894-2 v2.2.1,
/// TS 103 831 v2.2.1) share. Each method writes one value; the caller has written its key. Keys are
/// pre-encoded and numbers go straight into the writer's buffer, so nothing here allocates.
/// </summary>
internal static class JerCommonWriter
{
    /// <summary>Writes the items of a SEQUENCE OF as a JSON array.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText key, List<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray(key);
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an ENUMERATED value as its identifier.</summary>
    public static void WriteEnumerated(Utf8JsonWriter writer, JsonEncodedText key, JerIdentifierTable identifiers, int value) =>
        writer.WriteString(key, identifiers[value]);

    /// <summary>
    /// ReferencePosition, in every DENM: formatted in one go on the stack and handed to the writer as one raw
    /// value, instead of eleven separate writer calls.
    /// </summary>
    public static void WriteReferencePosition(Utf8JsonWriter writer, ReferencePosition position)
    {
        // The longest ReferencePosition text, every number at its widest and the longest AltitudeConfidence
        // identifier ("unavailable"), is 231 bytes:
        // {"latitude":-900000000,"longitude":-1800000000,"positionConfidenceEllipse":{"semiMajorConfidence":4095,
        // "semiMinorConfidence":4095,"semiMajorOrientation":3601},"altitude":{"altitudeValue":-100000,
        // "altitudeConfidence":"unavailable"}}
        Span<byte> text = stackalloc byte[256];
        var fragment = new JerFragment(text);
        var ellipse = position.PositionConfidenceEllipse;
        var altitude = position.Altitude;
        fragment.AppendMember("{\"latitude\":"u8, position.Latitude);
        fragment.AppendMember(",\"longitude\":"u8, position.Longitude);
        fragment.AppendMember(",\"positionConfidenceEllipse\":{\"semiMajorConfidence\":"u8, ellipse.SemiMajorConfidence);
        fragment.AppendMember(",\"semiMinorConfidence\":"u8, ellipse.SemiMinorConfidence);
        fragment.AppendMember(",\"semiMajorOrientation\":"u8, ellipse.SemiMajorOrientation);
        fragment.AppendMember("},\"altitude\":{\"altitudeValue\":"u8, altitude.AltitudeValue);
        fragment.Append(",\"altitudeConfidence\":\""u8);
        fragment.Append(JerIdentifiers.AltitudeConfidence[(int)altitude.AltitudeConfidence].EncodedUtf8Bytes);
        fragment.Append("\"}}"u8);
        writer.WriteRawValue(fragment.Written, skipInputValidation: true);
    }

    public static void WriteDeltaReferencePosition(Utf8JsonWriter writer, DeltaReferencePosition position)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Key.DeltaLatitude, position.DeltaLatitude);
        writer.WriteNumber(Key.DeltaLongitude, position.DeltaLongitude);
        writer.WriteNumber(Key.DeltaAltitude, position.DeltaAltitude);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A PathHistory (v1.3.1) or Path (v2.2.1): SEQUENCE OF PathPoint. Path points are most of a typical DENM's
    /// JER, so each is formatted in one go on the stack and handed to the writer as one raw value, instead of
    /// six separate writer calls.
    /// </summary>
    public static void WritePath(Utf8JsonWriter writer, List<PathPoint> path)
    {
        // The longest PathPoint text, every number at its widest:
        // {"pathPosition":{"deltaLatitude":-131071,"deltaLongitude":-131071,"deltaAltitude":-12700},"pathDeltaTime":-2147483648}
        // is 118 bytes.
        Span<byte> text = stackalloc byte[128];
        writer.WriteStartArray();
        foreach (var point in path)
        {
            var position = point.PathPosition;
            var fragment = new JerFragment(text);
            fragment.AppendMember("{\"pathPosition\":{\"deltaLatitude\":"u8, position.DeltaLatitude);
            fragment.AppendMember(",\"deltaLongitude\":"u8, position.DeltaLongitude);
            fragment.AppendMember(",\"deltaAltitude\":"u8, position.DeltaAltitude);
            fragment.Append("}"u8);
            if (point.PathDeltaTime is { } deltaTime)
            {
                fragment.AppendMember(",\"pathDeltaTime\":"u8, deltaTime);
            }

            fragment.Append("}"u8);
            writer.WriteRawValue(fragment.Written, skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    public static void WriteEventPoint(Utf8JsonWriter writer, EventPoint point)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Key.EventPosition);
        WriteDeltaReferencePosition(writer, point.EventPosition);
        if (point.EventDeltaTime is { } deltaTime)
        {
            writer.WriteNumber(Key.EventDeltaTime, deltaTime);
        }

        writer.WriteNumber(Key.InformationQuality, point.InformationQuality);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A SEQUENCE of a value and its confidence, two INTEGERs: Speed (speedValue, speedConfidence), Heading
    /// (v1.3.1: headingValue, headingConfidence) and Wgs84Angle (v2.2.1: value, confidence).
    /// </summary>
    public static void WriteValueAndConfidence(
        Utf8JsonWriter writer, JsonEncodedText key, JsonEncodedText valueKey, int value, JsonEncodedText confidenceKey, int confidence)
    {
        writer.WriteStartObject(key);
        writer.WriteNumber(valueKey, value);
        writer.WriteNumber(confidenceKey, confidence);
        writer.WriteEndObject();
    }

    public static void WriteImpactReduction(Utf8JsonWriter writer, ImpactReductionContainer impact)
    {
        writer.WriteStartObject(Key.ImpactReduction);
        writer.WriteNumber(Key.HeightLonCarrLeft, impact.HeightLonCarrLeft);
        writer.WriteNumber(Key.HeightLonCarrRight, impact.HeightLonCarrRight);
        writer.WriteNumber(Key.PosLonCarrLeft, impact.PosLonCarrLeft);
        writer.WriteNumber(Key.PosLonCarrRight, impact.PosLonCarrRight);
        WriteIntegerList(writer, Key.PositionOfPillars, impact.PositionOfPillars);
        writer.WriteNumber(Key.PosCentMass, impact.PosCentMass);
        writer.WriteNumber(Key.WheelBaseVehicle, impact.WheelBaseVehicle);
        writer.WriteNumber(Key.TurningRadius, impact.TurningRadius);
        writer.WriteNumber(Key.PosFrontAx, impact.PosFrontAx);
        JerBitString.WriteFixedSize(writer, Key.PositionOfOccupants, (uint)impact.PositionOfOccupants, JerBitString.PositionOfOccupantsSize);
        writer.WriteNumber(Key.VehicleMass, impact.VehicleMass);
        WriteEnumerated(writer, Key.RequestResponseIndication, JerIdentifiers.RequestResponseIndication, (int)impact.RequestResponseIndication);
        writer.WriteEndObject();
    }

    public static void WriteClosedLanes(Utf8JsonWriter writer, ClosedLanes lanes)
    {
        writer.WriteStartObject(Key.ClosedLanes);
        if (lanes.InnerhardShoulderStatus is { } inner)
        {
            WriteEnumerated(writer, Key.InnerhardShoulderStatus, JerIdentifiers.HardShoulderStatus, (int)inner);
        }

        if (lanes.OuterhardShoulderStatus is { } outer)
        {
            WriteEnumerated(writer, Key.OuterhardShoulderStatus, JerIdentifiers.HardShoulderStatus, (int)outer);
        }

        if (lanes.DrivingLaneStatus is { } driving)
        {
            JerBitString.WriteVariableSize(writer, Key.DrivingLaneStatus, (uint)driving.Bits, driving.Length);
        }

        writer.WriteEndObject();
    }

    /// <summary>A SEQUENCE OF INTEGER (PositionOfPillars, RestrictedTypes) as a JSON array of numbers.</summary>
    public static void WriteIntegerList(Utf8JsonWriter writer, JsonEncodedText key, List<int> items)
    {
        writer.WriteStartArray(key);
        foreach (var item in items)
        {
            writer.WriteNumberValue(item);
        }

        writer.WriteEndArray();
    }

    public static void WriteDangerousGoods(Utf8JsonWriter writer, DangerousGoodsExtended goods)
    {
        writer.WriteStartObject(Key.CarryingDangerousGoods);
        WriteEnumerated(writer, Key.DangerousGoodsType, JerIdentifiers.DangerousGoodsBasic, (int)goods.DangerousGoodsType);
        writer.WriteNumber(Key.UnNumber, goods.UnNumber);
        writer.WriteBoolean(Key.ElevatedTemperature, goods.ElevatedTemperature);
        writer.WriteBoolean(Key.TunnelsRestricted, goods.TunnelsRestricted);
        writer.WriteBoolean(Key.LimitedQuantity, goods.LimitedQuantity);
        WriteOptionalString(writer, Key.EmergencyActionCode, goods.EmergencyActionCode);
        WriteOptionalString(writer, Key.PhoneNumber, goods.PhoneNumber);
        WriteOptionalString(writer, Key.CompanyName, goods.CompanyName);
        writer.WriteEndObject();
    }

    public static void WriteVehicleIdentification(Utf8JsonWriter writer, VehicleIdentification identification)
    {
        writer.WriteStartObject(Key.VehicleIdentification);
        WriteOptionalString(writer, Key.WMInumber, identification.WMInumber);
        WriteOptionalString(writer, Key.VDS, identification.VDS);
        writer.WriteEndObject();
    }

    private static void WriteOptionalString(Utf8JsonWriter writer, JsonEncodedText key, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(key, value);
        }
    }
}
