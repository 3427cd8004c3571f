using StepProducer.Encoding.Jer;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>Reading JER: hand-written texts read back to the same text, and bad texts give a typed error naming the field.</summary>
public class JerReadTests
{
    [Theory]
    [InlineData(JerExpectedTexts.V1Cancellation)]
    [InlineData(JerExpectedTexts.V1Typical)]
    public void ReadV1_ThenWrite_GivesTheSameText(string json) =>
        Assert.Equal(json, JerText.Write(JerCodec.ReadV1(JerText.Utf8(json))));

    [Fact]
    public void ReadV2_ThenWrite_GivesTheSameText() =>
        Assert.Equal(JerExpectedTexts.V2CollisionRiskSub4, JerText.Write(JerCodec.ReadV2(JerText.Utf8(JerExpectedTexts.V2CollisionRiskSub4))));

    [Fact]
    public void ValidityDuration_AbsentReadsAsDefault_AndExplicitDefaultIsLeftOutOnWrite()
    {
        var absent = JerCodec.ReadV1(JerText.Utf8(JerExpectedTexts.V1Cancellation));
        Assert.Equal(600, absent.Payload.Management.ValidityDuration);

        var explicitDefault = JerExpectedTexts.V1Cancellation.Replace("\"stationType\":5", "\"validityDuration\":600,\"stationType\":5");
        var read = JerCodec.ReadV1(JerText.Utf8(explicitDefault));
        Assert.Equal(600, read.Payload.Management.ValidityDuration);
        Assert.Equal(JerExpectedTexts.V1Cancellation, JerText.Write(read));
    }

    [Fact]
    public void KeysInAnyOrder_ReadTheSameDenm()
    {
        var reordered = JerExpectedTexts.V1Cancellation
            .Replace("""{"protocolVersion":2,"messageID":1,"stationID":1001}""", """{"stationID":1001,"protocolVersion":2,"messageID":1}""");
        Assert.Equal(JerExpectedTexts.V1Cancellation, JerText.Write(JerCodec.ReadV1(JerText.Utf8(reordered))));
    }

    public static TheoryData<string, string, string, string> MalformedV1 => new()
    {
        { "\"latitude\":488566140", "\"latitude\":900000002", "denm.management.eventPosition.latitude", "900000002 outside -900000000..900000001" },
        { "\"stationType\":5", "\"stationType\":\"5\"", "denm.management.stationType", "expected an INTEGER (JSON number), found a string" },
        { "\"stationType\":5", "\"stationType\":5.5", "denm.management.stationType", "5.5 is not a whole number" },
        { "\"stationType\":5", "\"stationType\":256", "denm.management.stationType", "256 outside 0..255" },
        { ",\"stationType\":5", "", "denm.management", "missing mandatory component 'stationType'" },
        { "\"stationType\":5", "\"stationType\":5,\"colour\":1", "denm.management", "unknown key 'colour'" },
        { "\"stationType\":5", "\"stationType\":5,\"stationType\":5", "denm.management", "key 'stationType' appears twice" },
        { "\"isCancellation\"", "\"isCanceled\"", "denm.management.termination", "'isCanceled' is not an identifier of Termination" },
        { "\"isCancellation\"", "0", "denm.management.termination", "expected an ENUMERATED identifier (JSON string), found a number" },
        { "\"altitudeConfidence\":\"unavailable\"", "\"altitudeConfidence\":null", "denm.management.eventPosition.altitude.altitudeConfidence", "expected an ENUMERATED identifier (JSON string), found null" },
        { "\"originatingStationID\":1001", "\"originatingStationID\":4294967296", "denm.management.actionID.originatingStationID", "4294967296 outside 0..4294967295" },
        { "\"originatingStationID\"", "\"originatingStationId\"", "denm.management.actionID", "unknown key 'originatingStationId'" },
        { "\"detectionTime\":700000000000", "\"detectionTime\":-1", "denm.management.detectionTime", "-1 outside 0..4398046511103" },
        { "{\"header\"", "[{\"header\"", "", "expected a SEQUENCE (JSON object), found an array" },
    };

    [Theory]
    [MemberData(nameof(MalformedV1))]
    public void ReadV1_Malformed_NamesFieldAndRule(string find, string replace, string fieldPath, string rule)
    {
        var json = JerExpectedTexts.V1Cancellation.Replace(find, replace);
        Assert.NotEqual(JerExpectedTexts.V1Cancellation, json);
        var error = Assert.Throws<JerException>(() => JerCodec.ReadV1(JerText.Utf8(json)));
        Assert.Equal((fieldPath, rule), (error.FieldPath, error.Rule));
    }

    public static TheoryData<string, string, string, string> MalformedV2 => new()
    {
        { "\"collisionRisk97\":4", "\"collisionRisk98\":4", "denm.situation.eventType.ccAndScc", "'collisionRisk98' is not an alternative of CauseCodeChoice (CDD v2.2.1)" },
        { "\"collisionRisk97\":4", "\"collisionRisk97\":4,\"signalViolation98\":1", "denm.situation.eventType.ccAndScc", "a CHOICE has exactly one key" },
        { "{\"collisionRisk97\":4}", "{}", "denm.situation.eventType.ccAndScc", "a CHOICE needs one key, an alternative of CauseCodeChoice (CDD v2.2.1)" },
        { "\"collisionRisk97\":4", "\"collisionRisk97\":256", "denm.situation.eventType.ccAndScc.collisionRisk97", "256 outside 0..255" },
        { "\"lessThan500m\"", "\"lessThan2km\"", "denm.management.awarenessDistance", "'lessThan2km' is not an identifier of RelevanceDistance / StandardLength3b" },
        { "\"sameAsReferenceDirection-downstreamOfReferencePosition\"", "\"downstreamTraffic\"", "denm.management.trafficDirection", "'downstreamTraffic' is not an identifier of TrafficDirection (CDD v2.2.1)" },
        { "\"actionId\"", "\"actionID\"", "denm.management", "unknown key 'actionID'" },
        { "\"protocolVersion\":2", "\"protocolVersion\":1", "header.protocolVersion", "1 outside 2..2" },
        { "\"deltaLatitude\":-50", "\"deltaLatitude\":-131072", "denm.location.detectionZonesToEventPosition[0][0].pathPosition.deltaLatitude", "-131072 outside -131071..131072" },
        { "[[{\"pathPosition\"", "[[],[],[],[],[],[],[],[{\"pathPosition\"", "denm.location.detectionZonesToEventPosition", "more than 7 items (SIZE constraint)" },
        { "[[{\"pathPosition\":{\"deltaLatitude\":-50,\"deltaLongitude\":40,\"deltaAltitude\":-10}}]]", "[]", "denm.location.detectionZonesToEventPosition", "0 items, fewer than 1 (SIZE constraint)" },
        { "\"informationQuality\":2", "\"informationQuality\":2,\"eventZone\":[{\"eventPosition\":{\"deltaLatitude\":0,\"deltaLongitude\":0,\"deltaAltitude\":0},\"informationQuality\":1}],\"eventEnd\":5", "denm.situation", "eventZone and eventEnd must not both be present (SituationContainer constraint)" },
        { "\"stationType\":5}", "\"stationType\":5,\"termination\":\"isNegation\"}", "denm", "with management.termination present, situation, location and alacarte must be absent (DenmPayload constraint)" },
        { ",\"location\":{\"eventSpeed\"", ",\"alacarte\":{\"eventSpeed\"", "denm.alacarte", "unknown key 'eventSpeed'" },
    };

    [Theory]
    [MemberData(nameof(MalformedV2))]
    public void ReadV2_Malformed_NamesFieldAndRule(string find, string replace, string fieldPath, string rule)
    {
        var json = JerExpectedTexts.V2CollisionRiskSub4.Replace(find, replace);
        Assert.NotEqual(JerExpectedTexts.V2CollisionRiskSub4, json);
        var error = Assert.Throws<JerException>(() => JerCodec.ReadV2(JerText.Utf8(json)));
        Assert.Equal((fieldPath, rule), (error.FieldPath, error.Rule));
    }

    [Theory]
    [InlineData(0, 1, "malformed JSON: Expected depth to be zero at the end of the JSON payload.")]
    [InlineData(100, 0, "malformed JSON: Expected end of string")]
    [InlineData(0, 0, "malformed JSON: '}' is invalid after a single JSON value.")]
    public void ReadV2_TruncatedOrTrailingText_IsMalformedJson(int keep, int cut, string rule)
    {
        // keep > 0 keeps only that many characters; cut removes characters from the end; neither appends a '}'.
        var text = JerExpectedTexts.V2CollisionRiskSub4;
        var json = keep > 0 ? text[..keep] : cut > 0 ? text[..^cut] : text + "}";
        var error = Assert.Throws<JerException>(() => JerCodec.ReadV2(JerText.Utf8(json)));
        Assert.StartsWith(rule, error.Rule);
    }

    [Fact]
    public void ReadV2_EventZoneMixingDeltaTimes_NamesThePoint()
    {
        const string point = "{\"eventPosition\":{\"deltaLatitude\":0,\"deltaLongitude\":0,\"deltaAltitude\":0},\"informationQuality\":1}";
        const string timedPoint = "{\"eventPosition\":{\"deltaLatitude\":0,\"deltaLongitude\":0,\"deltaAltitude\":0},\"eventDeltaTime\":10,\"informationQuality\":1}";
        var json = JerExpectedTexts.V2CollisionRiskSub4.Replace("\"informationQuality\":2", $"\"informationQuality\":2,\"eventZone\":[{point},{point},{timedPoint}]");
        var error = Assert.Throws<JerException>(() => JerCodec.ReadV2(JerText.Utf8(json)));
        Assert.Equal("denm.situation.eventZone[2]", error.FieldPath);
    }

    [Fact]
    public void ReadV2_InvalidUtf8_GivesTypedError()
    {
        var json = JerText.Utf8(JerExpectedTexts.V2CollisionRiskSub4.Replace("\"lessThan500m\"", "\"lessThan500m\u00ff\""));
        var at = Array.IndexOf(json, (byte)0xC3);
        json[at] = 0xFF;
        var error = Assert.Throws<JerException>(() => JerCodec.ReadV2(json));
        Assert.StartsWith("denm.management", error.FieldPath);
    }
}
