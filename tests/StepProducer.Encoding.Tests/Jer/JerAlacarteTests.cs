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
/// UPER is a DENM that tshark dissects without error. A v2 DENM with the same containers pins what the shared
/// à-la-carte code takes from the version: CauseCodeV2, ActionId and the v2.2.1-only ENUMERATED values.
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

    /// <summary>
    /// The same containers in a v2 DENM (TS 103 831 v2.2.1 on CDD v2.2.1), where the shared à-la-carte code takes
    /// the version's leaf types: incidentIndication and stationaryCause are CauseCodeV2 (<c>ccAndScc</c>, alternatives
    /// <c>roadworks3</c> and <c>stationaryVehicle94</c>), referenceDenms items are ActionId (<c>originatingStationId</c>),
    /// and trafficFlowRule and positioningSolution hold the extension values that only v2.2.1 has
    /// (<c>passToLeftOrRight</c> 4, <c>manuallyByOperator</c> 6). Without termination, DenmPayload needs situation and location.
    /// </summary>
    private static readonly string FullAlacarteV2 = """
        {"header":{"protocolVersion":2,"messageId":1,"stationId":7},"denm":{"management":{"actionId":{"originatingStationId":7,"sequenceNumber":1},"detectionTime":1,"referenceTime":2,"eventPosition":{"latitude":0,"longitude":0,"positionConfidenceEllipse":{"semiMajorConfidence":0,"semiMinorConfidence":0,"semiMajorOrientation":0},"altitude":{"altitudeValue":0,"altitudeConfidence":"alt-000-01"}},"stationType":5},
        "situation":{"informationQuality":1,"eventType":{"ccAndScc":{"roadworks3":0}}},"location":{"detectionZonesToEventPosition":[[]]},
        "alacarte":{"lanePosition":14,"externalTemperature":67,"roadWorks":{"speedLimit":1,"incidentIndication":{"ccAndScc":{"roadworks3":1}},"trafficFlowRule":"passToLeftOrRight","referenceDenms":[{"originatingStationId":4294967295,"sequenceNumber":65535}]},"positioningSolution":"manuallyByOperator",
        "stationaryVehicle":{"stationaryCause":{"ccAndScc":{"stationaryVehicle94":2}},"numberOfOccupants":127}}}}
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

    [Fact]
    public void FullAlacarteV2_ReadsTheVersionsLeafTypesAndExtensionValues()
    {
        var alacarte = JerCodec.ReadV2(JerText.Utf8(FullAlacarteV2)).Payload.Alacarte!;
        Assert.Equal(new Denm.V2.CauseCodeV2 { CauseCode = 3, SubCauseCode = 1 }, alacarte.RoadWorks!.IncidentIndication);
        Assert.Equal(Denm.V2.TrafficRule.PassToLeftOrRight, alacarte.RoadWorks.TrafficFlowRule);
        Assert.Equal(new Denm.V2.ActionId { OriginatingStationId = 4294967295u, SequenceNumber = 65535 }, alacarte.RoadWorks.ReferenceDenms![0]);
        Assert.Equal(Denm.V2.PositioningSolutionType.ManuallyByOperator, alacarte.PositioningSolution);
        Assert.Equal(new Denm.V2.CauseCodeV2 { CauseCode = 94, SubCauseCode = 2 }, alacarte.StationaryVehicle!.StationaryCause);
    }

    [Fact]
    public void FullAlacarteV2_WritesTheSameText_AndItsUperRoundTrips()
    {
        var denm = JerCodec.ReadV2(JerText.Utf8(FullAlacarteV2));
        Assert.Equal(FullAlacarteV2, JerText.Write(denm));

        var output = new ArrayBufferWriter<byte>();
        DenmV2Codec.Encode(denm, output);
        Assert.Equal(FullAlacarteV2, JerText.Write(DenmV2Codec.Decode(output.WrittenSpan)));
    }

    /// <summary>The v2.2.1 extension values are no identifiers of the v1.3.1 types, which have no extension marker.</summary>
    [Theory]
    [InlineData("\"passToLeft\"", "\"passToLeftOrRight\"", "denm.alacarte.roadWorks.trafficFlowRule", "'passToLeftOrRight' is not an identifier of TrafficRule (CDD v1.3.1)")]
    [InlineData("\"dGNSSplusDR\"", "\"manuallyByOperator\"", "denm.alacarte.positioningSolution", "'manuallyByOperator' is not an identifier of PositioningSolutionType (CDD v1.3.1)")]
    [InlineData("{\"causeCode\":94,\"subCauseCode\":2}", "{\"ccAndScc\":{\"stationaryVehicle94\":2}}", "denm.alacarte.stationaryVehicle.stationaryCause", "unknown key 'ccAndScc'")]
    public void FullAlacarteV1_WithAV2OnlyValue_NamesFieldAndRule(string find, string replace, string fieldPath, string rule)
    {
        var text = FullAlacarte.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(FullAlacarte, text);
        var error = Assert.Throws<JerException>(() => JerCodec.ReadV1(JerText.Utf8(text)));
        Assert.Equal((fieldPath, rule), (error.FieldPath, error.Rule));
    }
}
