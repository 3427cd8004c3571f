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
internal sealed class DenmV2Uper : IUperPdu<Denm>
{
    // ValidityDuration (0..86400) DEFAULT 600; TransmissionInterval (1..10000); LanePosition (-1..14);
    // Temperature (-60..67); SpeedLimit (1..255); NumberOfOccupants (0..127).
    private const int ValidityDurationMax = 86_400;
    private const int TransmissionIntervalMax = 10_000;
    private const int LanePositionMin = -1;
    private const int LanePositionMax = 14;
    private const int TemperatureMin = -60;
    private const int TemperatureMax = 67;
    private const int NumberOfOccupantsMax = 127;

    // ENUMERATED root counts: Termination 2, StandardLength3b 8, TrafficDirection 4; TrafficRule 4 root and 1
    // addition (passToLeftOrRight); PositioningSolutionType 6 root and 1 addition (manuallyByOperator).
    private const int TerminationCount = 2;
    private const int StandardLength3bCount = 8;
    private const int TrafficDirectionCount = 4;
    private const int TrafficRuleCount = 4;
    private const int PositioningSolutionTypeCount = 6;
    private const int OneAddition = 1;

    // The error path of an extension addition group kept as raw octets (it has no ASN.1 identifier).
    private const string RawGroupField = "extensionGroupV22Raw";

    // Position1d INTEGER (-8190..8191); ActionIdList SIZE(1..8, ...).
    private const int Position1dMin = -8190;
    private const int Position1dMax = 8191;
    private const int ActionIdListRootMax = 8;

    // RestrictedTypes SIZE(1..3, ...).
    private const int RestrictedTypesRootMax = 3;

    // LightBarSirenInUse SIZE(2); EnergyStorageType SIZE(7).
    private const int LightBarSirenInUseBits = 2;
    private const int EnergyStorageTypeBits = 7;

    public static void Write(ref UperWriter writer, Denm denm)
    {
        var header = denm.Header;
        try
        {
            if (header.ProtocolVersion != Denm.ProtocolVersion)
            {
                UperErrors.ThrowEncode("protocolVersion", $"{header.ProtocolVersion} is not {Denm.ProtocolVersion} (DENM header constraint, TS 103 831 v2.2.1)");
            }

            if (header.MessageId != Denm.MessageId)
            {
                UperErrors.ThrowEncode("messageId", $"{header.MessageId} is not denm ({Denm.MessageId}) (DENM header constraint, TS 103 831 v2.2.1)");
            }

            writer.WriteConstrainedInteger(header.ProtocolVersion, 0, CddUper.OctetMax, "protocolVersion");
            writer.WriteConstrainedInteger(header.MessageId, 0, CddUper.OctetMax, "messageId");
            writer.WriteConstrainedInteger(header.StationId, 0, CddUper.StationIdMax, "stationId");
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("header");
            throw;
        }

        WritePayload(ref writer, denm.Payload);
    }

    public static void Read(ref UperReader reader, Denm denm)
    {
        try
        {
            var start = reader.BitPosition;
            var protocolVersion = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "protocolVersion");
            if (protocolVersion != Denm.ProtocolVersion)
            {
                UperErrors.ThrowDecode("protocolVersion", $"{protocolVersion} is not {Denm.ProtocolVersion} (DENM header constraint, TS 103 831 v2.2.1)", start);
            }

            start = reader.BitPosition;
            var messageId = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "messageId");
            if (messageId != Denm.MessageId)
            {
                UperErrors.ThrowDecode("messageId", $"{messageId} is not denm ({Denm.MessageId}) (DENM header constraint, TS 103 831 v2.2.1)", start);
            }

            denm.Header = new ItsPduHeader
            {
                ProtocolVersion = protocolVersion,
                MessageId = messageId,
                StationId = (uint)reader.ReadConstrainedInteger(0, CddUper.StationIdMax, "stationId"),
            };
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("header");
            throw;
        }

        ReadPayload(ref reader, denm.Payload);
    }

    /// <summary>DenmPayload: not extensible, 3 OPTIONAL containers.</summary>
    private static void WritePayload(ref UperWriter writer, DenmPayload payload)
    {
        if (PresenceRuleBroken(payload) is { } rule)
        {
            UperErrors.ThrowEncode("denm", rule);
        }

        writer.WriteBit(payload.Situation is not null);
        writer.WriteBit(payload.Location is not null);
        writer.WriteBit(payload.Alacarte is not null);
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
            WriteAlacarte(ref writer, alacarte);
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
            UperErrors.ThrowDecode("denm", rule, start);
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
            ReadAlacarte(ref reader, payload.Alacarte);
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
        try
        {
            var hasValidityDuration = management.ValidityDuration != ManagementContainer.DefaultValidity;
            writer.WriteBit(false);
            writer.WriteBit(management.Termination.HasValue);
            writer.WriteBit(management.AwarenessDistance.HasValue);
            writer.WriteBit(management.TrafficDirection.HasValue);
            writer.WriteBit(hasValidityDuration);
            writer.WriteBit(management.TransmissionInterval.HasValue);
            WriteActionId(ref writer, management.ActionId, "actionId");
            writer.WriteConstrainedInteger(management.DetectionTime, 0, ItsTimestamp.MaxValue, "detectionTime");
            writer.WriteConstrainedInteger(management.ReferenceTime, 0, ItsTimestamp.MaxValue, "referenceTime");
            if (management.Termination is { } termination)
            {
                writer.WriteEnumerated((int)termination, TerminationCount, "termination", "Termination");
            }

            CddUper.WriteReferencePosition(ref writer, management.EventPosition, "eventPosition");
            if (management.AwarenessDistance is { } distance)
            {
                writer.WriteEnumerated((int)distance, StandardLength3bCount, "awarenessDistance", "StandardLength3b");
            }

            if (management.TrafficDirection is { } direction)
            {
                writer.WriteEnumerated((int)direction, TrafficDirectionCount, "trafficDirection", "TrafficDirection");
            }

            if (hasValidityDuration)
            {
                writer.WriteConstrainedInteger(management.ValidityDuration, 0, ValidityDurationMax, "validityDuration");
            }

            if (management.TransmissionInterval is { } interval)
            {
                writer.WriteConstrainedInteger(interval, 1, TransmissionIntervalMax, "transmissionInterval");
            }

            writer.WriteConstrainedInteger(management.StationType, 0, CddUper.OctetMax, "stationType");
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("management");
            throw;
        }
    }

    private static void ReadManagement(ref UperReader reader, ManagementContainer management)
    {
        try
        {
            var extended = reader.ReadBit("");
            var hasTermination = reader.ReadBit("");
            var hasDistance = reader.ReadBit("");
            var hasDirection = reader.ReadBit("");
            var hasValidityDuration = reader.ReadBit("");
            var hasInterval = reader.ReadBit("");
            management.ActionId = ReadActionId(ref reader, "actionId");
            management.DetectionTime = reader.ReadConstrainedInteger(0, ItsTimestamp.MaxValue, "detectionTime");
            management.ReferenceTime = reader.ReadConstrainedInteger(0, ItsTimestamp.MaxValue, "referenceTime");
            management.Termination = hasTermination ? (Termination)reader.ReadEnumerated(TerminationCount, "termination") : null;
            management.EventPosition = CddUper.ReadReferencePosition(ref reader, "eventPosition");
            management.AwarenessDistance = hasDistance ? (StandardLength3b)reader.ReadEnumerated(StandardLength3bCount, "awarenessDistance") : null;
            management.TrafficDirection = hasDirection
                ? (TrafficDirection)reader.ReadEnumerated(TrafficDirectionCount, "trafficDirection")
                : null;
            management.ValidityDuration = hasValidityDuration
                ? (int)reader.ReadConstrainedInteger(0, ValidityDurationMax, "validityDuration")
                : ManagementContainer.DefaultValidity;
            management.TransmissionInterval = hasInterval ? (int)reader.ReadConstrainedInteger(1, TransmissionIntervalMax, "transmissionInterval") : null;
            management.StationType = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "stationType");
            CddUper.SkipAllAdditions(ref reader, extended);
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("management");
            throw;
        }
    }

    private static void WriteActionId(ref UperWriter writer, ActionId actionId, string identifier)
    {
        try
        {
            writer.WriteConstrainedInteger(actionId.OriginatingStationId, 0, CddUper.StationIdMax, "originatingStationId");
            writer.WriteConstrainedInteger(actionId.SequenceNumber, 0, CddUper.SequenceNumberMax, "sequenceNumber");
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    private static ActionId ReadActionId(ref UperReader reader, string identifier)
    {
        try
        {
            var station = (uint)reader.ReadConstrainedInteger(0, CddUper.StationIdMax, "originatingStationId");
            return new ActionId { OriginatingStationId = station, SequenceNumber = (int)reader.ReadConstrainedInteger(0, CddUper.SequenceNumberMax, "sequenceNumber") };
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    /// <summary>
    /// CauseCodeV2 SEQUENCE {ccAndScc CauseCodeChoice, ...}: the extension bit, the CHOICE index 0..128 as a
    /// constrained whole number (X.691 clause 23.6-23.7: the CHOICE has no extension marker), then the
    /// alternative, every one an INTEGER (0..255).
    /// </summary>
    internal static void WriteCauseCode(ref UperWriter writer, CauseCodeV2 cause, string identifier)
    {
        try
        {
            writer.WriteBit(false);
            writer.WriteConstrainedInteger(cause.CauseCode, 0, CauseCodeV2.MaxCauseCode, "ccAndScc");
            writer.WriteConstrainedInteger(cause.SubCauseCode, 0, CddUper.OctetMax, "ccAndScc.subCauseCode");
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    internal static CauseCodeV2 ReadCauseCode(ref UperReader reader, string identifier)
    {
        try
        {
            var extended = reader.ReadBit("");
            var start = reader.BitPosition;
            var causeCode = (int)reader.ReadBits(UperBits.ForRange(0, CauseCodeV2.MaxCauseCode), "ccAndScc");
            if (causeCode > CauseCodeV2.MaxCauseCode)
            {
                UperErrors.ThrowDecode("ccAndScc", $"unknown CauseCodeChoice alternative {causeCode} (0..{CauseCodeV2.MaxCauseCode})", start);
            }

            var cause = new CauseCodeV2 { CauseCode = causeCode, SubCauseCode = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "ccAndScc.subCauseCode") };
            CddUper.SkipAllAdditions(ref reader, extended);
            return cause;
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    private static void WriteSituation(ref UperWriter writer, SituationContainer situation)
    {
        try
        {
            CheckSituationConstraints(situation, static (field, rule, _) => UperErrors.ThrowEncode(field, rule), 0);
            var hasGroup = situation.LinkedDenms is not null || situation.EventEnd.HasValue;
            writer.WriteBit(hasGroup);
            writer.WriteBit(situation.LinkedCause.HasValue);
            writer.WriteBit(situation.EventZone is not null);
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
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("situation");
            throw;
        }
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
            WriteActionIdList(ref writer, linkedDenms, "linkedDenms");
        }

        if (situation.EventEnd is { } eventEnd)
        {
            writer.WriteConstrainedInteger(eventEnd, Position1dMin, Position1dMax, "eventEnd");
        }
    }

    private static void ReadSituation(ref UperReader reader, SituationContainer situation)
    {
        try
        {
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

            CheckSituationConstraints(situation, static (field, rule, bitOffset) => UperErrors.ThrowDecode(field, rule, bitOffset), start);
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("situation");
            throw;
        }
    }

    private static void ReadSituationGroup(ref UperReader reader, SituationContainer situation)
    {
        var hasLinkedDenms = reader.ReadBit("");
        var hasEventEnd = reader.ReadBit("");
        if (hasLinkedDenms)
        {
            situation.LinkedDenms ??= [];
            ReadActionIdList(ref reader, situation.LinkedDenms, "linkedDenms");
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
    private static void CheckSituationConstraints(SituationContainer situation, Action<string, string, long> fail, long bitOffset)
    {
        if (situation.EventZone is not null && situation.EventEnd.HasValue)
        {
            fail("eventEnd", "eventZone and eventEnd are mutually exclusive (SituationContainer constraint, TS 103 831 v2.2.1)", bitOffset);
        }

        if (situation.EventZone is { Count: > 0 } zone)
        {
            var withDeltaTime = zone[0].EventDeltaTime.HasValue;
            for (var index = 1; index < zone.Count; index++)
            {
                if (zone[index].EventDeltaTime.HasValue != withDeltaTime)
                {
                    fail(
                        $"eventZone[{index}].eventDeltaTime",
                        "every EventPoint of an EventZone has eventDeltaTime, or none has (EventZone constraint, CDD v2.2.1)",
                        bitOffset);
                }
            }
        }
    }

    private static void WriteLocation(ref UperWriter writer, LocationContainer location)
    {
        try
        {
            writer.WriteBit(location.ExtensionGroupV22Raw is not null);
            writer.WriteBit(location.EventSpeed.HasValue);
            writer.WriteBit(location.EventPositionHeading.HasValue);
            writer.WriteBit(location.RoadType.HasValue);
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
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("location");
            throw;
        }
    }

    private static void ReadLocation(ref UperReader reader, LocationContainer location)
    {
        try
        {
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
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("location");
            throw;
        }
    }

    private static void WriteAlacarte(ref UperWriter writer, AlacarteContainer alacarte)
    {
        try
        {
            writer.WriteBit(alacarte.ExtensionGroupV22Raw is not null);
            writer.WriteBit(alacarte.LanePosition.HasValue);
            writer.WriteBit(alacarte.ImpactReduction is not null);
            writer.WriteBit(alacarte.ExternalTemperature.HasValue);
            writer.WriteBit(alacarte.RoadWorks is not null);
            writer.WriteBit(alacarte.PositioningSolution.HasValue);
            writer.WriteBit(alacarte.StationaryVehicle is not null);
            if (alacarte.LanePosition is { } lane)
            {
                writer.WriteConstrainedInteger(lane, LanePositionMin, LanePositionMax, "lanePosition");
            }

            if (alacarte.ImpactReduction is { } impact)
            {
                ImpactReductionUper.Write(ref writer, impact, "impactReduction");
            }

            if (alacarte.ExternalTemperature is { } temperature)
            {
                writer.WriteConstrainedInteger(temperature, TemperatureMin, TemperatureMax, "externalTemperature");
            }

            if (alacarte.RoadWorks is { } roadWorks)
            {
                WriteRoadWorks(ref writer, roadWorks);
            }

            if (alacarte.PositioningSolution is { } solution)
            {
                writer.WriteExtensibleEnumerated((int)solution, PositioningSolutionTypeCount, OneAddition, "positioningSolution", "PositioningSolutionType (v2.2.1)");
            }

            if (alacarte.StationaryVehicle is { } stationary)
            {
                WriteStationaryVehicle(ref writer, stationary);
            }

            if (alacarte.ExtensionGroupV22Raw is { } group)
            {
                writer.WriteSingleExtensionAddition(group, RawGroupField);
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("alacarte");
            throw;
        }
    }

    private static void ReadAlacarte(ref UperReader reader, AlacarteContainer alacarte)
    {
        try
        {
            var extended = reader.ReadBit("");
            var hasLane = reader.ReadBit("");
            var hasImpact = reader.ReadBit("");
            var hasTemperature = reader.ReadBit("");
            var hasRoadWorks = reader.ReadBit("");
            var hasSolution = reader.ReadBit("");
            var hasStationary = reader.ReadBit("");
            alacarte.LanePosition = hasLane ? (int)reader.ReadConstrainedInteger(LanePositionMin, LanePositionMax, "lanePosition") : null;
            if (hasImpact)
            {
                alacarte.ImpactReduction ??= new ImpactReductionContainer();
                ImpactReductionUper.Read(ref reader, alacarte.ImpactReduction, "impactReduction");
            }
            else
            {
                alacarte.ImpactReduction = null;
            }

            alacarte.ExternalTemperature = hasTemperature ? (int)reader.ReadConstrainedInteger(TemperatureMin, TemperatureMax, "externalTemperature") : null;
            if (hasRoadWorks)
            {
                alacarte.RoadWorks ??= new RoadWorksContainerExtended();
                ReadRoadWorks(ref reader, alacarte.RoadWorks);
            }
            else
            {
                alacarte.RoadWorks = null;
            }

            alacarte.PositioningSolution = hasSolution
                ? (PositioningSolutionType)reader.ReadExtensibleEnumerated(PositioningSolutionTypeCount, OneAddition, "positioningSolution")
                : null;
            if (hasStationary)
            {
                alacarte.StationaryVehicle ??= new StationaryVehicleContainer();
                ReadStationaryVehicle(ref reader, alacarte.StationaryVehicle);
            }
            else
            {
                alacarte.StationaryVehicle = null;
            }

            alacarte.ExtensionGroupV22Raw = reader.ReadRawFirstAddition(extended, alacarte.ExtensionGroupV22Raw, RawGroupField);
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("alacarte");
            throw;
        }
    }

    /// <summary>RoadWorksContainerExtended: not extensible, 9 OPTIONAL components.</summary>
    private static void WriteRoadWorks(ref UperWriter writer, RoadWorksContainerExtended roadWorks)
    {
        try
        {
            writer.WriteBit(roadWorks.LightBarSirenInUse.HasValue);
            writer.WriteBit(roadWorks.ClosedLanes.HasValue);
            writer.WriteBit(roadWorks.Restriction is not null);
            writer.WriteBit(roadWorks.SpeedLimit.HasValue);
            writer.WriteBit(roadWorks.IncidentIndication.HasValue);
            writer.WriteBit(roadWorks.RecommendedPath is not null);
            writer.WriteBit(roadWorks.StartingPointSpeedLimit.HasValue);
            writer.WriteBit(roadWorks.TrafficFlowRule.HasValue);
            writer.WriteBit(roadWorks.ReferenceDenms is not null);
            if (roadWorks.LightBarSirenInUse is { } lightBar)
            {
                writer.WriteFixedSizeBitString((uint)lightBar, LightBarSirenInUseBits, "lightBarSirenInUse");
            }

            if (roadWorks.ClosedLanes is { } closedLanes)
            {
                CddUper.WriteClosedLanes(ref writer, closedLanes, "closedLanes");
            }

            if (roadWorks.Restriction is { } restriction)
            {
                WriteRestriction(ref writer, restriction);
            }

            if (roadWorks.SpeedLimit is { } speedLimit)
            {
                writer.WriteConstrainedInteger(speedLimit, 1, CddUper.OctetMax, "speedLimit");
            }

            if (roadWorks.IncidentIndication is { } incident)
            {
                WriteCauseCode(ref writer, incident, "incidentIndication");
            }

            if (roadWorks.RecommendedPath is { } path)
            {
                CddUper.WriteItineraryPath(ref writer, path, "recommendedPath");
            }

            if (roadWorks.StartingPointSpeedLimit is { } startingPoint)
            {
                CddUper.WriteDeltaReferencePosition(ref writer, startingPoint, "startingPointSpeedLimit");
            }

            if (roadWorks.TrafficFlowRule is { } rule)
            {
                writer.WriteExtensibleEnumerated((int)rule, TrafficRuleCount, OneAddition, "trafficFlowRule", "TrafficRule (v2.2.1)");
            }

            if (roadWorks.ReferenceDenms is { } references)
            {
                WriteActionIdList(ref writer, references, "referenceDenms");
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("roadWorks");
            throw;
        }
    }

    private static void ReadRoadWorks(ref UperReader reader, RoadWorksContainerExtended roadWorks)
    {
        try
        {
            var hasLightBar = reader.ReadBit("");
            var hasClosedLanes = reader.ReadBit("");
            var hasRestriction = reader.ReadBit("");
            var hasSpeedLimit = reader.ReadBit("");
            var hasIncident = reader.ReadBit("");
            var hasPath = reader.ReadBit("");
            var hasStartingPoint = reader.ReadBit("");
            var hasRule = reader.ReadBit("");
            var hasReferences = reader.ReadBit("");
            roadWorks.LightBarSirenInUse = hasLightBar ? (LightBarSirenInUse)reader.ReadBits(LightBarSirenInUseBits, "lightBarSirenInUse") : null;
            roadWorks.ClosedLanes = hasClosedLanes ? CddUper.ReadClosedLanes(ref reader, "closedLanes") : null;
            if (hasRestriction)
            {
                roadWorks.Restriction ??= [];
                ReadRestriction(ref reader, roadWorks.Restriction);
            }
            else
            {
                roadWorks.Restriction = null;
            }

            roadWorks.SpeedLimit = hasSpeedLimit ? (int)reader.ReadConstrainedInteger(1, CddUper.OctetMax, "speedLimit") : null;
            roadWorks.IncidentIndication = hasIncident ? ReadCauseCode(ref reader, "incidentIndication") : null;
            if (hasPath)
            {
                roadWorks.RecommendedPath ??= [];
                CddUper.ReadItineraryPath(ref reader, roadWorks.RecommendedPath, "recommendedPath");
            }
            else
            {
                roadWorks.RecommendedPath = null;
            }

            roadWorks.StartingPointSpeedLimit = hasStartingPoint ? CddUper.ReadDeltaReferencePosition(ref reader, "startingPointSpeedLimit") : null;
            roadWorks.TrafficFlowRule = hasRule ? (TrafficRule)reader.ReadExtensibleEnumerated(TrafficRuleCount, OneAddition, "trafficFlowRule") : null;
            if (hasReferences)
            {
                roadWorks.ReferenceDenms ??= [];
                ReadActionIdList(ref reader, roadWorks.ReferenceDenms, "referenceDenms");
            }
            else
            {
                roadWorks.ReferenceDenms = null;
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("roadWorks");
            throw;
        }
    }

    /// <summary>RestrictedTypes: SEQUENCE (SIZE(1..3, ...)) OF StationType (0..255).</summary>
    private static void WriteRestriction(ref UperWriter writer, List<int> restriction)
    {
        writer.WriteExtensibleLength(restriction.Count, 1, RestrictedTypesRootMax, "restriction");
        for (var index = 0; index < restriction.Count; index++)
        {
            try
            {
                writer.WriteConstrainedInteger(restriction[index], 0, CddUper.OctetMax, "");
            }
            catch (DenmCodecException error)
            {
                error.PrependIndex(index);
                error.PrependPath("restriction");
                throw;
            }
        }
    }

    private static void ReadRestriction(ref UperReader reader, List<int> restriction)
    {
        var count = reader.ReadExtensibleLength(1, RestrictedTypesRootMax, "restriction");
        restriction.Clear();
        for (var index = 0; index < count; index++)
        {
            try
            {
                restriction.Add((int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, ""));
            }
            catch (DenmCodecException error)
            {
                error.PrependIndex(index);
                error.PrependPath("restriction");
                throw;
            }
        }
    }

    /// <summary>ActionIdList: SEQUENCE (SIZE(1..8, ...)) OF ActionId (referenceDenms, linkedDenms).</summary>
    internal static void WriteActionIdList(ref UperWriter writer, List<ActionId> references, string identifier)
    {
        writer.WriteExtensibleLength(references.Count, 1, ActionIdListRootMax, identifier);
        for (var index = 0; index < references.Count; index++)
        {
            try
            {
                WriteActionId(ref writer, references[index], "");
            }
            catch (DenmCodecException error)
            {
                error.PrependIndex(index);
                error.PrependPath(identifier);
                throw;
            }
        }
    }

    internal static void ReadActionIdList(ref UperReader reader, List<ActionId> references, string identifier)
    {
        var count = reader.ReadExtensibleLength(1, ActionIdListRootMax, identifier);
        references.Clear();
        for (var index = 0; index < count; index++)
        {
            try
            {
                references.Add(ReadActionId(ref reader, ""));
            }
            catch (DenmCodecException error)
            {
                error.PrependIndex(index);
                error.PrependPath(identifier);
                throw;
            }
        }
    }

    /// <summary>StationaryVehicleContainer: not extensible, 6 OPTIONAL components.</summary>
    private static void WriteStationaryVehicle(ref UperWriter writer, StationaryVehicleContainer stationary)
    {
        try
        {
            writer.WriteBit(stationary.StationarySince.HasValue);
            writer.WriteBit(stationary.StationaryCause.HasValue);
            writer.WriteBit(stationary.CarryingDangerousGoods is not null);
            writer.WriteBit(stationary.NumberOfOccupants.HasValue);
            writer.WriteBit(stationary.VehicleIdentification is not null);
            writer.WriteBit(stationary.EnergyStorageType.HasValue);
            if (stationary.StationarySince is { } since)
            {
                writer.WriteEnumerated((int)since, CddUper.StationarySinceCount, "stationarySince", "StationarySince");
            }

            if (stationary.StationaryCause is { } cause)
            {
                WriteCauseCode(ref writer, cause, "stationaryCause");
            }

            if (stationary.CarryingDangerousGoods is { } goods)
            {
                CddUper.WriteDangerousGoods(ref writer, goods, "carryingDangerousGoods");
            }

            if (stationary.NumberOfOccupants is { } occupants)
            {
                writer.WriteConstrainedInteger(occupants, 0, NumberOfOccupantsMax, "numberOfOccupants");
            }

            if (stationary.VehicleIdentification is { } identification)
            {
                CddUper.WriteVehicleIdentification(ref writer, identification, "vehicleIdentification");
            }

            if (stationary.EnergyStorageType is { } energy)
            {
                writer.WriteFixedSizeBitString((uint)energy, EnergyStorageTypeBits, "energyStorageType");
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("stationaryVehicle");
            throw;
        }
    }

    private static void ReadStationaryVehicle(ref UperReader reader, StationaryVehicleContainer stationary)
    {
        try
        {
            var hasSince = reader.ReadBit("");
            var hasCause = reader.ReadBit("");
            var hasGoods = reader.ReadBit("");
            var hasOccupants = reader.ReadBit("");
            var hasIdentification = reader.ReadBit("");
            var hasEnergy = reader.ReadBit("");
            stationary.StationarySince = hasSince ? (StationarySince)reader.ReadEnumerated(CddUper.StationarySinceCount, "stationarySince") : null;
            stationary.StationaryCause = hasCause ? ReadCauseCode(ref reader, "stationaryCause") : null;
            if (hasGoods)
            {
                stationary.CarryingDangerousGoods ??= new DangerousGoodsExtended();
                CddUper.ReadDangerousGoods(ref reader, stationary.CarryingDangerousGoods, "carryingDangerousGoods");
            }
            else
            {
                stationary.CarryingDangerousGoods = null;
            }

            stationary.NumberOfOccupants = hasOccupants ? (int)reader.ReadConstrainedInteger(0, NumberOfOccupantsMax, "numberOfOccupants") : null;
            if (hasIdentification)
            {
                stationary.VehicleIdentification ??= new VehicleIdentification();
                CddUper.ReadVehicleIdentification(ref reader, stationary.VehicleIdentification, "vehicleIdentification");
            }
            else
            {
                stationary.VehicleIdentification = null;
            }

            stationary.EnergyStorageType = hasEnergy ? (EnergyStorageType)reader.ReadBits(EnergyStorageTypeBits, "energyStorageType") : null;
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("stationaryVehicle");
            throw;
        }
    }
}
