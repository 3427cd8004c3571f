using System.Runtime.CompilerServices;
using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm.V1;

/// <summary>
/// UPER of the EN 302 637-3 v1.3.1 DENM. Components are written in ASN.1 order; every SEQUENCE starts with
/// its extension bit (when extensible) and one presence bit per OPTIONAL/DEFAULT root component (X.691
/// clause 19.2-19.6). No v1.3.1 SEQUENCE has a known extension addition: on decode they are skipped.
/// </summary>
/// <remarks>
/// A struct with static members only: as a type argument of the shared generic codecs (ManagementUper,
/// AlacarteUper) a value type gets its own specialised code, with direct, inlinable calls to its static
/// members; a class would share one canonical instantiation that looks every static member up at run time.
/// </remarks>
internal readonly struct DenmV1Uper : IManagementIdentifiers, IDenmVersionLeaves<CauseCode, ActionID>
{
    /// <inheritdoc/>
    public static string ActionId => "actionID";

    /// <inheritdoc/>
    public static string OriginatingStationId => "originatingStationID";

    /// <inheritdoc/>
    public static string Distance => "relevanceDistance";

    /// <inheritdoc/>
    public static string DistanceType => "RelevanceDistance (CDD v1.3.1)";

    /// <inheritdoc/>
    public static string TrafficDirection => "relevanceTrafficDirection";

    /// <inheritdoc/>
    public static string TrafficDirectionType => "RelevanceTrafficDirection (CDD v1.3.1)";

    /// <inheritdoc/>
    public static string CddVersion => "v1.3.1";

    /// <inheritdoc/>
    public static int EnumerationAdditions => 0;

    /// <summary>A EN 302 637-3 v1.3.1 DENM bound to this encoding, for <see cref="UperPdu"/>.</summary>
    internal readonly struct Pdu : IUperPdu
    {
        private readonly Denm _denm;

        public Pdu(Denm denm)
        {
            ArgumentNullException.ThrowIfNull(denm);
            _denm = denm;
        }

        public void Write(ref UperWriter writer) => DenmV1Uper.Write(ref writer, _denm);

        public void Read(ref UperReader reader) => DenmV1Uper.Read(ref reader, _denm);
    }

    public static void Write(ref UperWriter writer, Denm denm)
    {
        // The header and the payload's presence bits go through a copy of the writer whose calls all inline
        // (see UperWriter).
        var header = denm.Header;
        var payload = denm.Payload;
        var local = writer;
        local.Path.Push("header");
        local.WriteConstrainedInteger(header.ProtocolVersion, 0, CddUper.OctetMax, "protocolVersion");
        local.WriteConstrainedInteger(header.MessageID, 0, CddUper.OctetMax, "messageID");
        local.WriteConstrainedInteger(header.StationID, 0, CddUper.StationIdMax, "stationID");
        local.Path.Pop();
        local.WriteBits(payload.Situation is not null, payload.Location is not null, payload.Alacarte is not null);
        writer = local;

        WriteContainers(ref writer, payload);
    }

    public static void Read(ref UperReader reader, Denm denm)
    {
        reader.Path.Push("header");
        denm.Header = new ItsPduHeader
        {
            ProtocolVersion = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "protocolVersion"),
            MessageID = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "messageID"),
            StationID = (uint)reader.ReadConstrainedInteger(0, CddUper.StationIdMax, "stationID"),
        };
        reader.Path.Pop();

        ReadPayload(ref reader, denm.Payload);
    }

    /// <summary>
    /// DecentralizedEnvironmentalNotificationMessage: not extensible, 3 OPTIONAL containers; the containers
    /// after the presence bits.
    /// </summary>
    private static void WriteContainers(ref UperWriter writer, DecentralizedEnvironmentalNotificationMessage payload)
    {
        WriteManagement(ref writer, payload.Management);
        if (payload.Situation is { } situation)
        {
            WriteSituation(ref writer, situation);
        }

        if (payload.Location is { } location)
        {
            WriteLocation(ref writer, location);
        }

        if (payload.Alacarte is { } alacarte)
        {
            AlacarteUper<DenmV1Uper, CauseCode, ActionID>.Write(ref writer, alacarte, null);
        }
    }

    private static void ReadPayload(ref UperReader reader, DecentralizedEnvironmentalNotificationMessage payload)
    {
        var hasSituation = reader.ReadBit("denm");
        var hasLocation = reader.ReadBit("denm");
        var hasAlacarte = reader.ReadBit("denm");
        ReadManagement(ref reader, payload.Management);
        if (hasSituation)
        {
            payload.Situation ??= new SituationContainer();
            ReadSituation(ref reader, payload.Situation);
        }
        else
        {
            payload.Situation = null;
        }

        if (hasLocation)
        {
            payload.Location ??= new LocationContainer();
            ReadLocation(ref reader, payload.Location);
        }
        else
        {
            payload.Location = null;
        }

        if (hasAlacarte)
        {
            payload.Alacarte ??= new AlacarteContainer();
            AlacarteUper<DenmV1Uper, CauseCode, ActionID>.Read(ref reader, payload.Alacarte, currentRawGroup: null, keepRawGroup: false);
        }
        else
        {
            payload.Alacarte = null;
        }
    }

    private static void WriteManagement(ref UperWriter writer, ManagementContainer management)
    {
        var fields = new ManagementFields
        {
            OriginatingStationId = management.ActionID.OriginatingStationID,
            SequenceNumber = management.ActionID.SequenceNumber,
            DetectionTime = management.DetectionTime,
            ReferenceTime = management.ReferenceTime,
            Termination = management.Termination,
            EventPosition = management.EventPosition,
            Distance = (int?)management.RelevanceDistance,
            TrafficDirection = (int?)management.RelevanceTrafficDirection,
            ValidityDuration = management.ValidityDuration,
            TransmissionInterval = management.TransmissionInterval,
            StationType = management.StationType,
        };
        ManagementUper<DenmV1Uper>.Write(ref writer, fields);
    }

    private static void ReadManagement(ref UperReader reader, ManagementContainer management) =>
        management.SetFrom(ManagementUper<DenmV1Uper>.Read(ref reader));

    public static void WriteActionId(ref UperWriter writer, ActionID actionId, string identifier) =>
        ManagementUper<DenmV1Uper>.WriteActionId(ref writer, actionId.OriginatingStationID, actionId.SequenceNumber, identifier);

    public static ActionID ReadActionId(ref UperReader reader, string identifier)
    {
        var (station, sequence) = ManagementUper<DenmV1Uper>.ReadActionId(ref reader, identifier);
        return new ActionID { OriginatingStationID = station, SequenceNumber = sequence };
    }

    /// <summary>CauseCode SEQUENCE {causeCode (0..255), subCauseCode (0..255), ...}.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteCauseCode(ref UperWriter writer, CauseCode cause, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteBit(false);
        writer.WriteConstrainedInteger(cause.CauseCodeType, 0, CddUper.OctetMax, "causeCode");
        writer.WriteConstrainedInteger(cause.SubCauseCode, 0, CddUper.OctetMax, "subCauseCode");
        writer.Path.Pop();
    }

    public static CauseCode ReadCauseCode(ref UperReader reader, string identifier)
    {
        reader.Path.Push(identifier);
        var extended = reader.ReadBit("");
        var causeCode = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "causeCode");
        var cause = new CauseCode { CauseCodeType = causeCode, SubCauseCode = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "subCauseCode") };
        CddUper.SkipAllAdditions(ref reader, extended);
        var value = cause;
        reader.Path.Pop();
        return value;
    }

    /// <remarks>
    /// Out of line, as WriteManagement and WriteLocation are: inlined into the caller's (already large) encode
    /// method, it left the two WriteCauseCode calls out of line for want of inlining budget, and a call that
    /// takes the local writer by ref keeps the whole writer in memory (measured, with UperPdu's per-thread
    /// scratch: the typical encode about 14 ns faster for the two changes).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteSituation(ref UperWriter writer, SituationContainer situation)
    {
        // Through a copy of the writer whose calls all inline (see UperWriter), up to the event history.
        var local = writer;
        local.Path.Push("situation");
        local.WriteBits(false, situation.LinkedCause.HasValue, situation.EventHistory is not null);
        local.WriteConstrainedInteger(situation.InformationQuality, 0, CddUper.InformationQualityMax, "informationQuality");
        WriteCauseCode(ref local, situation.EventType, "eventType");
        if (situation.LinkedCause is { } linked)
        {
            WriteCauseCode(ref local, linked, "linkedCause");
        }

        writer = local;
        if (situation.EventHistory is { } history)
        {
            CddUper.WriteEventHistory(ref writer, history, "eventHistory");
        }

        writer.Path.Pop();
    }

    private static void ReadSituation(ref UperReader reader, SituationContainer situation)
    {
        reader.Path.Push("situation");
        var extended = reader.ReadBit("");
        var hasLinked = reader.ReadBit("");
        var hasHistory = reader.ReadBit("");
        situation.InformationQuality = (int)reader.ReadConstrainedInteger(0, CddUper.InformationQualityMax, "informationQuality");
        situation.EventType = ReadCauseCode(ref reader, "eventType");
        situation.LinkedCause = hasLinked ? ReadCauseCode(ref reader, "linkedCause") : null;
        if (hasHistory)
        {
            situation.EventHistory ??= [];
            CddUper.ReadEventHistory(ref reader, situation.EventHistory, "eventHistory");
        }
        else
        {
            situation.EventHistory = null;
        }

        CddUper.SkipAllAdditions(ref reader, extended);
        reader.Path.Pop();
    }

    private static void WriteLocation(ref UperWriter writer, LocationContainer location)
    {
        writer.Path.Push("location");
        writer.WriteBits(false, location.EventSpeed.HasValue, location.EventPositionHeading.HasValue, location.RoadType.HasValue);
        if (location.EventSpeed is { } speed)
        {
            CddUper.WriteValueAndConfidence(ref writer, speed.SpeedValue, CddUper.SpeedValueMax, speed.SpeedConfidence, "eventSpeed", "speedValue", "speedConfidence");
        }

        if (location.EventPositionHeading is { } heading)
        {
            CddUper.WriteValueAndConfidence(ref writer, heading.HeadingValue, CddUper.HeadingValueMax, heading.HeadingConfidence, "eventPositionHeading", "headingValue", "headingConfidence");
        }

        CddUper.WriteTraces(ref writer, location.Traces, "traces");
        if (location.RoadType is { } roadType)
        {
            writer.WriteEnumerated((int)roadType, CddUper.RoadTypeCount, "roadType", "RoadType");
        }

        writer.Path.Pop();
    }

    private static void ReadLocation(ref UperReader reader, LocationContainer location)
    {
        reader.Path.Push("location");
        var extended = reader.ReadBit("");
        var hasSpeed = reader.ReadBit("");
        var hasHeading = reader.ReadBit("");
        var hasRoadType = reader.ReadBit("");
        if (hasSpeed)
        {
            var (value, confidence) = CddUper.ReadValueAndConfidence(ref reader, CddUper.SpeedValueMax, "eventSpeed", "speedValue", "speedConfidence");
            location.EventSpeed = new Speed { SpeedValue = value, SpeedConfidence = confidence };
        }
        else
        {
            location.EventSpeed = null;
        }

        if (hasHeading)
        {
            var (value, confidence) = CddUper.ReadValueAndConfidence(ref reader, CddUper.HeadingValueMax, "eventPositionHeading", "headingValue", "headingConfidence");
            location.EventPositionHeading = new Heading { HeadingValue = value, HeadingConfidence = confidence };
        }
        else
        {
            location.EventPositionHeading = null;
        }

        CddUper.ReadTraces(ref reader, location.Traces, "traces");
        location.RoadType = hasRoadType ? (RoadType)reader.ReadEnumerated(CddUper.RoadTypeCount, "roadType") : null;
        CddUper.SkipAllAdditions(ref reader, extended);
        reader.Path.Pop();
    }

}
