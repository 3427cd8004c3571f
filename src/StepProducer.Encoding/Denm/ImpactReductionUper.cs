using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm;

/// <summary>UPER of <see cref="ImpactReductionContainer"/> (identical in EN 302 637-3 v1.3.1 and TS 103 831 v2.2.1).</summary>
internal static class ImpactReductionUper
{
    // HeightLonCarr (1..100); PosLonCarr (1..127); PosPillar (1..30); PositionOfPillars SIZE(1..3, ...);
    // PosCentMass (1..63); WheelBaseVehicle (1..127); TurningRadius (1..255); PosFrontAx (1..20);
    // PositionOfOccupants BIT STRING (SIZE(20)); VehicleMass (1..1024); RequestResponseIndication 2 values.
    private const int HeightLonCarrMax = 100;
    private const int PosLonCarrMax = 127;
    private const int PosPillarMax = 30;
    private const int PositionOfPillarsRootMax = 3;
    private const int PosCentMassMax = 63;
    private const int WheelBaseVehicleMax = 127;
    private const int TurningRadiusMax = 255;
    private const int PosFrontAxMax = 20;
    private const int PositionOfOccupantsBits = 20;
    private const int VehicleMassMax = 1024;
    private const int RequestResponseIndicationCount = 2;

    public static void Write(ref UperWriter writer, ImpactReductionContainer value, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteConstrainedInteger(value.HeightLonCarrLeft, 1, HeightLonCarrMax, "heightLonCarrLeft");
        writer.WriteConstrainedInteger(value.HeightLonCarrRight, 1, HeightLonCarrMax, "heightLonCarrRight");
        writer.WriteConstrainedInteger(value.PosLonCarrLeft, 1, PosLonCarrMax, "posLonCarrLeft");
        writer.WriteConstrainedInteger(value.PosLonCarrRight, 1, PosLonCarrMax, "posLonCarrRight");
        var pillars = value.PositionOfPillars;
        writer.WriteExtensibleLength(pillars.Count, 1, PositionOfPillarsRootMax, "positionOfPillars");
        writer.Path.Push("positionOfPillars");
        writer.Path.PushIndex();
        for (var index = 0; index < pillars.Count; index++)
        {
            writer.Path.SetIndex(index);
            writer.WriteConstrainedInteger(pillars[index], 1, PosPillarMax, "");
        }

        writer.Path.Pop();
        writer.Path.Pop();

        writer.WriteConstrainedInteger(value.PosCentMass, 1, PosCentMassMax, "posCentMass");
        writer.WriteConstrainedInteger(value.WheelBaseVehicle, 1, WheelBaseVehicleMax, "wheelBaseVehicle");
        writer.WriteConstrainedInteger(value.TurningRadius, 1, TurningRadiusMax, "turningRadius");
        writer.WriteConstrainedInteger(value.PosFrontAx, 1, PosFrontAxMax, "posFrontAx");
        writer.WriteFixedSizeBitString((uint)value.PositionOfOccupants, PositionOfOccupantsBits, "positionOfOccupants");
        writer.WriteConstrainedInteger(value.VehicleMass, 1, VehicleMassMax, "vehicleMass");
        writer.WriteEnumerated((int)value.RequestResponseIndication, RequestResponseIndicationCount, "requestResponseIndication", "RequestResponseIndication");
        writer.Path.Pop();
    }

    public static void Read(ref UperReader reader, ImpactReductionContainer value, string identifier)
    {
        reader.Path.Push(identifier);
        value.HeightLonCarrLeft = (int)reader.ReadConstrainedInteger(1, HeightLonCarrMax, "heightLonCarrLeft");
        value.HeightLonCarrRight = (int)reader.ReadConstrainedInteger(1, HeightLonCarrMax, "heightLonCarrRight");
        value.PosLonCarrLeft = (int)reader.ReadConstrainedInteger(1, PosLonCarrMax, "posLonCarrLeft");
        value.PosLonCarrRight = (int)reader.ReadConstrainedInteger(1, PosLonCarrMax, "posLonCarrRight");
        var count = reader.ReadExtensibleLength(1, PositionOfPillarsRootMax, "positionOfPillars");
        var pillars = value.PositionOfPillars;
        pillars.Clear();
        reader.Path.Push("positionOfPillars");
        reader.Path.PushIndex();
        for (var index = 0; index < count; index++)
        {
            reader.Path.SetIndex(index);
            pillars.Add((int)reader.ReadConstrainedInteger(1, PosPillarMax, ""));
        }

        reader.Path.Pop();
        reader.Path.Pop();

        value.PosCentMass = (int)reader.ReadConstrainedInteger(1, PosCentMassMax, "posCentMass");
        value.WheelBaseVehicle = (int)reader.ReadConstrainedInteger(1, WheelBaseVehicleMax, "wheelBaseVehicle");
        value.TurningRadius = (int)reader.ReadConstrainedInteger(1, TurningRadiusMax, "turningRadius");
        value.PosFrontAx = (int)reader.ReadConstrainedInteger(1, PosFrontAxMax, "posFrontAx");
        value.PositionOfOccupants = (PositionOfOccupants)reader.ReadBits(PositionOfOccupantsBits, "positionOfOccupants");
        value.VehicleMass = (int)reader.ReadConstrainedInteger(1, VehicleMassMax, "vehicleMass");
        value.RequestResponseIndication = (RequestResponseIndication)reader.ReadEnumerated(RequestResponseIndicationCount, "requestResponseIndication");
        reader.Path.Pop();
    }
}
