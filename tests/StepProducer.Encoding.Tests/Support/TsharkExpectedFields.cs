using System.Globalization;
using StepProducer.Encoding.Its;
using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Encoding.Tests.Support;

/// <summary>
/// The field values tshark 4.0 (EN 302 637-3 v1.3.1 dissector) shows for a DENM's header, management,
/// situation and location containers, in dissection order, under tshark's field names. The à-la-carte
/// container is dissected last and is not listed; compare against the first fields tshark shows with these names.
/// </summary>
public static class TsharkExpectedFields
{
    /// <summary>The tshark field names listed here; other fields of the dissection are ignored.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "its.protocolVersion", "its.messageID", "its.stationID", "its.originatingStationID", "its.sequenceNumber",
        "denm.detectionTime", "denm.referenceTime", "denm.termination", "its.latitude", "its.longitude",
        "its.semiMajorConfidence", "its.semiMinorConfidence", "its.semiMajorOrientation", "its.altitudeValue",
        "its.altitudeConfidence", "denm.relevanceDistance", "denm.relevanceTrafficDirection", "denm.validityDuration",
        "denm.transmissionInterval", "denm.stationType", "denm.informationQuality", "its.causeCode", "its.subCauseCode",
        "its.deltaLatitude", "its.deltaLongitude", "its.deltaAltitude", "its.pathDeltaTime", "its.eventDeltaTime",
        "its.informationQuality", "its.speedValue", "its.speedConfidence", "its.headingValue", "its.headingConfidence",
        "denm.roadType",
    };

    public static List<KeyValuePair<string, string>> Of(V1.Denm denm)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var management = denm.Payload.Management;
        Add(fields, "its.protocolVersion", denm.Header.ProtocolVersion);
        Add(fields, "its.messageID", denm.Header.MessageID);
        Add(fields, "its.stationID", denm.Header.StationID);
        AddManagement(
            fields, management.ActionID.OriginatingStationID, management.ActionID.SequenceNumber,
            (management.DetectionTime, management.ReferenceTime, (int?)management.Termination), management.EventPosition,
            (int?)management.RelevanceDistance, (int?)management.RelevanceTrafficDirection, management.ValidityDuration, management.TransmissionInterval, management.StationType);
        if (denm.Payload.Situation is { } situation)
        {
            Add(fields, "denm.informationQuality", situation.InformationQuality);
            AddCause(fields, situation.EventType.CauseCodeType, situation.EventType.SubCauseCode);
            if (situation.LinkedCause is { } linked)
            {
                AddCause(fields, linked.CauseCodeType, linked.SubCauseCode);
            }

            AddEventPoints(fields, situation.EventHistory);
        }

        if (denm.Payload.Location is { } location)
        {
            AddLocation(fields, location.EventSpeed, location.EventPositionHeading is { } heading ? (heading.HeadingValue, heading.HeadingConfidence) : null, location.Traces, (int?)location.RoadType);
        }

        return fields;
    }

    /// <summary>A v2.2.1 DENM without extension additions, which tshark dissects with the v1.3.1 layout.</summary>
    public static List<KeyValuePair<string, string>> Of(V2.Denm denm)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var management = denm.Payload.Management;
        Add(fields, "its.protocolVersion", denm.Header.ProtocolVersion);
        Add(fields, "its.messageID", denm.Header.MessageId);
        Add(fields, "its.stationID", denm.Header.StationId);
        AddManagement(
            fields, management.ActionId.OriginatingStationId, management.ActionId.SequenceNumber,
            (management.DetectionTime, management.ReferenceTime, (int?)management.Termination), management.EventPosition,
            (int?)management.AwarenessDistance, (int?)management.TrafficDirection, management.ValidityDuration, management.TransmissionInterval, management.StationType);
        if (denm.Payload.Situation is { } situation)
        {
            Add(fields, "denm.informationQuality", situation.InformationQuality);
            AddCause(fields, situation.EventType.CauseCode, situation.EventType.SubCauseCode);
            if (situation.LinkedCause is { } linked)
            {
                AddCause(fields, linked.CauseCode, linked.SubCauseCode);
            }

            AddEventPoints(fields, situation.EventZone);
        }

        if (denm.Payload.Location is { } location)
        {
            AddLocation(fields, location.EventSpeed, location.EventPositionHeading is { } heading ? (heading.Value, heading.Confidence) : null, location.DetectionZonesToEventPosition, (int?)location.RoadType);
        }

        return fields;
    }

    private static void AddManagement(
        List<KeyValuePair<string, string>> fields, uint originatingStation, int sequenceNumber, (long Detection, long Reference, int? Termination) times, ReferencePosition position,
        int? distance, int? direction, int validityDuration, int? transmissionInterval, int stationType)
    {
        Add(fields, "its.originatingStationID", originatingStation);
        Add(fields, "its.sequenceNumber", sequenceNumber);
        Add(fields, "denm.detectionTime", times.Detection);
        Add(fields, "denm.referenceTime", times.Reference);
        AddOptional(fields, "denm.termination", times.Termination);
        Add(fields, "its.latitude", position.Latitude);
        Add(fields, "its.longitude", position.Longitude);
        Add(fields, "its.semiMajorConfidence", position.PositionConfidenceEllipse.SemiMajorConfidence);
        Add(fields, "its.semiMinorConfidence", position.PositionConfidenceEllipse.SemiMinorConfidence);
        Add(fields, "its.semiMajorOrientation", position.PositionConfidenceEllipse.SemiMajorOrientation);
        Add(fields, "its.altitudeValue", position.Altitude.AltitudeValue);
        Add(fields, "its.altitudeConfidence", (int)position.Altitude.AltitudeConfidence);
        AddOptional(fields, "denm.relevanceDistance", distance);
        AddOptional(fields, "denm.relevanceTrafficDirection", direction);
        if (validityDuration != V1.ManagementContainer.DefaultValidity)
        {
            Add(fields, "denm.validityDuration", validityDuration);
        }

        AddOptional(fields, "denm.transmissionInterval", transmissionInterval);
        Add(fields, "denm.stationType", stationType);
    }

    private static void AddCause(List<KeyValuePair<string, string>> fields, int cause, int subCause)
    {
        Add(fields, "its.causeCode", cause);
        Add(fields, "its.subCauseCode", subCause);
    }

    private static void AddDelta(List<KeyValuePair<string, string>> fields, DeltaReferencePosition delta)
    {
        Add(fields, "its.deltaLatitude", delta.DeltaLatitude);
        Add(fields, "its.deltaLongitude", delta.DeltaLongitude);
        Add(fields, "its.deltaAltitude", delta.DeltaAltitude);
    }

    private static void AddEventPoints(List<KeyValuePair<string, string>> fields, List<EventPoint>? points)
    {
        foreach (var point in points ?? [])
        {
            AddDelta(fields, point.EventPosition);
            AddOptional(fields, "its.eventDeltaTime", point.EventDeltaTime);
            Add(fields, "its.informationQuality", point.InformationQuality);
        }
    }

    private static void AddLocation(
        List<KeyValuePair<string, string>> fields, Speed? speed, (int Value, int Confidence)? heading, List<List<PathPoint>> traces, int? roadType)
    {
        if (speed is { } eventSpeed)
        {
            Add(fields, "its.speedValue", eventSpeed.SpeedValue);
            Add(fields, "its.speedConfidence", eventSpeed.SpeedConfidence);
        }

        if (heading is { } eventHeading)
        {
            Add(fields, "its.headingValue", eventHeading.Value);
            Add(fields, "its.headingConfidence", eventHeading.Confidence);
        }

        foreach (var trace in traces)
        {
            foreach (var point in trace)
            {
                AddDelta(fields, point.PathPosition);
                AddOptional(fields, "its.pathDeltaTime", point.PathDeltaTime);
            }
        }

        AddOptional(fields, "denm.roadType", roadType);
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, long value) =>
        fields.Add(new(name, value.ToString(CultureInfo.InvariantCulture)));

    private static void AddOptional(List<KeyValuePair<string, string>> fields, string name, long? value)
    {
        if (value is { } present)
        {
            Add(fields, name, present);
        }
    }
}
