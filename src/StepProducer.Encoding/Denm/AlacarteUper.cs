using System.Runtime.CompilerServices;
using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm;

/// <summary>
/// The codecs of the leaf types whose encoding differs between EN 302 637-3 v1.3.1 and TS 103 831 v2.2.1 inside
/// containers that otherwise have the same shape: CauseCode / CauseCodeV2, ActionID / ActionId, and the
/// extension additions of TrafficRule and PositioningSolutionType.
/// </summary>
internal interface IDenmVersionLeaves<TCause, TActionId>
    where TCause : struct
    where TActionId : struct
{
    /// <summary>"v1.3.1" or "v2.2.1", for the ASN.1 type names in errors.</summary>
    static abstract string CddVersion { get; }

    /// <summary>Additions of TrafficRule and PositioningSolutionType: none in CDD v1.3.1, one each in v2.2.1.</summary>
    static abstract int EnumerationAdditions { get; }

    static abstract void WriteCauseCode(ref UperWriter writer, TCause cause, string identifier);

    static abstract TCause ReadCauseCode(ref UperReader reader, string identifier);

    static abstract void WriteActionId(ref UperWriter writer, TActionId actionId, string identifier);

    static abstract TActionId ReadActionId(ref UperReader reader, string identifier);
}

/// <summary>RoadWorksContainerExtended of either version, for <see cref="AlacarteUper{TVersion, TCause, TActionId}"/>.</summary>
internal interface IRoadWorksContainer<TCause, TActionId>
    where TCause : struct
    where TActionId : struct
{
    LightBarSirenInUse? LightBarSirenInUse { get; set; }

    ClosedLanes? ClosedLanes { get; set; }

    List<int>? Restriction { get; set; }

    int? SpeedLimit { get; set; }

    TCause? IncidentIndication { get; set; }

    List<ReferencePosition>? RecommendedPath { get; set; }

    DeltaReferencePosition? StartingPointSpeedLimit { get; set; }

    /// <summary>TrafficRule as its value; the enumeration type differs between the versions.</summary>
    int? TrafficFlowRuleValue { get; set; }

    List<TActionId>? ReferenceDenms { get; set; }
}

/// <summary>StationaryVehicleContainer of either version.</summary>
internal interface IStationaryVehicleContainer<TCause>
    where TCause : struct
{
    StationarySince? StationarySince { get; set; }

    TCause? StationaryCause { get; set; }

    DangerousGoodsExtended? CarryingDangerousGoods { get; set; }

    int? NumberOfOccupants { get; set; }

    VehicleIdentification? VehicleIdentification { get; set; }

    EnergyStorageType? EnergyStorageType { get; set; }
}

/// <summary>The root components of AlacarteContainer of either version.</summary>
internal interface IAlacarteContainer<TRoadWorks, TStationaryVehicle>
    where TRoadWorks : class, new()
    where TStationaryVehicle : class, new()
{
    int? LanePosition { get; set; }

    ImpactReductionContainer? ImpactReduction { get; set; }

    int? ExternalTemperature { get; set; }

    TRoadWorks? RoadWorks { get; set; }

    /// <summary>PositioningSolutionType as its value; the enumeration type differs between the versions.</summary>
    int? PositioningSolutionValue { get; set; }

    TStationaryVehicle? StationaryVehicle { get; set; }
}

/// <summary>
/// UPER of the à-la-carte container family, the same in both versions but for the leaf types of
/// <typeparamref name="TVersion"/>: AlacarteContainer (extensible, 6 OPTIONAL root components),
/// RoadWorksContainerExtended (9 OPTIONAL) and StationaryVehicleContainer (6 OPTIONAL), both not extensible.
/// </summary>
internal static class AlacarteUper<TVersion, TCause, TActionId>
    where TVersion : IDenmVersionLeaves<TCause, TActionId>
    where TCause : struct
    where TActionId : struct
{
    // LanePosition (-1..14); Temperature (-60..67); SpeedLimit (1..255); NumberOfOccupants (0..127).
    private const int LanePositionMin = -1;
    private const int LanePositionMax = 14;
    private const int TemperatureMin = -60;
    private const int TemperatureMax = 67;
    private const int NumberOfOccupantsMax = 127;

    // Root values: TrafficRule 4, PositioningSolutionType 6.
    private const int TrafficRuleCount = 4;
    private const int PositioningSolutionTypeCount = 6;

    // RestrictedTypes SIZE(1..3, ...); ActionIdList / ReferenceDenms SIZE(1..8, ...).
    private const int RestrictedTypesRootMax = 3;
    private const int ActionIdListRootMax = 8;

    // The error path of an extension addition group kept as raw octets (it has no ASN.1 identifier).
    private const string RawGroupField = "extensionGroupV22Raw";

    // LightBarSirenInUse SIZE(2); EnergyStorageType SIZE(7).
    private const int LightBarSirenInUseBits = 2;
    private const int EnergyStorageTypeBits = 7;

    /// <summary>
    /// Writes the container with its extension bit set when <paramref name="rawGroup"/> (the v2.2.1 group kept
    /// whole) is present, and that group after the root components.
    /// </summary>
    public static void Write<TRoadWorks, TStationaryVehicle>(
        ref UperWriter writer, IAlacarteContainer<TRoadWorks, TStationaryVehicle> alacarte, byte[]? rawGroup)
        where TRoadWorks : class, IRoadWorksContainer<TCause, TActionId>, new()
        where TStationaryVehicle : class, IStationaryVehicleContainer<TCause>, new()
    {
        writer.Path.Push("alacarte");
        writer.WriteBit(rawGroup is not null);
        writer.WriteBit(alacarte.LanePosition.HasValue);
        writer.WriteBit(alacarte.ImpactReduction is not null);
        writer.WriteBit(alacarte.ExternalTemperature.HasValue);
        writer.WriteBit(alacarte.RoadWorks is not null);
        writer.WriteBit(alacarte.PositioningSolutionValue.HasValue);
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

        if (alacarte.PositioningSolutionValue is { } solution)
        {
            writer.WriteExtensibleEnumerated(solution, PositioningSolutionTypeCount, TVersion.EnumerationAdditions, "positioningSolution", $"PositioningSolutionType ({TVersion.CddVersion})");
        }

        if (alacarte.StationaryVehicle is { } stationary)
        {
            WriteStationaryVehicle(ref writer, stationary);
        }

        if (rawGroup is not null)
        {
            writer.WriteSingleExtensionAddition(rawGroup, RawGroupField);
        }

        writer.Path.Pop();
    }

    /// <summary>
    /// Reads the container into <paramref name="alacarte"/>, reusing its sub-containers. With
    /// <paramref name="keepRawGroup"/> (v2.2.1) returns the first extension addition group's octets (reusing
    /// <paramref name="currentRawGroup"/>) or null; every other addition is skipped by its length.
    /// </summary>
    public static byte[]? Read<TRoadWorks, TStationaryVehicle>(
        ref UperReader reader, IAlacarteContainer<TRoadWorks, TStationaryVehicle> alacarte, byte[]? currentRawGroup, bool keepRawGroup)
        where TRoadWorks : class, IRoadWorksContainer<TCause, TActionId>, new()
        where TStationaryVehicle : class, IStationaryVehicleContainer<TCause>, new()
    {
        reader.Path.Push("alacarte");
        var extended = reader.ReadBit("");
        var hasLane = reader.ReadBit("");
        var hasImpact = reader.ReadBit("");
        var hasTemperature = reader.ReadBit("");
        var hasRoadWorks = reader.ReadBit("");
        var hasSolution = reader.ReadBit("");
        var hasStationary = reader.ReadBit("");
        alacarte.LanePosition = hasLane ? (int)reader.ReadConstrainedInteger(LanePositionMin, LanePositionMax, "lanePosition") : null;
        alacarte.ImpactReduction = hasImpact ? Reuse(alacarte.ImpactReduction) : null;
        if (alacarte.ImpactReduction is { } impact)
        {
            ImpactReductionUper.Read(ref reader, impact, "impactReduction");
        }

        alacarte.ExternalTemperature = hasTemperature ? (int)reader.ReadConstrainedInteger(TemperatureMin, TemperatureMax, "externalTemperature") : null;
        alacarte.RoadWorks = hasRoadWorks ? Reuse(alacarte.RoadWorks) : null;
        if (alacarte.RoadWorks is { } roadWorks)
        {
            ReadRoadWorks(ref reader, roadWorks);
        }

        alacarte.PositioningSolutionValue = hasSolution
            ? reader.ReadExtensibleEnumerated(PositioningSolutionTypeCount, TVersion.EnumerationAdditions, "positioningSolution")
            : null;
        alacarte.StationaryVehicle = hasStationary ? Reuse(alacarte.StationaryVehicle) : null;
        if (alacarte.StationaryVehicle is { } stationary)
        {
            ReadStationaryVehicle(ref reader, stationary);
        }

        byte[]? rawGroup = null;
        if (keepRawGroup)
        {
            rawGroup = reader.ReadRawFirstAddition(extended, currentRawGroup, RawGroupField);
        }
        else
        {
            CddUper.SkipAllAdditions(ref reader, extended);
        }

        reader.Path.Pop();
        return rawGroup;
    }

    /// <summary>ActionIdList (v2.2.1) and ReferenceDenms (v1.3.1): SEQUENCE (SIZE(1..8, ...)) OF the version's ActionId.</summary>
    public static void WriteActionIdList(ref UperWriter writer, List<TActionId> actionIds, string identifier)
    {
        writer.WriteExtensibleLength(actionIds.Count, 1, ActionIdListRootMax, identifier);
        writer.Path.Push(identifier);
        writer.Path.PushIndex();
        for (var index = 0; index < actionIds.Count; index++)
        {
            writer.Path.SetIndex(index);
            TVersion.WriteActionId(ref writer, actionIds[index], "");
        }

        writer.Path.Pop();
        writer.Path.Pop();
    }

    public static void ReadActionIdList(ref UperReader reader, List<TActionId> actionIds, string identifier)
    {
        var count = reader.ReadExtensibleLength(1, ActionIdListRootMax, identifier);
        actionIds.Clear();
        reader.Path.Push(identifier);
        reader.Path.PushIndex();
        for (var index = 0; index < count; index++)
        {
            reader.Path.SetIndex(index);
            actionIds.Add(TVersion.ReadActionId(ref reader, ""));
        }

        reader.Path.Pop();
        reader.Path.Pop();
    }

    /// <summary>RestrictedTypes: SEQUENCE (SIZE(1..3, ...)) OF StationType (0..255).</summary>
    public static void WriteRestriction(ref UperWriter writer, List<int> restriction)
    {
        writer.WriteExtensibleLength(restriction.Count, 1, RestrictedTypesRootMax, "restriction");
        writer.Path.Push("restriction");
        writer.Path.PushIndex();
        for (var index = 0; index < restriction.Count; index++)
        {
            writer.Path.SetIndex(index);
            writer.WriteConstrainedInteger(restriction[index], 0, CddUper.OctetMax, "");
        }

        writer.Path.Pop();
        writer.Path.Pop();
    }

    public static void ReadRestriction(ref UperReader reader, List<int> restriction)
    {
        var count = reader.ReadExtensibleLength(1, RestrictedTypesRootMax, "restriction");
        restriction.Clear();
        reader.Path.Push("restriction");
        reader.Path.PushIndex();
        for (var index = 0; index < count; index++)
        {
            reader.Path.SetIndex(index);
            restriction.Add((int)reader.ReadConstrainedInteger(0, CddUper.OctetMax, ""));
        }

        reader.Path.Pop();
        reader.Path.Pop();
    }

    /// <summary>The instance to decode into: the reused one, or a new one the first time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Reuse<T>(T? current)
        where T : class, new() => current ?? new T();

    private static void WriteRoadWorks(ref UperWriter writer, IRoadWorksContainer<TCause, TActionId> roadWorks)
    {
        writer.Path.Push("roadWorks");
        writer.WriteBit(roadWorks.LightBarSirenInUse.HasValue);
        writer.WriteBit(roadWorks.ClosedLanes.HasValue);
        writer.WriteBit(roadWorks.Restriction is not null);
        writer.WriteBit(roadWorks.SpeedLimit.HasValue);
        writer.WriteBit(roadWorks.IncidentIndication.HasValue);
        writer.WriteBit(roadWorks.RecommendedPath is not null);
        writer.WriteBit(roadWorks.StartingPointSpeedLimit.HasValue);
        writer.WriteBit(roadWorks.TrafficFlowRuleValue.HasValue);
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
            TVersion.WriteCauseCode(ref writer, incident, "incidentIndication");
        }

        if (roadWorks.RecommendedPath is { } path)
        {
            CddUper.WriteItineraryPath(ref writer, path, "recommendedPath");
        }

        if (roadWorks.StartingPointSpeedLimit is { } startingPoint)
        {
            CddUper.WriteDeltaReferencePosition(ref writer, startingPoint, "startingPointSpeedLimit");
        }

        if (roadWorks.TrafficFlowRuleValue is { } rule)
        {
            writer.WriteExtensibleEnumerated(rule, TrafficRuleCount, TVersion.EnumerationAdditions, "trafficFlowRule", $"TrafficRule ({TVersion.CddVersion})");
        }

        if (roadWorks.ReferenceDenms is { } references)
        {
            WriteActionIdList(ref writer, references, "referenceDenms");
        }

        writer.Path.Pop();
    }

    private static void ReadRoadWorks(ref UperReader reader, IRoadWorksContainer<TCause, TActionId> roadWorks)
    {
        reader.Path.Push("roadWorks");
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
        roadWorks.Restriction = hasRestriction ? roadWorks.Restriction ?? [] : null;
        if (roadWorks.Restriction is { } restriction)
        {
            ReadRestriction(ref reader, restriction);
        }

        roadWorks.SpeedLimit = hasSpeedLimit ? (int)reader.ReadConstrainedInteger(1, CddUper.OctetMax, "speedLimit") : null;
        roadWorks.IncidentIndication = hasIncident ? TVersion.ReadCauseCode(ref reader, "incidentIndication") : null;
        roadWorks.RecommendedPath = hasPath ? roadWorks.RecommendedPath ?? [] : null;
        if (roadWorks.RecommendedPath is { } path)
        {
            CddUper.ReadItineraryPath(ref reader, path, "recommendedPath");
        }

        roadWorks.StartingPointSpeedLimit = hasStartingPoint ? CddUper.ReadDeltaReferencePosition(ref reader, "startingPointSpeedLimit") : null;
        roadWorks.TrafficFlowRuleValue = hasRule ? reader.ReadExtensibleEnumerated(TrafficRuleCount, TVersion.EnumerationAdditions, "trafficFlowRule") : null;
        roadWorks.ReferenceDenms = hasReferences ? roadWorks.ReferenceDenms ?? [] : null;
        if (roadWorks.ReferenceDenms is { } references)
        {
            ReadActionIdList(ref reader, references, "referenceDenms");
        }

        reader.Path.Pop();
    }

    private static void WriteStationaryVehicle(ref UperWriter writer, IStationaryVehicleContainer<TCause> stationary)
    {
        writer.Path.Push("stationaryVehicle");
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
            TVersion.WriteCauseCode(ref writer, cause, "stationaryCause");
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

        writer.Path.Pop();
    }

    private static void ReadStationaryVehicle(ref UperReader reader, IStationaryVehicleContainer<TCause> stationary)
    {
        reader.Path.Push("stationaryVehicle");
        var hasSince = reader.ReadBit("");
        var hasCause = reader.ReadBit("");
        var hasGoods = reader.ReadBit("");
        var hasOccupants = reader.ReadBit("");
        var hasIdentification = reader.ReadBit("");
        var hasEnergy = reader.ReadBit("");
        stationary.StationarySince = hasSince ? (StationarySince)reader.ReadEnumerated(CddUper.StationarySinceCount, "stationarySince") : null;
        stationary.StationaryCause = hasCause ? TVersion.ReadCauseCode(ref reader, "stationaryCause") : null;
        stationary.CarryingDangerousGoods = hasGoods ? Reuse(stationary.CarryingDangerousGoods) : null;
        if (stationary.CarryingDangerousGoods is { } goods)
        {
            CddUper.ReadDangerousGoods(ref reader, goods, "carryingDangerousGoods");
        }

        stationary.NumberOfOccupants = hasOccupants ? (int)reader.ReadConstrainedInteger(0, NumberOfOccupantsMax, "numberOfOccupants") : null;
        stationary.VehicleIdentification = hasIdentification ? Reuse(stationary.VehicleIdentification) : null;
        if (stationary.VehicleIdentification is { } identification)
        {
            CddUper.ReadVehicleIdentification(ref reader, identification, "vehicleIdentification");
        }

        stationary.EnergyStorageType = hasEnergy ? (EnergyStorageType)reader.ReadBits(EnergyStorageTypeBits, "energyStorageType") : null;
        reader.Path.Pop();
    }
}
