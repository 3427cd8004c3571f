using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Denm.V2;

/// <summary>
/// ASN.1 <c>AlacarteContainer</c> SEQUENCE, TS 103 831 v2.2.1: extensible, with one extension addition group
/// <c>[[roadConfiguration, preCrash]]</c>, kept whole as raw bytes.
/// </summary>
public sealed class AlacarteContainer : IAlacarteContainer<RoadWorksContainerExtended, StationaryVehicleContainer>
{
    /// <summary>OPTIONAL <c>LanePosition</c>: INTEGER (-1..14).</summary>
    public int? LanePosition { get; set; }

    /// <summary>OPTIONAL <c>impactReduction</c>.</summary>
    public ImpactReductionContainer? ImpactReduction { get; set; }

    /// <summary>OPTIONAL <c>Temperature</c>: INTEGER (-60..67), degree Celsius.</summary>
    public int? ExternalTemperature { get; set; }

    /// <summary>OPTIONAL <c>roadWorks</c>.</summary>
    public RoadWorksContainerExtended? RoadWorks { get; set; }

    /// <summary>OPTIONAL <c>positioningSolution</c>.</summary>
    public PositioningSolutionType? PositioningSolution { get; set; }

    int? IAlacarteContainer<RoadWorksContainerExtended, StationaryVehicleContainer>.PositioningSolutionValue
    {
        get => (int?)PositioningSolution;
        set => PositioningSolution = (PositioningSolutionType?)value;
    }

    /// <summary>OPTIONAL <c>stationaryVehicle</c>.</summary>
    public StationaryVehicleContainer? StationaryVehicle { get; set; }

    /// <summary>
    /// The v2.2.1 extension addition group, kept whole: the octets of its open type (X.691 clause 19.9,
    /// without the length determinant). Null when absent. Re-encoded unchanged; not checked against its ASN.1.
    /// </summary>
    public byte[]? ExtensionGroupV22Raw { get; set; }
}

/// <summary>
/// ASN.1 <c>RoadWorksContainerExtended</c> SEQUENCE (not extensible), TS 103 831 v2.2.1.
/// </summary>
public sealed class RoadWorksContainerExtended : IRoadWorksContainer<CauseCodeV2, ActionId>
{
    /// <summary>OPTIONAL <c>lightBarSirenInUse</c>, BIT STRING (SIZE(2)).</summary>
    public LightBarSirenInUse? LightBarSirenInUse { get; set; }

    /// <summary>OPTIONAL <c>closedLanes</c>.</summary>
    public ClosedLanes? ClosedLanes { get; set; }

    /// <summary>OPTIONAL <c>RestrictedTypes</c>: SEQUENCE (SIZE(1..3, ...)) OF StationType INTEGER (0..255).</summary>
    public List<int>? Restriction { get; set; }

    /// <summary>OPTIONAL <c>SpeedLimit</c>: INTEGER (1..255), km/h.</summary>
    public int? SpeedLimit { get; set; }

    /// <summary>OPTIONAL <c>incidentIndication</c>.</summary>
    public CauseCodeV2? IncidentIndication { get; set; }

    /// <summary>OPTIONAL <c>ItineraryPath</c>: SEQUENCE SIZE(1..40) OF ReferencePosition.</summary>
    public List<ReferencePosition>? RecommendedPath { get; set; }

    /// <summary>OPTIONAL <c>startingPointSpeedLimit</c>.</summary>
    public DeltaReferencePosition? StartingPointSpeedLimit { get; set; }

    /// <summary>OPTIONAL <c>trafficFlowRule</c>.</summary>
    public TrafficRule? TrafficFlowRule { get; set; }

    int? IRoadWorksContainer<CauseCodeV2, ActionId>.TrafficFlowRuleValue
    {
        get => (int?)TrafficFlowRule;
        set => TrafficFlowRule = (TrafficRule?)value;
    }

    /// <summary>OPTIONAL <c>ActionIdList</c>: SEQUENCE (SIZE(1..8, ...)) OF ActionId.</summary>
    public List<ActionId>? ReferenceDenms { get; set; }
}

/// <summary>
/// ASN.1 <c>StationaryVehicleContainer</c> SEQUENCE (not extensible), TS 103 831 v2.2.1.
/// </summary>
public sealed class StationaryVehicleContainer : IStationaryVehicleContainer<CauseCodeV2>
{
    /// <summary>OPTIONAL <c>stationarySince</c>.</summary>
    public StationarySince? StationarySince { get; set; }

    /// <summary>OPTIONAL <c>stationaryCause</c>.</summary>
    public CauseCodeV2? StationaryCause { get; set; }

    /// <summary>OPTIONAL <c>carryingDangerousGoods</c>.</summary>
    public DangerousGoodsExtended? CarryingDangerousGoods { get; set; }

    /// <summary>OPTIONAL <c>NumberOfOccupants</c>: INTEGER (0..127).</summary>
    public int? NumberOfOccupants { get; set; }

    /// <summary>OPTIONAL <c>vehicleIdentification</c>.</summary>
    public VehicleIdentification? VehicleIdentification { get; set; }

    /// <summary>OPTIONAL <c>energyStorageType</c>, BIT STRING (SIZE(7)).</summary>
    public EnergyStorageType? EnergyStorageType { get; set; }
}

/// <summary>
/// ASN.1 <c>PositioningSolutionType</c> ENUMERATED {6 root values, ..., manuallyByOperator (6)},
/// TS 102 894-2 v2.2.1.
/// </summary>
public enum PositioningSolutionType
{
    NoPositioningSolution = 0,
    SGNSS = 1,
    DGNSS = 2,
    SGNSSplusDR = 3,
    DGNSSplusDR = 4,
    DR = 5,

    /// <summary>Extension addition: encoded with the extension bit set and index 0 (X.691 clause 14.3).</summary>
    ManuallyByOperator = 6,
}

/// <summary>
/// ASN.1 <c>TrafficRule</c> ENUMERATED {4 root values, ..., passToLeftOrRight (4)}, TS 102 894-2 v2.2.1.
/// </summary>
public enum TrafficRule
{
    NoPassing = 0,
    NoPassingForTrucks = 1,
    PassToRight = 2,
    PassToLeft = 3,

    /// <summary>Extension addition: encoded with the extension bit set and index 0 (X.691 clause 14.3).</summary>
    PassToLeftOrRight = 4,
}
