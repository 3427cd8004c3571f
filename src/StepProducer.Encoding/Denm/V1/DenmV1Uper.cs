using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm.V1;

/// <summary>
/// UPER of the EN 302 637-3 v1.3.1 DENM. Components are written in ASN.1 order; every SEQUENCE starts with
/// its extension bit (when extensible) and one presence bit per OPTIONAL/DEFAULT root component (X.691
/// clause 19.2-19.6). No v1.3.1 SEQUENCE has a known extension addition: on decode they are skipped.
/// </summary>
internal sealed class DenmV1Uper : IUperPdu<Denm>
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

    // ENUMERATED root counts: Termination 2, RelevanceDistance 8, RelevanceTrafficDirection 4, TrafficRule 4
    // (extensible), PositioningSolutionType 6 (extensible); neither extensible one has additions in v1.3.1.
    private const int TerminationCount = 2;
    private const int RelevanceDistanceCount = 8;
    private const int RelevanceTrafficDirectionCount = 4;
    private const int TrafficRuleCount = 4;
    private const int PositioningSolutionTypeCount = 6;

    // RestrictedTypes SIZE(1..3, ...); ReferenceDenms SIZE(1..8, ...).
    private const int RestrictedTypesRootMax = 3;
    private const int ReferenceDenmsRootMax = 8;

    // LightBarSirenInUse SIZE(2); EnergyStorageType SIZE(7).
    private const int LightBarSirenInUseBits = 2;
    private const int EnergyStorageTypeBits = 7;

    public static void Write(ref UperWriter writer, Denm denm)
    {
        var header = denm.Header;
        try
        {
            writer.WriteConstrainedInteger(header.ProtocolVersion, 0, CddUper.OctetMax, "protocolVersion");
            writer.WriteConstrainedInteger(header.MessageID, 0, CddUper.OctetMax, "messageID");
            writer.WriteConstrainedInteger(header.StationID, 0, CddUper.StationIdMax, "stationID");
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
            denm.Header = new ItsPduHeader
            {
                ProtocolVersion = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "protocolVersion"),
                MessageID = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "messageID"),
                StationID = (uint)reader.ReadConstrainedInteger(0, CddUper.StationIdMax, "stationID"),
            };
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("header");
            throw;
        }

        ReadPayload(ref reader, denm.Payload);
    }

    /// <summary>DecentralizedEnvironmentalNotificationMessage: not extensible, 3 OPTIONAL containers.</summary>
    private static void WritePayload(ref UperWriter writer, DecentralizedEnvironmentalNotificationMessage payload)
    {
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
            ReadAlacarte(ref reader, payload.Alacarte);
        }
        else
        {
            payload.Alacarte = null;
        }
    }

    private static void WriteManagement(ref UperWriter writer, ManagementContainer management)
    {
        try
        {
            var hasValidityDuration = management.ValidityDuration != ManagementContainer.DefaultValidity;
            writer.WriteBit(false);
            writer.WriteBit(management.Termination.HasValue);
            writer.WriteBit(management.RelevanceDistance.HasValue);
            writer.WriteBit(management.RelevanceTrafficDirection.HasValue);
            writer.WriteBit(hasValidityDuration);
            writer.WriteBit(management.TransmissionInterval.HasValue);
            WriteActionId(ref writer, management.ActionID, "actionID");
            writer.WriteConstrainedInteger(management.DetectionTime, 0, ItsTimestamp.MaxValue, "detectionTime");
            writer.WriteConstrainedInteger(management.ReferenceTime, 0, ItsTimestamp.MaxValue, "referenceTime");
            if (management.Termination is { } termination)
            {
                writer.WriteEnumerated((int)termination, TerminationCount, "termination", "Termination");
            }

            CddUper.WriteReferencePosition(ref writer, management.EventPosition, "eventPosition");
            if (management.RelevanceDistance is { } distance)
            {
                writer.WriteEnumerated((int)distance, RelevanceDistanceCount, "relevanceDistance", "RelevanceDistance");
            }

            if (management.RelevanceTrafficDirection is { } direction)
            {
                writer.WriteEnumerated((int)direction, RelevanceTrafficDirectionCount, "relevanceTrafficDirection", "RelevanceTrafficDirection");
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
            management.ActionID = ReadActionId(ref reader, "actionID");
            management.DetectionTime = reader.ReadConstrainedInteger(0, ItsTimestamp.MaxValue, "detectionTime");
            management.ReferenceTime = reader.ReadConstrainedInteger(0, ItsTimestamp.MaxValue, "referenceTime");
            management.Termination = hasTermination ? (Termination)reader.ReadEnumerated(TerminationCount, "termination") : null;
            management.EventPosition = CddUper.ReadReferencePosition(ref reader, "eventPosition");
            management.RelevanceDistance = hasDistance ? (RelevanceDistance)reader.ReadEnumerated(RelevanceDistanceCount, "relevanceDistance") : null;
            management.RelevanceTrafficDirection = hasDirection
                ? (RelevanceTrafficDirection)reader.ReadEnumerated(RelevanceTrafficDirectionCount, "relevanceTrafficDirection")
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

    private static void WriteActionId(ref UperWriter writer, ActionID actionId, string identifier)
    {
        try
        {
            writer.WriteConstrainedInteger(actionId.OriginatingStationID, 0, CddUper.StationIdMax, "originatingStationID");
            writer.WriteConstrainedInteger(actionId.SequenceNumber, 0, CddUper.SequenceNumberMax, "sequenceNumber");
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    private static ActionID ReadActionId(ref UperReader reader, string identifier)
    {
        try
        {
            var station = (uint)reader.ReadConstrainedInteger(0, CddUper.StationIdMax, "originatingStationID");
            return new ActionID { OriginatingStationID = station, SequenceNumber = (int)reader.ReadConstrainedInteger(0, CddUper.SequenceNumberMax, "sequenceNumber") };
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    /// <summary>CauseCode SEQUENCE {causeCode (0..255), subCauseCode (0..255), ...}.</summary>
    internal static void WriteCauseCode(ref UperWriter writer, CauseCode cause, string identifier)
    {
        try
        {
            writer.WriteBit(false);
            writer.WriteConstrainedInteger(cause.CauseCodeType, 0, CddUper.OctetMax, "causeCode");
            writer.WriteConstrainedInteger(cause.SubCauseCode, 0, CddUper.OctetMax, "subCauseCode");
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    internal static CauseCode ReadCauseCode(ref UperReader reader, string identifier)
    {
        try
        {
            var extended = reader.ReadBit("");
            var causeCode = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "causeCode");
            var cause = new CauseCode { CauseCodeType = causeCode, SubCauseCode = (int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, "subCauseCode") };
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
            writer.WriteBit(false);
            writer.WriteBit(situation.LinkedCause.HasValue);
            writer.WriteBit(situation.EventHistory is not null);
            writer.WriteConstrainedInteger(situation.InformationQuality, 0, CddUper.InformationQualityMax, "informationQuality");
            WriteCauseCode(ref writer, situation.EventType, "eventType");
            if (situation.LinkedCause is { } linked)
            {
                WriteCauseCode(ref writer, linked, "linkedCause");
            }

            if (situation.EventHistory is { } history)
            {
                CddUper.WriteEventHistory(ref writer, history, "eventHistory");
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("situation");
            throw;
        }
    }

    private static void ReadSituation(ref UperReader reader, SituationContainer situation)
    {
        try
        {
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
        }
        catch (DenmCodecException error)
        {
            error.PrependPath("situation");
            throw;
        }
    }

    private static void WriteLocation(ref UperWriter writer, LocationContainer location)
    {
        try
        {
            writer.WriteBit(false);
            writer.WriteBit(location.EventSpeed.HasValue);
            writer.WriteBit(location.EventPositionHeading.HasValue);
            writer.WriteBit(location.RoadType.HasValue);
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
            writer.WriteBit(false);
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
                writer.WriteExtensibleEnumerated((int)solution, PositioningSolutionTypeCount, 0, "positioningSolution", "PositioningSolutionType (v1.3.1)");
            }

            if (alacarte.StationaryVehicle is { } stationary)
            {
                WriteStationaryVehicle(ref writer, stationary);
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
                ? (PositioningSolutionType)reader.ReadExtensibleEnumerated(PositioningSolutionTypeCount, 0, "positioningSolution")
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

            CddUper.SkipAllAdditions(ref reader, extended);
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
                writer.WriteExtensibleEnumerated((int)rule, TrafficRuleCount, 0, "trafficFlowRule", "TrafficRule (v1.3.1)");
            }

            if (roadWorks.ReferenceDenms is { } references)
            {
                WriteReferenceDenms(ref writer, references);
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
            roadWorks.TrafficFlowRule = hasRule ? (TrafficRule)reader.ReadExtensibleEnumerated(TrafficRuleCount, 0, "trafficFlowRule") : null;
            if (hasReferences)
            {
                roadWorks.ReferenceDenms ??= [];
                ReadReferenceDenms(ref reader, roadWorks.ReferenceDenms);
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
    internal static void WriteRestriction(ref UperWriter writer, List<int> restriction)
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

    internal static void ReadRestriction(ref UperReader reader, List<int> restriction)
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

    /// <summary>ReferenceDenms: SEQUENCE (SIZE(1..8, ...)) OF ActionID.</summary>
    private static void WriteReferenceDenms(ref UperWriter writer, List<ActionID> references)
    {
        writer.WriteExtensibleLength(references.Count, 1, ReferenceDenmsRootMax, "referenceDenms");
        for (var index = 0; index < references.Count; index++)
        {
            try
            {
                WriteActionId(ref writer, references[index], "");
            }
            catch (DenmCodecException error)
            {
                error.PrependIndex(index);
                error.PrependPath("referenceDenms");
                throw;
            }
        }
    }

    private static void ReadReferenceDenms(ref UperReader reader, List<ActionID> references)
    {
        var count = reader.ReadExtensibleLength(1, ReferenceDenmsRootMax, "referenceDenms");
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
                error.PrependPath("referenceDenms");
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
