namespace StepProducer.Den;

/// <summary>
/// The risk class of a predicted collision. It selects the collisionRisk (causeCode 97) subCauseCode
/// (CDD TS 102 894-2 v2.2.1 CollisionRiskSubCauseCode) and is part of the event key.
/// </summary>
public enum CollisionRisk : byte
{
    Unknown = 0,
    Longitudinal = 1,
    Crossing = 2,
    Lateral = 3,
    VulnerableRoadUser = 4,
    Pedestrian = 5,
    Cyclist = 6,
    MotorVehicle = 7,
}

/// <summary>The request identifiers of <see cref="CollisionRisk"/> (camelCase, as the predictor writes them).</summary>
public static class CollisionRiskNames
{
    /// <summary>Parses a UTF-8 risk name without allocating; false for an unknown name.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Name, out CollisionRisk risk)
    {
        for (var value = 0; value <= (int)CollisionRisk.MotorVehicle; value++)
        {
            if (utf8Name.SequenceEqual(GetUtf8Name((CollisionRisk)value)))
            {
                risk = (CollisionRisk)value;
                return true;
            }
        }

        risk = CollisionRisk.Unknown;
        return false;
    }

    public static ReadOnlySpan<byte> GetUtf8Name(CollisionRisk risk) => risk switch
    {
        CollisionRisk.Longitudinal => "longitudinal"u8,
        CollisionRisk.Crossing => "crossing"u8,
        CollisionRisk.Lateral => "lateral"u8,
        CollisionRisk.VulnerableRoadUser => "vulnerableRoadUser"u8,
        CollisionRisk.Pedestrian => "pedestrian"u8,
        CollisionRisk.Cyclist => "cyclist"u8,
        CollisionRisk.MotorVehicle => "motorVehicle"u8,
        _ => "unknown"u8,
    };
}
