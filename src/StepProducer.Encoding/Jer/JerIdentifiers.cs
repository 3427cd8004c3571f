namespace StepProducer.Encoding.Jer;

/// <summary>
/// The ENUMERATED identifiers and CHOICE alternatives that JER needs for a DENM, copied from the ASN.1
/// modules: EN 302 637-3 v1.3.1 (DENM-PDU-Descriptions) on TS 102 894-2 v1.3.1 (ITS-Container) for v1,
/// TS 103 831 v2.2.1 (DENM-PDU-Description) on TS 102 894-2 v2.2.1 (ETSI-ITS-CDD) for v2.
/// Types whose identifiers are the same in both versions appear once.
/// </summary>
internal static class JerIdentifiers
{
    /// <summary>Termination, both DENM modules.</summary>
    public static readonly JerIdentifierTable Termination = new(
        "Termination", "isCancellation", "isNegation");

    /// <summary>AltitudeConfidence, both CDD versions.</summary>
    public static readonly JerIdentifierTable AltitudeConfidence = new(
        "AltitudeConfidence",
        "alt-000-01", "alt-000-02", "alt-000-05", "alt-000-10", "alt-000-20", "alt-000-50", "alt-001-00",
        "alt-002-00", "alt-005-00", "alt-010-00", "alt-020-00", "alt-050-00", "alt-100-00", "alt-200-00",
        "outOfRange", "unavailable");

    /// <summary>RelevanceDistance (CDD v1.3.1) and StandardLength3b (CDD v2.2.1) share their identifiers.</summary>
    public static readonly JerIdentifierTable RelevanceDistance = new(
        "RelevanceDistance / StandardLength3b",
        "lessThan50m", "lessThan100m", "lessThan200m", "lessThan500m", "lessThan1000m", "lessThan5km",
        "lessThan10km", "over10km");

    /// <summary>RelevanceTrafficDirection, CDD v1.3.1.</summary>
    public static readonly JerIdentifierTable RelevanceTrafficDirection = new(
        "RelevanceTrafficDirection (CDD v1.3.1)",
        "allTrafficDirections", "upstreamTraffic", "downstreamTraffic", "oppositeTraffic");

    /// <summary>TrafficDirection, CDD v2.2.1 (renamed from RelevanceTrafficDirection in v2.1.1).</summary>
    public static readonly JerIdentifierTable TrafficDirection = new(
        "TrafficDirection (CDD v2.2.1)",
        "allTrafficDirections", "sameAsReferenceDirection-upstreamOfReferencePosition",
        "sameAsReferenceDirection-downstreamOfReferencePosition", "oppositeToReferenceDirection");

    /// <summary>RoadType, both CDD versions.</summary>
    public static readonly JerIdentifierTable RoadType = new(
        "RoadType",
        "urban-NoStructuralSeparationToOppositeLanes", "urban-WithStructuralSeparationToOppositeLanes",
        "nonUrban-NoStructuralSeparationToOppositeLanes", "nonUrban-WithStructuralSeparationToOppositeLanes");

    /// <summary>HardShoulderStatus, both CDD versions.</summary>
    public static readonly JerIdentifierTable HardShoulderStatus = new(
        "HardShoulderStatus", "availableForStopping", "closed", "availableForDriving");

    /// <summary>TrafficRule, CDD v1.3.1: root only.</summary>
    public static readonly JerIdentifierTable TrafficRuleV1 = new(
        "TrafficRule (CDD v1.3.1)", "noPassing", "noPassingForTrucks", "passToRight", "passToLeft");

    /// <summary>TrafficRule, CDD v2.2.1: the root and the extension value passToLeftOrRight (4).</summary>
    public static readonly JerIdentifierTable TrafficRuleV2 = new(
        "TrafficRule (CDD v2.2.1)", "noPassing", "noPassingForTrucks", "passToRight", "passToLeft", "passToLeftOrRight");

    /// <summary>PositioningSolutionType, CDD v1.3.1: root only.</summary>
    public static readonly JerIdentifierTable PositioningSolutionTypeV1 = new(
        "PositioningSolutionType (CDD v1.3.1)",
        "noPositioningSolution", "sGNSS", "dGNSS", "sGNSSplusDR", "dGNSSplusDR", "dR");

    /// <summary>PositioningSolutionType, CDD v2.2.1: the root and the extension value manuallyByOperator (6).</summary>
    public static readonly JerIdentifierTable PositioningSolutionTypeV2 = new(
        "PositioningSolutionType (CDD v2.2.1)",
        "noPositioningSolution", "sGNSS", "dGNSS", "sGNSSplusDR", "dGNSSplusDR", "dR", "manuallyByOperator");

    /// <summary>StationarySince, both CDD versions.</summary>
    public static readonly JerIdentifierTable StationarySince = new(
        "StationarySince", "lessThan1Minute", "lessThan2Minutes", "lessThan15Minutes", "equalOrGreater15Minutes");

    /// <summary>RequestResponseIndication, both CDD versions.</summary>
    public static readonly JerIdentifierTable RequestResponseIndication = new(
        "RequestResponseIndication", "request", "response");

    /// <summary>DangerousGoodsBasic, both CDD versions.</summary>
    public static readonly JerIdentifierTable DangerousGoodsBasic = new(
        "DangerousGoodsBasic",
        "explosives1", "explosives2", "explosives3", "explosives4", "explosives5", "explosives6",
        "flammableGases", "nonFlammableGases", "toxicGases", "flammableLiquids", "flammableSolids",
        "substancesLiableToSpontaneousCombustion", "substancesEmittingFlammableGasesUponContactWithWater",
        "oxidizingSubstances", "organicPeroxides", "toxicSubstances", "infectiousSubstances",
        "radioactiveMaterial", "corrosiveSubstances", "miscellaneousDangerousSubstances");

    /// <summary>
    /// CauseCodeChoice, CDD v2.2.1: 129 alternatives, one per cause code 0..128 (no extension marker).
    /// Each identifier ends with its cause code; the ones the CDD does not name are <c>reserved&lt;code&gt;</c>.
    /// </summary>
    public static readonly JerIdentifierTable CauseCodeChoice = new("CauseCodeChoice (CDD v2.2.1)", CauseCodeChoiceIdentifiers());

    private static string[] CauseCodeChoiceIdentifiers()
    {
        var identifiers = new string[Denm.V2.CauseCodeV2.MaxCauseCode + 1];
        for (var code = 0; code < identifiers.Length; code++)
        {
            identifiers[code] = $"reserved{code}";
        }

        string[] named =
        [
            "trafficCondition1",
            "accident2",
            "roadworks3",
            "impassability5",
            "adverseWeatherCondition-Adhesion6",
            "aquaplaning7",
            "hazardousLocation-SurfaceCondition9",
            "hazardousLocation-ObstacleOnTheRoad10",
            "hazardousLocation-AnimalOnTheRoad11",
            "humanPresenceOnTheRoad12",
            "wrongWayDriving14",
            "rescueAndRecoveryWorkInProgress15",
            "adverseWeatherCondition-ExtremeWeatherCondition17",
            "adverseWeatherCondition-Visibility18",
            "adverseWeatherCondition-Precipitation19",
            "violence20",
            "slowVehicle26",
            "dangerousEndOfQueue27",
            "publicTransportVehicleApproaching28",
            "vehicleBreakdown91",
            "postCrash92",
            "humanProblem93",
            "stationaryVehicle94",
            "emergencyVehicleApproaching95",
            "hazardousLocation-DangerousCurve96",
            "collisionRisk97",
            "signalViolation98",
            "dangerousSituation99",
            "railwayLevelCrossing100",
        ];
        foreach (var identifier in named)
        {
            identifiers[CauseCodeOf(identifier)] = identifier;
        }

        return identifiers;
    }

    private static int CauseCodeOf(string identifier)
    {
        var digits = identifier.Length;
        while (char.IsAsciiDigit(identifier[digits - 1]))
        {
            digits--;
        }

        return int.Parse(identifier.AsSpan(digits), System.Globalization.CultureInfo.InvariantCulture);
    }
}
