namespace StepProducer.Encoding.Denm;

/// <summary>
/// ASN.1 <c>ImpactReductionContainer</c> SEQUENCE (not extensible), identical in EN 302 637-3 v1.3.1 and
/// TS 103 831 v2.2.1 (same components, same CDD constraints in TS 102 894-2 v1.3.1 and v2.2.1).
/// </summary>
public sealed class ImpactReductionContainer
{
    /// <summary><c>HeightLonCarr</c>: INTEGER (1..100), cm; 100 = unavailable.</summary>
    public int HeightLonCarrLeft { get; set; }

    /// <summary><c>HeightLonCarr</c>: INTEGER (1..100), cm; 100 = unavailable.</summary>
    public int HeightLonCarrRight { get; set; }

    /// <summary><c>PosLonCarr</c>: INTEGER (1..127), cm; 127 = unavailable.</summary>
    public int PosLonCarrLeft { get; set; }

    /// <summary><c>PosLonCarr</c>: INTEGER (1..127), cm; 127 = unavailable.</summary>
    public int PosLonCarrRight { get; set; }

    /// <summary><c>PositionOfPillars</c>: SEQUENCE (SIZE(1..3, ...)) OF PosPillar INTEGER (1..30), 10 cm.</summary>
    public List<int> PositionOfPillars { get; set; } = [];

    /// <summary><c>PosCentMass</c>: INTEGER (1..63), 10 cm; 63 = unavailable.</summary>
    public int PosCentMass { get; set; }

    /// <summary><c>WheelBaseVehicle</c>: INTEGER (1..127), 10 cm; 127 = unavailable.</summary>
    public int WheelBaseVehicle { get; set; }

    /// <summary><c>TurningRadius</c>: INTEGER (1..255), 0.4 m; 255 = unavailable.</summary>
    public int TurningRadius { get; set; }

    /// <summary><c>PosFrontAx</c>: INTEGER (1..20), 10 cm; 20 = unavailable.</summary>
    public int PosFrontAx { get; set; }

    /// <summary>ASN.1 component <c>positionOfOccupants</c>, BIT STRING (SIZE(20)).</summary>
    public Its.PositionOfOccupants PositionOfOccupants { get; set; }

    /// <summary><c>VehicleMass</c>: INTEGER (1..1024), 100 kg; 1024 = unavailable.</summary>
    public int VehicleMass { get; set; }

    /// <summary>ASN.1 component <c>requestResponseIndication</c>.</summary>
    public Its.RequestResponseIndication RequestResponseIndication { get; set; }
}
