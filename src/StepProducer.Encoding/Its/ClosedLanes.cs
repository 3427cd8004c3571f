namespace StepProducer.Encoding.Its;

/// <summary>
/// ASN.1 <c>ClosedLanes</c> SEQUENCE {..., ...} (extensible), TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// </summary>
public struct ClosedLanes
{
    /// <summary>OPTIONAL <c>innerhardShoulderStatus</c>.</summary>
    public HardShoulderStatus? InnerhardShoulderStatus { get; set; }

    /// <summary>OPTIONAL <c>outerhardShoulderStatus</c>.</summary>
    public HardShoulderStatus? OuterhardShoulderStatus { get; set; }

    /// <summary>OPTIONAL <c>drivingLaneStatus</c>.</summary>
    public DrivingLaneStatus? DrivingLaneStatus { get; set; }
}

/// <summary>
/// ASN.1 <c>VehicleIdentification</c> SEQUENCE (extensible), TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// </summary>
public sealed class VehicleIdentification
{
    /// <summary>OPTIONAL <c>WMInumber</c>: IA5String (SIZE(1..3)).</summary>
    public string? WMInumber { get; set; }

    /// <summary>OPTIONAL <c>VDS</c>: IA5String (SIZE(6)).</summary>
    public string? VDS { get; set; }
}

/// <summary>
/// ASN.1 <c>DangerousGoodsExtended</c> SEQUENCE (extensible), TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// </summary>
public sealed class DangerousGoodsExtended
{
    /// <summary>ASN.1 component <c>dangerousGoodsType</c>.</summary>
    public DangerousGoodsBasic DangerousGoodsType { get; set; }

    /// <summary><c>unNumber</c>: INTEGER (0..9999).</summary>
    public int UnNumber { get; set; }

    /// <summary>ASN.1 component <c>elevatedTemperature</c>.</summary>
    public bool ElevatedTemperature { get; set; }

    /// <summary>ASN.1 component <c>tunnelsRestricted</c>.</summary>
    public bool TunnelsRestricted { get; set; }

    /// <summary>ASN.1 component <c>limitedQuantity</c>.</summary>
    public bool LimitedQuantity { get; set; }

    /// <summary>OPTIONAL <c>emergencyActionCode</c>: IA5String (SIZE (1..24)).</summary>
    public string? EmergencyActionCode { get; set; }

    /// <summary>OPTIONAL <c>PhoneNumber</c>: NumericString (SIZE(1..16)), digits and space.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>OPTIONAL <c>companyName</c>: UTF8String (SIZE (1..24)), 1..24 characters.</summary>
    public string? CompanyName { get; set; }
}
