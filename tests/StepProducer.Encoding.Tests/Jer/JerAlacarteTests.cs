using System.Buffers;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using StepProducer.Encoding.Jer;
using StepProducer.TestSupport;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>
/// A v1 DENM with every alacarte sub-container, written by hand from the ASN.1 rules: BIT STRINGs as hex
/// (fixed size) and as value/length (DrivingLaneStatus), the three character string types, BOOLEANs and the
/// extensible lists. It reads to the model values the hex stands for, writes back to the same text, and its
/// UPER is a DENM that tshark dissects without error.
/// </summary>
public class JerAlacarteTests
{
    /// <summary>
    /// The model holds a BIT STRING as a number whose most significant bit is ASN.1 bit 0, so the hex also pins
    /// the bit order: positionOfOccupants "c00000": bits 0 and 1 of 20 (row1LeftOccupied, row1RightOccupied).
    /// lightBarSirenInUse "40": bit 1 of 2 (sirenActivated). energyStorageType "0a" = 0000101(0): bits 4 and 6
    /// of 7 (diesel, ammonia). drivingLaneStatus value "c0", length 3: bits 110 (lanes 0 and 1 closed), the 3-bit number 0b110.
    /// One line per container here for reading; the JER itself has no line breaks.
    /// </summary>
    private static readonly string FullAlacarte = """
        {"header":{"protocolVersion":2,"messageID":1,"stationID":7},"denm":{"management":{"actionID":{"originatingStationID":7,"sequenceNumber":1},"detectionTime":1,"referenceTime":2,"eventPosition":{"latitude":0,"longitude":0,"positionConfidenceEllipse":{"semiMajorConfidence":0,"semiMinorConfidence":0,"semiMajorOrientation":0},"altitude":{"altitudeValue":0,"altitudeConfidence":"alt-000-01"}},"stationType":5},
        "alacarte":{"lanePosition":-1,"impactReduction":{"heightLonCarrLeft":1,"heightLonCarrRight":100,"posLonCarrLeft":1,"posLonCarrRight":127,"positionOfPillars":[1,30],"posCentMass":63,"wheelBaseVehicle":127,"turningRadius":255,"posFrontAx":20,"positionOfOccupants":"c00000","vehicleMass":1024,"requestResponseIndication":"response"},
        "externalTemperature":-60,"roadWorks":{"lightBarSirenInUse":"40","closedLanes":{"innerhardShoulderStatus":"closed","drivingLaneStatus":{"value":"c0","length":3}},"restriction":[5,6],"speedLimit":30,"incidentIndication":{"causeCode":3,"subCauseCode":1},
        "startingPointSpeedLimit":{"deltaLatitude":1,"deltaLongitude":-1,"deltaAltitude":12800},"trafficFlowRule":"passToLeft","referenceDenms":[{"originatingStationID":4294967295,"sequenceNumber":65535}]},"positioningSolution":"dGNSSplusDR",
        "stationaryVehicle":{"stationarySince":"equalOrGreater15Minutes","stationaryCause":{"causeCode":94,"subCauseCode":2},"carryingDangerousGoods":{"dangerousGoodsType":"miscellaneousDangerousSubstances","unNumber":1203,"elevatedTemperature":false,"tunnelsRestricted":true,"limitedQuantity":false,"emergencyActionCode":"3YE","phoneNumber":"0049 89 1234","companyName":"Spedition Müller"},"numberOfOccupants":2,"vehicleIdentification":{"wMInumber":"WVW","vDS":"ZZZ1KZ"},"energyStorageType":"0a"}}}}
        """.Replace("\n", "", StringComparison.Ordinal);

    [Fact]
    public void FullAlacarte_ReadsTheValuesTheTextStandsFor()
    {
        var alacarte = JerCodec.ReadV1(JerText.Utf8(FullAlacarte)).Payload.Alacarte!;
        Assert.Equal(PositionOfOccupants.Row1LeftOccupied | PositionOfOccupants.Row1RightOccupied, alacarte.ImpactReduction!.PositionOfOccupants);
        Assert.Equal(LightBarSirenInUse.SirenActivated, alacarte.RoadWorks!.LightBarSirenInUse);
        Assert.Equal(new DrivingLaneStatus { Length = 3, Bits = 0b110 }, alacarte.RoadWorks.ClosedLanes!.Value.DrivingLaneStatus);
        Assert.Equal(HardShoulderStatus.Closed, alacarte.RoadWorks.ClosedLanes.Value.InnerhardShoulderStatus);
        Assert.Null(alacarte.RoadWorks.ClosedLanes.Value.OuterhardShoulderStatus);
        Assert.Equal(EnergyStorageType.Diesel | EnergyStorageType.Ammonia, alacarte.StationaryVehicle!.EnergyStorageType);
        Assert.Equal("Spedition Müller", alacarte.StationaryVehicle.CarryingDangerousGoods!.CompanyName);
        Assert.True(alacarte.StationaryVehicle.CarryingDangerousGoods.TunnelsRestricted);
        Assert.Equal(4294967295u, alacarte.RoadWorks.ReferenceDenms![0].OriginatingStationID);
    }

    [Fact]
    public async Task FullAlacarte_WritesTheSameText_AndItsUperRoundTripsAndDissects()
    {
        var denm = JerCodec.ReadV1(JerText.Utf8(FullAlacarte));

        // The writer escapes non-ASCII characters (System.Text.Json's default encoder): "ü" comes out as \u00FC.
        var expected = FullAlacarte.Replace("ü", "\\u00FC", StringComparison.Ordinal);
        Assert.Equal(expected, JerText.Write(denm));

        var output = new ArrayBufferWriter<byte>();
        DenmV1Codec.Encode(denm, output);
        Assert.Equal(expected, JerText.Write(DenmV1Codec.Decode(output.WrittenSpan)));

        var dissected = await DenmDissect.RunAsync([Convert.ToHexStringLower(output.WrittenSpan)]);
        Assert.True(dissected.ExitCode == 0, dissected.StandardError);
    }
}
