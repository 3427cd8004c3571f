using CsCheck;
using StepProducer.Encoding.Its;
using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Encoding.Tests.Generators;

/// <summary>
/// CsCheck generators of random valid DENMs of both module versions, every container and sub-container
/// included. The <c>Root</c> variants keep to the EN 302 637-3 v1.3.1 root layout that tshark 4.0 dissects:
/// no value outside an extensible root and, for v2, no extension addition (group) and no enumeration
/// addition; a v2 DENM of that shape encodes bit for bit like the v1 DENM of the same values.
/// The <c>Root</c> variants also leave out companyName, a UTF8String that tshark 4.0 mis-dissects (see
/// <see cref="ItsGenerators.DangerousGoods"/>). The v1 <c>Root</c> variant also fixes the header to protocolVersion 2 and messageID 1, which tshark needs.
/// <see cref="V2Denm"/> puts random octets in the raw LocationContainer/AlacarteContainer groups: they are
/// kept, not interpreted, by the codec.
/// </summary>
public static class DenmGenerators
{
    // tshark picks the DENM module by the header: protocolVersion 2 (EN 302 637-3 v1.3.1) and messageID denm (1).
    private const int DissectedProtocolVersion = 2;
    private const int DenmMessageId = 1;

    public static Gen<V1.Denm> V1Denm { get; } = V1Denms(extensions: true);

    public static Gen<V1.Denm> V1DenmRoot { get; } = V1Denms(extensions: false);

    public static Gen<V2.Denm> V2Denm { get; } = V2Denms(extensions: true);

    public static Gen<V2.Denm> V2DenmRoot { get; } = V2Denms(extensions: false);

    private static Gen<V1.Denm> V1Denms(bool extensions) => Gen.Select(
        extensions
            ? Gen.Select(ItsGenerators.Bounded(0, 255), ItsGenerators.Bounded(0, 255), ItsGenerators.StationId)
            : ItsGenerators.StationId.Select(station => (DissectedProtocolVersion, DenmMessageId, station)),
        V1Management,
        V1Situation(extensions).Null(),
        V1Location(extensions).Null(),
        V1Alacarte(extensions).Null(),
        (header, management, situation, location, alacarte) => new V1.Denm
        {
            Header = new V1.ItsPduHeader { ProtocolVersion = header.Item1, MessageID = header.Item2, StationID = header.Item3 },
            Payload = new V1.DecentralizedEnvironmentalNotificationMessage { Management = management, Situation = situation, Location = location, Alacarte = alacarte },
        });

    private static Gen<V1.ActionID> V1ActionId => Gen.Select(ItsGenerators.StationId, ItsGenerators.Bounded(0, 65_535), (station, sequence) => new V1.ActionID { OriginatingStationID = station, SequenceNumber = sequence });

    private static Gen<V1.ManagementContainer> V1Management => Gen.Select(
        Gen.Select(V1ActionId, ItsGenerators.TimestampIts, ItsGenerators.TimestampIts, ItsGenerators.Termination.Nullable()),
        ItsGenerators.ReferencePosition,
        Gen.Select(Gen.Enum<V1.RelevanceDistance>().Nullable(), Gen.Enum<V1.RelevanceTrafficDirection>().Nullable()),
        ValidityDuration,
        ItsGenerators.Bounded(1, 10_000).Nullable(),
        ItsGenerators.Bounded(0, 255),
        (identity, position, relevance, validity, interval, stationType) => new V1.ManagementContainer
        {
            ActionID = identity.Item1,
            DetectionTime = identity.Item2,
            ReferenceTime = identity.Item3,
            Termination = identity.Item4,
            EventPosition = position,
            RelevanceDistance = relevance.Item1,
            RelevanceTrafficDirection = relevance.Item2,
            ValidityDuration = validity,
            TransmissionInterval = interval,
            StationType = stationType,
        });

    /// <summary>0..86400, the DEFAULT 600 often (it is then not encoded).</summary>
    private static Gen<int> ValidityDuration => Gen.Frequency((1, Gen.Const(600)), (3, ItsGenerators.Bounded(0, 86_400)));

    private static Gen<V1.CauseCode> V1CauseCode => Gen.Select(ItsGenerators.Bounded(0, 255), ItsGenerators.Bounded(0, 255), (cause, subCause) => new V1.CauseCode { CauseCodeType = cause, SubCauseCode = subCause });

    private static Gen<V1.SituationContainer> V1Situation(bool extensions) => Gen.Select(
        ItsGenerators.Bounded(0, 7),
        V1CauseCode,
        V1CauseCode.Nullable(),
        ItsGenerators.EventPoints(extensions, allOrNoneDeltaTime: false).Null(),
        (quality, eventType, linked, history) => new V1.SituationContainer { InformationQuality = quality, EventType = eventType, LinkedCause = linked, EventHistory = history });

    private static Gen<V1.LocationContainer> V1Location(bool extensions) => Gen.Select(
        ItsGenerators.Speed.Nullable(),
        ItsGenerators.Heading.Nullable(),
        ItsGenerators.Traces(extensions),
        Gen.Enum<RoadType>().Nullable(),
        (speed, heading, traces, roadType) => new V1.LocationContainer { EventSpeed = speed, EventPositionHeading = heading, Traces = traces, RoadType = roadType });

    private static Gen<V1.AlacarteContainer> V1Alacarte(bool extensions) => Gen.Select(
        ItsGenerators.Bounded(-1, 14).Nullable(),
        ItsGenerators.ImpactReduction(extensions).Null(),
        ItsGenerators.Bounded(-60, 67).Nullable(),
        V1RoadWorks(extensions).Null(),
        Gen.Enum<V1.PositioningSolutionType>().Nullable(),
        V1StationaryVehicle(extensions).Null(),
        (lane, impact, temperature, roadWorks, positioning, stationary) => new V1.AlacarteContainer
        {
            LanePosition = lane,
            ImpactReduction = impact,
            ExternalTemperature = temperature,
            RoadWorks = roadWorks,
            PositioningSolution = positioning,
            StationaryVehicle = stationary,
        });

    private static Gen<V1.RoadWorksContainerExtended> V1RoadWorks(bool extensions) => Gen.Select(
        Gen.Select(Gen.Int[0, 3].Select(bits => (LightBarSirenInUse)bits).Nullable(), ItsGenerators.ClosedLanes.Nullable(), ItsGenerators.ExtensibleList(ItsGenerators.Bounded(0, 255), 3, extensions).Null()),
        ItsGenerators.Bounded(1, 255).Nullable(),
        V1CauseCode.Nullable(),
        ItsGenerators.ReferencePosition.List[1, 4].Null(),
        ItsGenerators.DeltaReferencePosition.Nullable(),
        Gen.Enum<V1.TrafficRule>().Nullable(),
        ItsGenerators.ExtensibleList(V1ActionId, 8, extensions).Null(),
        (lanes, speedLimit, incident, path, startingPoint, rule, references) => new V1.RoadWorksContainerExtended
        {
            LightBarSirenInUse = lanes.Item1,
            ClosedLanes = lanes.Item2,
            Restriction = lanes.Item3,
            SpeedLimit = speedLimit,
            IncidentIndication = incident,
            RecommendedPath = path,
            StartingPointSpeedLimit = startingPoint,
            TrafficFlowRule = rule,
            ReferenceDenms = references,
        });

    private static Gen<V1.StationaryVehicleContainer> V1StationaryVehicle(bool extensions) => Gen.Select(
        Gen.Enum<StationarySince>().Nullable(),
        V1CauseCode.Nullable(),
        ItsGenerators.DangerousGoods(withCompanyName: extensions).Null(),
        ItsGenerators.Bounded(0, 127).Nullable(),
        ItsGenerators.VehicleIdentification.Null(),
        Gen.Int[0, 127].Select(bits => (EnergyStorageType)bits).Nullable(),
        (since, cause, goods, occupants, identification, energy) => new V1.StationaryVehicleContainer
        {
            StationarySince = since,
            StationaryCause = cause,
            CarryingDangerousGoods = goods,
            NumberOfOccupants = occupants,
            VehicleIdentification = identification,
            EnergyStorageType = energy,
        });

    private static Gen<V2.Denm> V2Denms(bool extensions) => Gen.Select(
        ItsGenerators.StationId,
        V2Management,
        Gen.Bool,
        V2Situation(extensions),
        V2Location(extensions),
        V2Alacarte(extensions).Null(),
        (station, management, terminate, situation, location, alacarte) =>
        {
            // DenmPayload constraint (TS 103 831 v2.2.1): termination ⇒ management only; else situation and location.
            management.Termination = terminate ? management.Termination ?? Encoding.Denm.Termination.IsCancellation : null;
            var payload = terminate
                ? new V2.DenmPayload { Management = management }
                : new V2.DenmPayload { Management = management, Situation = situation, Location = location, Alacarte = alacarte };
            return new V2.Denm { Header = new V2.ItsPduHeader { ProtocolVersion = 2, MessageId = 1, StationId = station }, Payload = payload };
        });

    private static Gen<V2.ActionId> V2ActionId => Gen.Select(ItsGenerators.StationId, ItsGenerators.Bounded(0, 65_535), (station, sequence) => new V2.ActionId { OriginatingStationId = station, SequenceNumber = sequence });

    private static Gen<V2.ManagementContainer> V2Management => Gen.Select(
        Gen.Select(V2ActionId, ItsGenerators.TimestampIts, ItsGenerators.TimestampIts, ItsGenerators.Termination.Nullable()),
        ItsGenerators.ReferencePosition,
        Gen.Select(Gen.Enum<V2.StandardLength3b>().Nullable(), Gen.Enum<V2.TrafficDirection>().Nullable()),
        ValidityDuration,
        ItsGenerators.Bounded(1, 10_000).Nullable(),
        ItsGenerators.Bounded(0, 255),
        (identity, position, awareness, validity, interval, stationType) => new V2.ManagementContainer
        {
            ActionId = identity.Item1,
            DetectionTime = identity.Item2,
            ReferenceTime = identity.Item3,
            Termination = identity.Item4,
            EventPosition = position,
            AwarenessDistance = awareness.Item1,
            TrafficDirection = awareness.Item2,
            ValidityDuration = validity,
            TransmissionInterval = interval,
            StationType = stationType,
        });

    private static Gen<V2.CauseCodeV2> V2CauseCode => Gen.Select(ItsGenerators.Bounded(0, V2.CauseCodeV2.MaxCauseCode), ItsGenerators.Bounded(0, 255), (cause, subCause) => new V2.CauseCodeV2 { CauseCode = cause, SubCauseCode = subCause });

    /// <summary>SituationContainer v2.2.1 with eventZone and eventEnd never both present; the group only with <paramref name="extensions"/>.</summary>
    private static Gen<V2.SituationContainer> V2Situation(bool extensions) => Gen.Select(
        ItsGenerators.Bounded(0, 7),
        V2CauseCode,
        V2CauseCode.Nullable(),
        ItsGenerators.EventPoints(extensions, allOrNoneDeltaTime: true).Null(),
        extensions ? ItsGenerators.ExtensibleList(V2ActionId, 8, extensions).Null() : Gen.Const((List<V2.ActionId>?)null),
        extensions ? ItsGenerators.Bounded(-8190, 8191).Nullable() : Gen.Const((int?)null),
        (quality, eventType, linked, zone, linkedDenms, eventEnd) => new V2.SituationContainer
        {
            InformationQuality = quality,
            EventType = eventType,
            LinkedCause = linked,
            EventZone = zone,
            LinkedDenms = linkedDenms,
            EventEnd = zone is null ? eventEnd : null,
        });

    /// <summary>Raw open-type octets of an extension group kept whole: 1..12 random octets.</summary>
    private static Gen<byte[]?> RawGroup(bool extensions) => extensions ? Gen.Byte.Array[1, 12].Null() : Gen.Const((byte[]?)null);

    private static Gen<V2.LocationContainer> V2Location(bool extensions) => Gen.Select(
        ItsGenerators.Speed.Nullable(),
        Gen.Select(ItsGenerators.Bounded(0, 3601), ItsGenerators.Bounded(1, 127), (value, confidence) => new V2.Wgs84Angle { Value = value, Confidence = confidence }).Nullable(),
        ItsGenerators.Traces(extensions),
        Gen.Enum<RoadType>().Nullable(),
        RawGroup(extensions),
        (speed, heading, traces, roadType, raw) => new V2.LocationContainer
        {
            EventSpeed = speed,
            EventPositionHeading = heading,
            DetectionZonesToEventPosition = traces,
            RoadType = roadType,
            ExtensionGroupV22Raw = raw,
        });

    private static Gen<V2.AlacarteContainer> V2Alacarte(bool extensions) => Gen.Select(
        Gen.Select(ItsGenerators.Bounded(-1, 14).Nullable(), ItsGenerators.ImpactReduction(extensions).Null(), ItsGenerators.Bounded(-60, 67).Nullable()),
        V2RoadWorks(extensions).Null(),
        EnumUpTo<V2.PositioningSolutionType>(extensions ? 6 : 5).Nullable(),
        V2StationaryVehicle(extensions).Null(),
        RawGroup(extensions),
        (head, roadWorks, positioning, stationary, raw) => new V2.AlacarteContainer
        {
            LanePosition = head.Item1,
            ImpactReduction = head.Item2,
            ExternalTemperature = head.Item3,
            RoadWorks = roadWorks,
            PositioningSolution = positioning,
            StationaryVehicle = stationary,
            ExtensionGroupV22Raw = raw,
        });

    private static Gen<V2.RoadWorksContainerExtended> V2RoadWorks(bool extensions) => Gen.Select(
        Gen.Select(Gen.Int[0, 3].Select(bits => (LightBarSirenInUse)bits).Nullable(), ItsGenerators.ClosedLanes.Nullable(), ItsGenerators.ExtensibleList(ItsGenerators.Bounded(0, 255), 3, extensions).Null()),
        ItsGenerators.Bounded(1, 255).Nullable(),
        V2CauseCode.Nullable(),
        ItsGenerators.ReferencePosition.List[1, 4].Null(),
        ItsGenerators.DeltaReferencePosition.Nullable(),
        EnumUpTo<V2.TrafficRule>(extensions ? 4 : 3).Nullable(),
        ItsGenerators.ExtensibleList(V2ActionId, 8, extensions).Null(),
        (lanes, speedLimit, incident, path, startingPoint, rule, references) => new V2.RoadWorksContainerExtended
        {
            LightBarSirenInUse = lanes.Item1,
            ClosedLanes = lanes.Item2,
            Restriction = lanes.Item3,
            SpeedLimit = speedLimit,
            IncidentIndication = incident,
            RecommendedPath = path,
            StartingPointSpeedLimit = startingPoint,
            TrafficFlowRule = rule,
            ReferenceDenms = references,
        });

    private static Gen<V2.StationaryVehicleContainer> V2StationaryVehicle(bool extensions) => Gen.Select(
        Gen.Enum<StationarySince>().Nullable(),
        V2CauseCode.Nullable(),
        ItsGenerators.DangerousGoods(withCompanyName: extensions).Null(),
        ItsGenerators.Bounded(0, 127).Nullable(),
        ItsGenerators.VehicleIdentification.Null(),
        Gen.Int[0, 127].Select(bits => (EnergyStorageType)bits).Nullable(),
        (since, cause, goods, occupants, identification, energy) => new V2.StationaryVehicleContainer
        {
            StationarySince = since,
            StationaryCause = cause,
            CarryingDangerousGoods = goods,
            NumberOfOccupants = occupants,
            VehicleIdentification = identification,
            EnergyStorageType = energy,
        });

    /// <summary>An enumeration value 0..<paramref name="last"/>: the root only, or the root and its additions.</summary>
    private static Gen<TEnum> EnumUpTo<TEnum>(int last)
        where TEnum : struct, Enum => Gen.Int[0, last].Select(value => (TEnum)(object)value);
}
