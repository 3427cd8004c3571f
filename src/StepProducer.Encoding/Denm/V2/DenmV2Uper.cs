using System.Runtime.CompilerServices;
using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm.V2;

/// <summary>
/// UPER of the TS 103 831 v2.2.1 DENM. Components are written in ASN.1 order; every SEQUENCE starts with
/// its extension bit (when extensible) and one presence bit per OPTIONAL/DEFAULT root component (X.691
/// clause 19.2-19.6). Known extension additions: SituationContainer [[linkedDenms, eventEnd]] (modelled),
/// LocationContainer and AlacarteContainer groups (kept as raw open types); others are skipped on decode.
/// The module's constraints on the header, DenmPayload and SituationContainer are enforced both ways.
/// </summary>
/// <remarks>
/// A struct with static members only: as a type argument of the shared generic codecs (ManagementUper,
/// AlacarteUper) a value type gets its own specialised code, with direct, inlinable calls to its static
/// members; a class would share one canonical instantiation that looks every static member up at run time.
/// </remarks>
internal readonly struct DenmV2Uper : IManagementIdentifiers, IDenmVersionLeaves<CauseCodeV2, ActionId>
{
    // PositioningSolutionType and TrafficRule have one addition each in CDD v2.2.1 (manuallyByOperator,
    // passToLeftOrRight).
    private const int OneAddition = 1;

    // The error path of an extension addition group kept as raw octets (it has no ASN.1 identifier).
    private const string RawGroupField = "extensionGroupV22Raw";

    // Position1d INTEGER (-8190..8191).
    private const int Position1dMin = -8190;
    private const int Position1dMax = 8191;

    /// <inheritdoc/>
    public static string ActionId => "actionId";

    /// <inheritdoc/>
    public static string OriginatingStationId => "originatingStationId";

    /// <inheritdoc/>
    public static string Distance => "awarenessDistance";

    /// <inheritdoc/>
    public static string DistanceType => "StandardLength3b (CDD v2.2.1)";

    /// <inheritdoc/>
    public static string TrafficDirection => "trafficDirection";

    /// <inheritdoc/>
    public static string TrafficDirectionType => "TrafficDirection (CDD v2.2.1)";

    /// <inheritdoc/>
    public static string CddVersion => "v2.2.1";

    /// <inheritdoc/>
    public static int EnumerationAdditions => OneAddition;

    /// <summary>A TS 103 831 v2.2.1 DENM bound to this encoding, for <see cref="UperPdu"/>.</summary>
    internal readonly struct Pdu : IUperPdu
    {
        private readonly Denm _denm;

        public Pdu(Denm denm)
        {
            ArgumentNullException.ThrowIfNull(denm);
            _denm = denm;
        }

        public void Write(ref UperWriter writer) => DenmV2Uper.Write(ref writer, _denm);

        public void Read(ref UperReader reader) => DenmV2Uper.Read(ref reader, _denm);
    }

    public static void Write(ref UperWriter writer, Denm denm)
    {
        var header = denm.Header;
        writer.Path.Push("header");
        if (header.ProtocolVersion != Denm.ProtocolVersion)
        {
            UperErrors.ThrowEncode(writer.Path.Format("protocolVersion"), $"{header.ProtocolVersion} is not {Denm.ProtocolVersion} (DENM header constraint, TS 103 831 v2.2.1)");
        }

        if (header.MessageId != Denm.MessageId)
        {
            UperErrors.ThrowEncode(writer.Path.Format("messageId"), $"{header.MessageId} is not denm ({Denm.MessageId}) (DENM header constraint, TS 103 831 v2.2.1)");
        }

        writer.WriteConstrainedInteger(header.ProtocolVersion, 0, CddUper.OctetMax, "protocolVersion");
        writer.WriteConstrainedInteger(header.MessageId, 0, CddUper.OctetMax, "messageId");
        writer.WriteConstrainedInteger(header.StationId, 0, CddUper.StationIdMax, "stationId");
        writer.Path.Pop();

        WritePayload(ref writer, denm.Payload);
    }

    public static void Read(ref UperReader reader, Denm denm)
    {
        reader.Path.Push("header");
        var start = reader.BitPosition;
        var protocolVersion = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "protocolVersion");
        if (protocolVersion != Denm.ProtocolVersion)
        {
            UperErrors.ThrowDecode(reader.Path.Format("protocolVersion"), $"{protocolVersion} is not {Denm.ProtocolVersion} (DENM header constraint, TS 103 831 v2.2.1)", start);
        }

        start = reader.BitPosition;
        var messageId = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "messageId");
        if (messageId != Denm.MessageId)
        {
            UperErrors.ThrowDecode(reader.Path.Format("messageId"), $"{messageId} is not denm ({Denm.MessageId}) (DENM header constraint, TS 103 831 v2.2.1)", start);
        }

        denm.Header = new ItsPduHeader
        {
            ProtocolVersion = protocolVersion,
            MessageId = messageId,
            StationId = (uint)reader.ReadConstrainedInteger(0, CddUper.StationIdMax, "stationId"),
        };
        reader.Path.Pop();

        ReadPayload(ref reader, denm.Payload);
    }

    /// <summary>DenmPayload: not extensible, 3 OPTIONAL containers.</summary>
    private static void WritePayload(ref UperWriter writer, DenmPayload payload)
    {
        if (PresenceRuleBroken(payload) is { } rule)
        {
            UperErrors.ThrowEncode(writer.Path.Format("denm"), rule);
        }

        writer.WriteBits(payload.Situation is not null, payload.Location is not null, payload.Alacarte is not null);
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
            AlacarteUper<DenmV2Uper, CauseCodeV2, ActionId>.Write(ref writer, alacarte, alacarte.ExtensionGroupV22Raw);
        }
    }

    private static void ReadPayload(ref UperReader reader, DenmPayload payload)
    {
        var start = reader.BitPosition;
        var hasSituation = reader.ReadBit("denm");
        var hasLocation = reader.ReadBit("denm");
        var hasAlacarte = reader.ReadBit("denm");
        ReadManagement(ref reader, payload.Management);
        if (PresenceRuleBroken(payload.Management.Termination.HasValue, hasSituation, hasLocation, hasAlacarte) is { } rule)
        {
            UperErrors.ThrowDecode(reader.Path.Format("denm"), rule, start);
        }

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
            payload.Alacarte.ExtensionGroupV22Raw = AlacarteUper<DenmV2Uper, CauseCodeV2, ActionId>.Read(
                ref reader, payload.Alacarte, payload.Alacarte.ExtensionGroupV22Raw, keepRawGroup: true);
        }
        else
        {
            payload.Alacarte = null;
        }
    }

    private static string? PresenceRuleBroken(DenmPayload payload) => PresenceRuleBroken(
        payload.Management.Termination.HasValue, payload.Situation is not null, payload.Location is not null, payload.Alacarte is not null);

    /// <summary>
    /// The DenmPayload constraint of TS 103 831 v2.2.1: with management.termination PRESENT, situation,
    /// location and alacarte are ABSENT; with it ABSENT, situation and location are PRESENT. Returns the
    /// broken rule, or null.
    /// </summary>
    private static string? PresenceRuleBroken(bool hasTermination, bool hasSituation, bool hasLocation, bool hasAlacarte)
    {
        if (hasTermination && (hasSituation || hasLocation || hasAlacarte))
        {
            return "with management.termination present only the management container may be present (DenmPayload constraint, TS 103 831 v2.2.1)";
        }

        if (!hasTermination && !(hasSituation && hasLocation))
        {
            return "without management.termination both situation and location are required (DenmPayload constraint, TS 103 831 v2.2.1)";
        }

        return null;
    }

    private static void WriteManagement(ref UperWriter writer, ManagementContainer management)
    {
        var fields = new ManagementFields
        {
            OriginatingStationId = management.ActionId.OriginatingStationId,
            SequenceNumber = management.ActionId.SequenceNumber,
            DetectionTime = management.DetectionTime,
            ReferenceTime = management.ReferenceTime,
            Termination = management.Termination,
            EventPosition = management.EventPosition,
            Distance = (int?)management.AwarenessDistance,
            TrafficDirection = (int?)management.TrafficDirection,
            ValidityDuration = management.ValidityDuration,
            TransmissionInterval = management.TransmissionInterval,
            StationType = management.StationType,
        };
        ManagementUper<DenmV2Uper>.Write(ref writer, fields);
    }

    private static void ReadManagement(ref UperReader reader, ManagementContainer management) =>
        management.SetFrom(ManagementUper<DenmV2Uper>.Read(ref reader));

    public static void WriteActionId(ref UperWriter writer, ActionId actionId, string identifier) =>
        ManagementUper<DenmV2Uper>.WriteActionId(ref writer, actionId.OriginatingStationId, actionId.SequenceNumber, identifier);

    public static ActionId ReadActionId(ref UperReader reader, string identifier)
    {
        var (station, sequence) = ManagementUper<DenmV2Uper>.ReadActionId(ref reader, identifier);
        return new ActionId { OriginatingStationId = station, SequenceNumber = sequence };
    }

    /// <summary>
    /// CauseCodeV2 SEQUENCE {ccAndScc CauseCodeChoice, ...}: the extension bit, the CHOICE index 0..128 as a
    /// constrained whole number (X.691 clause 23.6-23.7: the CHOICE has no extension marker), then the
    /// alternative, every one an INTEGER (0..255).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteCauseCode(ref UperWriter writer, CauseCodeV2 cause, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteBit(false);
        writer.WriteConstrainedInteger(cause.CauseCode, 0, CauseCodeV2.MaxCauseCode, "ccAndScc");
        writer.WriteConstrainedInteger(cause.SubCauseCode, 0, CddUper.OctetMax, "ccAndScc.subCauseCode");
        writer.Path.Pop();
    }

    public static CauseCodeV2 ReadCauseCode(ref UperReader reader, string identifier)
    {
        reader.Path.Push(identifier);
        var extended = reader.ReadBit("");
        var start = reader.BitPosition;
        var causeCode = (int)reader.ReadBits(UperBits.ForRange(0, CauseCodeV2.MaxCauseCode), "ccAndScc");
        if (causeCode > CauseCodeV2.MaxCauseCode)
        {
            UperErrors.ThrowDecode(reader.Path.Format("ccAndScc"), $"unknown CauseCodeChoice alternative {causeCode} (0..{CauseCodeV2.MaxCauseCode})", start);
        }

        var cause = new CauseCodeV2 { CauseCode = causeCode, SubCauseCode = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "ccAndScc.subCauseCode") };
        CddUper.SkipAllAdditions(ref reader, extended);
        var value = cause;
        reader.Path.Pop();
        return value;
    }

    private static void WriteSituation(ref UperWriter writer, SituationContainer situation)
    {
        writer.Path.Push("situation");
        if (BrokenSituationConstraint(situation) is var (field, rule))
        {
            UperErrors.ThrowEncode(writer.Path.Format(field), rule);
        }

        var hasGroup = situation.LinkedDenms is not null || situation.EventEnd.HasValue;
        writer.WriteBits(hasGroup, situation.LinkedCause.HasValue, situation.EventZone is not null);
        writer.WriteConstrainedInteger(situation.InformationQuality, 0, CddUper.InformationQualityMax, "informationQuality");
        WriteCauseCode(ref writer, situation.EventType, "eventType");
        if (situation.LinkedCause is { } linked)
        {
            WriteCauseCode(ref writer, linked, "linkedCause");
        }

        if (situation.EventZone is { } zone)
        {
            CddUper.WriteEventHistory(ref writer, zone, "eventZone");
        }

        if (hasGroup)
        {
            writer.WriteSingleExtensionAddition(WriteSituationGroup, situation, "");
        }

        writer.Path.Pop();
    }

    /// <summary>
    /// The addition group [[linkedDenms, eventEnd]], encoded as the SEQUENCE of its components
    /// (X.691 clause 19.9 → 19.2: two presence bits, no extension bit) inside one open type.
    /// </summary>
    private static void WriteSituationGroup(ref UperWriter writer, SituationContainer situation)
    {
        writer.WriteBit(situation.LinkedDenms is not null);
        writer.WriteBit(situation.EventEnd.HasValue);
        if (situation.LinkedDenms is { } linkedDenms)
        {
            AlacarteUper<DenmV2Uper, CauseCodeV2, ActionId>.WriteActionIdList(ref writer, linkedDenms, "linkedDenms");
        }

        if (situation.EventEnd is { } eventEnd)
        {
            writer.WriteConstrainedInteger(eventEnd, Position1dMin, Position1dMax, "eventEnd");
        }
    }

    private static void ReadSituation(ref UperReader reader, SituationContainer situation)
    {
        reader.Path.Push("situation");
        var start = reader.BitPosition;
        var extended = reader.ReadBit("");
        var hasLinked = reader.ReadBit("");
        var hasZone = reader.ReadBit("");
        situation.InformationQuality = (int)reader.ReadConstrainedInteger(0, CddUper.InformationQualityMax, "informationQuality");
        situation.EventType = ReadCauseCode(ref reader, "eventType");
        situation.LinkedCause = hasLinked ? ReadCauseCode(ref reader, "linkedCause") : null;
        if (hasZone)
        {
            situation.EventZone ??= [];
            CddUper.ReadEventHistory(ref reader, situation.EventZone, "eventZone");
        }
        else
        {
            situation.EventZone = null;
        }

        var hasGroup = false;
        if (extended)
        {
            var count = reader.ReadExtensionBitmap(out var presence, "");
            if (UperReader.IsAdditionPresent(presence, count, 0))
            {
                hasGroup = true;
                var end = reader.ReadOpenTypeStart("");
                ReadSituationGroup(ref reader, situation);
                reader.ReadOpenTypeEnd(end, "");
            }

            reader.SkipUnknownAdditions(presence, count, 1, "");
        }

        if (!hasGroup)
        {
            situation.LinkedDenms = null;
            situation.EventEnd = null;
        }

        if (BrokenSituationConstraint(situation) is var (field, rule))
        {
            UperErrors.ThrowDecode(reader.Path.Format(field), rule, start);
        }

        reader.Path.Pop();
    }

    private static void ReadSituationGroup(ref UperReader reader, SituationContainer situation)
    {
        var hasLinkedDenms = reader.ReadBit("");
        var hasEventEnd = reader.ReadBit("");
        if (hasLinkedDenms)
        {
            situation.LinkedDenms ??= [];
            AlacarteUper<DenmV2Uper, CauseCodeV2, ActionId>.ReadActionIdList(ref reader, situation.LinkedDenms, "linkedDenms");
        }
        else
        {
            situation.LinkedDenms = null;
        }

        situation.EventEnd = hasEventEnd ? (int)reader.ReadConstrainedInteger(Position1dMin, Position1dMax, "eventEnd") : null;
    }

    /// <summary>
    /// The SituationContainer constraint (eventZone and eventEnd not both present) and the EventZone
    /// constraint (every EventPoint has eventDeltaTime, or none has), TS 103 831 v2.2.1 / CDD v2.2.1.
    /// </summary>
    /// <remarks>Returns the field and the broken rule, or null.</remarks>
    private static (string Field, string Rule)? BrokenSituationConstraint(SituationContainer situation)
    {
        if (situation.EventZone is not null && situation.EventEnd.HasValue)
        {
            return ("eventEnd", "eventZone and eventEnd are mutually exclusive (SituationContainer constraint, TS 103 831 v2.2.1)");
        }

        if (situation.EventZone is { Count: > 0 } zone)
        {
            var withDeltaTime = zone[0].EventDeltaTime.HasValue;
            for (var index = 1; index < zone.Count; index++)
            {
                if (zone[index].EventDeltaTime.HasValue != withDeltaTime)
                {
                    return (
                        $"eventZone[{index}].eventDeltaTime",
                        "every EventPoint of an EventZone has eventDeltaTime, or none has (EventZone constraint, CDD v2.2.1)");
                }
            }
        }

        return null;
    }

    private static void WriteLocation(ref UperWriter writer, LocationContainer location)
    {
        writer.Path.Push("location");
        writer.WriteBits(location.ExtensionGroupV22Raw is not null, location.EventSpeed.HasValue, location.EventPositionHeading.HasValue, location.RoadType.HasValue);
        if (location.EventSpeed is { } speed)
        {
            CddUper.WriteValueAndConfidence(ref writer, speed.SpeedValue, CddUper.SpeedValueMax, speed.SpeedConfidence, "eventSpeed", "speedValue", "speedConfidence");
        }

        if (location.EventPositionHeading is { } heading)
        {
            CddUper.WriteValueAndConfidence(ref writer, heading.Value, CddUper.HeadingValueMax, heading.Confidence, "eventPositionHeading", "value", "confidence");
        }

        CddUper.WriteTraces(ref writer, location.DetectionZonesToEventPosition, "detectionZonesToEventPosition");
        if (location.RoadType is { } roadType)
        {
            writer.WriteEnumerated((int)roadType, CddUper.RoadTypeCount, "roadType", "RoadType");
        }

        if (location.ExtensionGroupV22Raw is { } group)
        {
            writer.WriteSingleExtensionAddition(group, RawGroupField);
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
            var (value, confidence) = CddUper.ReadValueAndConfidence(ref reader, CddUper.HeadingValueMax, "eventPositionHeading", "value", "confidence");
            location.EventPositionHeading = new Wgs84Angle { Value = value, Confidence = confidence };
        }
        else
        {
            location.EventPositionHeading = null;
        }

        CddUper.ReadTraces(ref reader, location.DetectionZonesToEventPosition, "detectionZonesToEventPosition");
        location.RoadType = hasRoadType ? (RoadType)reader.ReadEnumerated(CddUper.RoadTypeCount, "roadType") : null;
        location.ExtensionGroupV22Raw = reader.ReadRawFirstAddition(extended, location.ExtensionGroupV22Raw, RawGroupField);
        reader.Path.Pop();
    }

}
