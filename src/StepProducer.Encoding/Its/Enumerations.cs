namespace StepProducer.Encoding.Its;

/// <summary>
/// ASN.1 <c>RoadType</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// Member names are the ASN.1 identifiers with '-' written as '_'.
/// </summary>
public enum RoadType
{
    Urban_NoStructuralSeparationToOppositeLanes = 0,
    Urban_WithStructuralSeparationToOppositeLanes = 1,
    NonUrban_NoStructuralSeparationToOppositeLanes = 2,
    NonUrban_WithStructuralSeparationToOppositeLanes = 3,
}

/// <summary>ASN.1 <c>HardShoulderStatus</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1 and v2.2.1.</summary>
public enum HardShoulderStatus
{
    AvailableForStopping = 0,
    Closed = 1,
    AvailableForDriving = 2,
}

/// <summary>ASN.1 <c>StationarySince</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1 and v2.2.1.</summary>
public enum StationarySince
{
    LessThan1Minute = 0,
    LessThan2Minutes = 1,
    LessThan15Minutes = 2,
    EqualOrGreater15Minutes = 3,
}

/// <summary>ASN.1 <c>RequestResponseIndication</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1 and v2.2.1.</summary>
public enum RequestResponseIndication
{
    Request = 0,
    Response = 1,
}

/// <summary>ASN.1 <c>DangerousGoodsBasic</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1 and v2.2.1.</summary>
public enum DangerousGoodsBasic
{
    Explosives1 = 0,
    Explosives2 = 1,
    Explosives3 = 2,
    Explosives4 = 3,
    Explosives5 = 4,
    Explosives6 = 5,
    FlammableGases = 6,
    NonFlammableGases = 7,
    ToxicGases = 8,
    FlammableLiquids = 9,
    FlammableSolids = 10,
    SubstancesLiableToSpontaneousCombustion = 11,
    SubstancesEmittingFlammableGasesUponContactWithWater = 12,
    OxidizingSubstances = 13,
    OrganicPeroxides = 14,
    ToxicSubstances = 15,
    InfectiousSubstances = 16,
    RadioactiveMaterial = 17,
    CorrosiveSubstances = 18,
    MiscellaneousDangerousSubstances = 19,
}
