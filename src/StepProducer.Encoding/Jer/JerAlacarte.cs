using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// JER of the à-la-carte container family, the same in EN 302 637-3 v1.3.1 (on TS 102 894-2 v1.3.1) and
/// TS 103 831 v2.2.1 (on TS 102 894-2 v2.2.1) but for the leaf types of <typeparamref name="TVersion"/>:
/// AlacarteContainer (its root components; v2.2.1's extension addition group has no JER here, see
/// <see cref="JerCodec.OmittedExtensionGroups"/>), RoadWorksContainerExtended and StationaryVehicleContainer.
/// Every component of the three is OPTIONAL, with the same identifier in both versions.
/// </summary>
internal static class JerAlacarte<TVersion, TCause, TActionId>
    where TVersion : IJerVersion<TCause, TActionId>
    where TCause : struct
    where TActionId : struct
{
    /// <summary>AlacarteContainer's root components: the same identifiers in both versions, all OPTIONAL.</summary>
    private static readonly JerSequence AlacarteSequence = JerCommonReader.AllOptional(
        Key.LanePosition, Key.ImpactReduction, Key.ExternalTemperature, Key.RoadWorks, Key.PositioningSolution, Key.StationaryVehicle);

    /// <summary>RoadWorksContainerExtended: the same identifiers in both versions, all OPTIONAL.</summary>
    private static readonly JerSequence RoadWorksSequence = JerCommonReader.AllOptional(
        Key.LightBarSirenInUse, Key.ClosedLanes, Key.Restriction, Key.SpeedLimit, Key.IncidentIndication,
        Key.RecommendedPath, Key.StartingPointSpeedLimit, Key.TrafficFlowRule, Key.ReferenceDenms);

    /// <summary>StationaryVehicleContainer: the same identifiers in both versions, all OPTIONAL.</summary>
    private static readonly JerSequence StationaryVehicleSequence = JerCommonReader.AllOptional(
        Key.StationarySince, Key.StationaryCause, Key.CarryingDangerousGoods, Key.NumberOfOccupants,
        Key.VehicleIdentification, Key.EnergyStorageType);

    public static void Write<TRoadWorks, TStationaryVehicle>(Utf8JsonWriter writer, IAlacarteContainer<TRoadWorks, TStationaryVehicle> alacarte)
        where TRoadWorks : class, IRoadWorksContainer<TCause, TActionId>, new()
        where TStationaryVehicle : class, IStationaryVehicleContainer<TCause>, new()
    {
        writer.WriteStartObject(Key.Alacarte);
        if (alacarte.LanePosition is { } lanePosition)
        {
            writer.WriteNumber(Key.LanePosition, lanePosition);
        }

        if (alacarte.ImpactReduction is { } impact)
        {
            JerCommonWriter.WriteImpactReduction(writer, impact);
        }

        if (alacarte.ExternalTemperature is { } temperature)
        {
            writer.WriteNumber(Key.ExternalTemperature, temperature);
        }

        if (alacarte.RoadWorks is { } roadWorks)
        {
            WriteRoadWorks(writer, roadWorks);
        }

        if (alacarte.PositioningSolutionValue is { } solution)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.PositioningSolution, TVersion.PositioningSolutionType, solution);
        }

        if (alacarte.StationaryVehicle is { } stationary)
        {
            WriteStationaryVehicle(writer, stationary);
        }

        writer.WriteEndObject();
    }

    public static TAlacarte Read<TAlacarte, TRoadWorks, TStationaryVehicle>(ref Utf8JsonReader reader, JerPath path)
        where TAlacarte : class, IAlacarteContainer<TRoadWorks, TStationaryVehicle>, new()
        where TRoadWorks : class, IRoadWorksContainer<TCause, TActionId>, new()
        where TStationaryVehicle : class, IStationaryVehicleContainer<TCause>, new() =>
        AlacarteSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref TAlacarte alacarte) =>
        {
            const int lanePosition = 0, impactReduction = 1, externalTemperature = 2, roadWorks = 3, positioningSolution = 4;
            switch (key)
            {
                case lanePosition:
                    alacarte.LanePosition = JerRead.ReadInt32(ref r, p, JerRange.LanePosition);
                    break;
                case impactReduction:
                    alacarte.ImpactReduction = JerCommonReader.ReadImpactReduction(ref r, p);
                    break;
                case externalTemperature:
                    alacarte.ExternalTemperature = JerRead.ReadInt32(ref r, p, JerRange.Temperature);
                    break;
                case roadWorks:
                    alacarte.RoadWorks = ReadRoadWorks<TRoadWorks>(ref r, p);
                    break;
                case positioningSolution:
                    alacarte.PositioningSolutionValue = TVersion.PositioningSolutionType.Read(ref r, p);
                    break;
                default:
                    alacarte.StationaryVehicle = ReadStationaryVehicle<TStationaryVehicle>(ref r, p);
                    break;
            }
        });

    private static void WriteRoadWorks(Utf8JsonWriter writer, IRoadWorksContainer<TCause, TActionId> roadWorks)
    {
        writer.WriteStartObject(Key.RoadWorks);
        if (roadWorks.LightBarSirenInUse is { } siren)
        {
            JerBitString.WriteFixedSize(writer, Key.LightBarSirenInUse, (uint)siren, JerBitString.LightBarSirenInUseSize);
        }

        if (roadWorks.ClosedLanes is { } lanes)
        {
            JerCommonWriter.WriteClosedLanes(writer, lanes);
        }

        if (roadWorks.Restriction is { } restriction)
        {
            JerCommonWriter.WriteIntegerList(writer, Key.Restriction, restriction);
        }

        if (roadWorks.SpeedLimit is { } limit)
        {
            writer.WriteNumber(Key.SpeedLimit, limit);
        }

        if (roadWorks.IncidentIndication is { } incident)
        {
            TVersion.WriteCauseCode(writer, Key.IncidentIndication, incident);
        }

        if (roadWorks.RecommendedPath is { } recommendedPath)
        {
            JerCommonWriter.WriteList(writer, Key.RecommendedPath, recommendedPath, JerCommonWriter.WriteReferencePosition);
        }

        if (roadWorks.StartingPointSpeedLimit is { } start)
        {
            writer.WritePropertyName(Key.StartingPointSpeedLimit);
            JerCommonWriter.WriteDeltaReferencePosition(writer, start);
        }

        if (roadWorks.TrafficFlowRuleValue is { } rule)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.TrafficFlowRule, TVersion.TrafficRule, rule);
        }

        if (roadWorks.ReferenceDenms is { } references)
        {
            JerCommonWriter.WriteList(writer, Key.ReferenceDenms, references, TVersion.WriteActionId);
        }

        writer.WriteEndObject();
    }

    private static TRoadWorks ReadRoadWorks<TRoadWorks>(ref Utf8JsonReader reader, JerPath path)
        where TRoadWorks : class, IRoadWorksContainer<TCause, TActionId>, new() =>
        RoadWorksSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref TRoadWorks roadWorks) =>
        {
            const int lightBarSirenInUse = 0, closedLanes = 1, restriction = 2, speedLimit = 3, incidentIndication = 4,
                recommendedPath = 5, startingPointSpeedLimit = 6, trafficFlowRule = 7;
            switch (key)
            {
                case lightBarSirenInUse:
                    roadWorks.LightBarSirenInUse = JerCommonReader.ReadLightBarSirenInUse(ref r, p);
                    break;
                case closedLanes:
                    roadWorks.ClosedLanes = JerCommonReader.ReadClosedLanes(ref r, p);
                    break;
                case restriction:
                    roadWorks.Restriction = JerCommonReader.ReadRestriction(ref r, p);
                    break;
                case speedLimit:
                    roadWorks.SpeedLimit = JerRead.ReadInt32(ref r, p, JerRange.OneTo255);
                    break;
                case incidentIndication:
                    roadWorks.IncidentIndication = TVersion.ReadCauseCode(ref r, p);
                    break;
                case recommendedPath:
                    roadWorks.RecommendedPath = JerCommonReader.ReadItineraryPath(ref r, p);
                    break;
                case startingPointSpeedLimit:
                    roadWorks.StartingPointSpeedLimit = JerCommonReader.ReadDeltaReferencePosition(ref r, p);
                    break;
                case trafficFlowRule:
                    roadWorks.TrafficFlowRuleValue = TVersion.TrafficRule.Read(ref r, p);
                    break;
                default:
                    roadWorks.ReferenceDenms = JerRead.ReadList(ref r, p, JerRange.ExtensibleSize, TVersion.ReadActionId);
                    break;
            }
        });

    private static void WriteStationaryVehicle(Utf8JsonWriter writer, IStationaryVehicleContainer<TCause> stationary)
    {
        writer.WriteStartObject(Key.StationaryVehicle);
        if (stationary.StationarySince is { } since)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.StationarySince, JerIdentifiers.StationarySince, (int)since);
        }

        if (stationary.StationaryCause is { } cause)
        {
            TVersion.WriteCauseCode(writer, Key.StationaryCause, cause);
        }

        if (stationary.CarryingDangerousGoods is { } goods)
        {
            JerCommonWriter.WriteDangerousGoods(writer, goods);
        }

        if (stationary.NumberOfOccupants is { } occupants)
        {
            writer.WriteNumber(Key.NumberOfOccupants, occupants);
        }

        if (stationary.VehicleIdentification is { } identification)
        {
            JerCommonWriter.WriteVehicleIdentification(writer, identification);
        }

        if (stationary.EnergyStorageType is { } storage)
        {
            JerBitString.WriteFixedSize(writer, Key.EnergyStorageType, (uint)storage, JerBitString.EnergyStorageTypeSize);
        }

        writer.WriteEndObject();
    }

    private static TStationaryVehicle ReadStationaryVehicle<TStationaryVehicle>(ref Utf8JsonReader reader, JerPath path)
        where TStationaryVehicle : class, IStationaryVehicleContainer<TCause>, new() =>
        StationaryVehicleSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref TStationaryVehicle stationary) =>
        {
            const int stationarySince = 0, stationaryCause = 1, carryingDangerousGoods = 2, numberOfOccupants = 3,
                vehicleIdentification = 4;
            switch (key)
            {
                case stationarySince:
                    stationary.StationarySince = (StationarySince)JerIdentifiers.StationarySince.Read(ref r, p);
                    break;
                case stationaryCause:
                    stationary.StationaryCause = TVersion.ReadCauseCode(ref r, p);
                    break;
                case carryingDangerousGoods:
                    stationary.CarryingDangerousGoods = JerCommonReader.ReadDangerousGoods(ref r, p);
                    break;
                case numberOfOccupants:
                    stationary.NumberOfOccupants = JerRead.ReadInt32(ref r, p, JerRange.NumberOfOccupants);
                    break;
                case vehicleIdentification:
                    stationary.VehicleIdentification = JerCommonReader.ReadVehicleIdentification(ref r, p);
                    break;
                default:
                    stationary.EnergyStorageType = JerCommonReader.ReadEnergyStorageType(ref r, p);
                    break;
            }
        });
}
