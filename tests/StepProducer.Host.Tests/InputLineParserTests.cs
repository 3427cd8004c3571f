using System.Text;
using StepProducer.Den;
using StepProducer.Host.Input;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>CloudEvent and received-DENM line parsing: accepted shapes, field-path errors, zero allocation.</summary>
public sealed class InputLineParserTests
{
    private const string Collisions = """
        {"specversion":"1.0","id":"e-1","source":"/step/crash-predictor/rsu-7","type":"step.crash_prediction.station_collisions.v1",
         "time":"2026-11-28T07:00:00.250Z","datacontenttype":"application/json","stepextension":"x",
         "data":{"collisions":[
           {"stationIds":[1001,1002],"risk":"crossing","position":{"latitude":48.1371,"longitude":11.5754,"altitude":519.5},
            "probability":0.82,"timeToCollisionMs":1800,"validityDurationS":3,"detectionTime":"2026-11-28T07:00:00.200Z"},
           {"stationIds":[7,8,9],"risk":"pedestrian","position":{"latitude":-33.9,"longitude":-151.2}}]}}
        """;

    [Fact]
    public void Parse_StationCollisions_ReadsEveryField()
    {
        var parser = new InputLineParser();

        parser.Parse(Utf8(Collisions));

        Assert.Equal(InputKind.StationCollisions, parser.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T07:00:00.250Z"), parser.Time);
        Assert.Equal(2, parser.CollisionCount);
        var first = parser.Collisions[0];
        Assert.Equal([1001u, 1002u], first.StationIds.AsSpan().ToArray());
        Assert.Equal(CollisionRisk.Crossing, first.Risk);
        Assert.Equal(48.1371, first.LatitudeDeg);
        Assert.Equal(11.5754, first.LongitudeDeg);
        Assert.Equal(519.5, first.AltitudeM);
        Assert.Equal(0.82, first.Probability);
        Assert.Equal(1800, first.TimeToCollisionMs);
        Assert.Equal(3, first.ValidityDurationS);
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T07:00:00.200Z"), first.DetectionTime);
        var second = parser.Collisions[1];
        Assert.Equal(CollisionRisk.Pedestrian, second.Risk);
        Assert.Null(second.AltitudeM);
        Assert.Null(second.Probability);
        Assert.Equal(parser.Time, second.DetectionTime);
    }

    [Fact]
    public void Parse_DataBeforeType_IsParsedByTheLaterType()
    {
        var parser = new InputLineParser();

        parser.Parse(Utf8("""
            {"data":{"actionId":{"originatingStationId":4242,"sequenceNumber":65535}},"time":"2026-11-28T07:00:01+01:00",
             "type":"step.den.termination.v1","source":"ops","id":"t-1","specversion":"1.0"}
            """));

        Assert.Equal(InputKind.Termination, parser.Kind);
        Assert.Equal(new ActionId(4242, 65535), parser.Termination.ActionId);
        Assert.Equal(parser.Time, parser.Termination.DetectionTime);
    }

    [Fact]
    public void Parse_TerminationByEventKey_ReadsStationIdsAndRisk()
    {
        var parser = new InputLineParser();

        parser.Parse(Utf8(Event("step.den.termination.v1",
            """{"stationIds":[3,4],"risk":"lateral","detectionTime":"2026-11-28T07:00:05Z"}""")));

        Assert.Null(parser.Termination.ActionId);
        Assert.Equal([3u, 4u], parser.Termination.StationIds.AsSpan().ToArray());
        Assert.Equal(CollisionRisk.Lateral, parser.Termination.Risk);
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T07:00:05Z"), parser.Termination.DetectionTime);
    }

    [Fact]
    public void Parse_ReceivedDenmLine_DecodesHex()
    {
        var parser = new InputLineParser();

        parser.Parse(Utf8("""{"uper": "0201Ab00ff"}"""));

        Assert.Equal(InputKind.ReceivedDenm, parser.Kind);
        Assert.Equal(new byte[] { 0x02, 0x01, 0xab, 0x00, 0xff }, parser.Uper.ToArray());
    }

    [Theory]
    [InlineData("""{"stationIds":[1],"risk":"crossing","position":{"latitude":1,"longitude":2}}""",
        "data.collisions[0].stationIds: 1 item, need 2..16")]
    [InlineData("""{"stationIds":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17],"risk":"crossing","position":{"latitude":1,"longitude":2}}""",
        "data.collisions[0].stationIds: 17 items, need 2..16")]
    [InlineData("""{"stationIds":[1,1],"risk":"crossing","position":{"latitude":1,"longitude":2}}""",
        "data.collisions[0].stationIds[1]: 1 is listed twice; station IDs must be distinct")]
    [InlineData("""{"stationIds":[1,4294967296],"risk":"crossing","position":{"latitude":1,"longitude":2}}""",
        "data.collisions[0].stationIds[1]: 4294967296 is not a station ID (an integer 0..4294967295)")]
    [InlineData("""{"stationIds":[1,2],"risk":"rearEnd","position":{"latitude":1,"longitude":2}}""",
        "data.collisions[0].risk: \"rearEnd\" is not a risk")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing","position":{"latitude":91,"longitude":2}}""",
        "data.collisions[0].position.latitude: 91 is outside -90..90")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing","position":{"latitude":1}}""",
        "data.collisions[0].position.longitude: required")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing"}""", "data.collisions[0].position: required")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing","position":{"latitude":1,"longitude":2},"probability":1.5}""",
        "data.collisions[0].probability: 1.5 is outside 0..1")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing","position":{"latitude":1,"longitude":2},"timeToCollisionMs":-1}""",
        "data.collisions[0].timeToCollisionMs: -1 is below the minimum 0")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing","position":{"latitude":1,"longitude":2},"validityDurationS":86401}""",
        "data.collisions[0].validityDurationS: 86401 is above the maximum 86400")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing","position":{"latitude":1,"longitude":2},"detectionTime":"yesterday"}""",
        "data.collisions[0].detectionTime: \"yesterday\" is not an RFC 3339 date-time")]
    [InlineData("""{"stationIds":[1,2],"risk":"crossing","position":{"latitude":1,"longitude":2},"speed":3}""",
        "data.collisions[0].speed: unknown key")]
    public void Parse_BadCollisionItem_NamesFieldPathAndRule(string item, string expected) =>
        AssertError(Event("step.crash_prediction.station_collisions.v1", $$"""{"collisions":[{{item}}]}"""), expected);

    [Theory]
    [InlineData("""{"collisions":[]}""", "data.collisions: 0 items, need 1..256")]
    [InlineData("""{}""", "data.collisions: required")]
    [InlineData("""{"collisions":[],"extra":1}""", "data.collisions: 0 items, need 1..256")]
    [InlineData("""{"extra":1}""", "data.extra: unknown key")]
    public void Parse_BadCollisionsData_NamesFieldPath(string data, string expected) =>
        AssertError(Event("step.crash_prediction.station_collisions.v1", data), expected);

    [Fact]
    public void Parse_MoreThan256Collisions_ReportsTheCount()
    {
        var item = """{"stationIds":[1,2],"risk":"crossing","position":{"latitude":1,"longitude":2}}""";
        var data = $$"""{"collisions":[{{string.Join(',', Enumerable.Repeat(item, 257))}}]}""";

        AssertError(Event("step.crash_prediction.station_collisions.v1", data), "data.collisions: 257 items, need 1..256");
    }

    [Theory]
    [InlineData("""{"actionId":{"originatingStationId":1,"sequenceNumber":1},"stationIds":[1,2],"risk":"crossing"}""",
        "data: needs either actionId or stationIds + risk (the event key), not both")]
    [InlineData("""{}""", "data: needs either actionId or stationIds + risk (the event key), not both")]
    [InlineData("""{"stationIds":[1,2]}""", "data.risk: required together with stationIds")]
    [InlineData("""{"actionId":{"originatingStationId":1,"sequenceNumber":65536}}""",
        "data.actionId.sequenceNumber: 65536 is above the maximum 65535")]
    [InlineData("""{"actionId":{"originatingStationId":1}}""", "data.actionId.sequenceNumber: required")]
    public void Parse_BadTermination_NamesFieldPathAndRule(string data, string expected) =>
        AssertError(Event("step.den.termination.v1", data), expected);

    [Theory]
    [InlineData("""{"specversion":"0.3","id":"1","source":"s","type":"step.den.termination.v1","time":"2026-11-28T07:00:00Z","data":{}}""",
        "specversion: must be \"1.0\" (CloudEvents 1.0)")]
    [InlineData("""{"specversion":"1.0","source":"s","type":"step.den.termination.v1","time":"2026-11-28T07:00:00Z","data":{}}""",
        "id: required CloudEvents attribute is missing")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"step.cam.v1","time":"2026-11-28T07:00:00Z","data":{}}""",
        "type: \"step.cam.v1\" is not an accepted event type")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"step.den.termination.v1","time":"2026-11-28","data":{}}""",
        "time: \"2026-11-28\" is not an RFC 3339 date-time")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"step.den.termination.v1","time":"2026-11-28T07:00:00Z","data":[]}""",
        "data: must be a JSON object")]
    [InlineData("""{"specversion":"1.0","id":"","source":"s","type":"step.den.termination.v1","time":"2026-11-28T07:00:00Z","data":{}}""",
        "id: must be a non-empty string")]
    [InlineData("""[1,2]""", "$: expected a JSON object")]
    [InlineData("""{"specversion":"1.0",""", "$: not valid JSON")]
    [InlineData("""{"uper":"0a0"}""", "uper: 3 hex digits; need an even, non-zero count (whole bytes)")]
    [InlineData("""{"uper":"0g"}""", "uper: character 1 is not a hex digit")]
    [InlineData("""{"uper":"00","extra":1}""", "extra: unknown key; a received DENM line holds only \"uper\"")]
    [InlineData("""{"uper":"00"} {"b":2}""", "$: not valid JSON")]
    public void Parse_BadEnvelope_NamesAttributeAndRule(string line, string expected) =>
        AssertError(line, expected);

    [Fact]
    public void Parse_ValidLines_AllocateNothingAfterWarmUp()
    {
        var parser = new InputLineParser();
        byte[][] lines =
        [
            Utf8(Collisions),
            Utf8(Event("step.den.termination.v1", """{"actionId":{"originatingStationId":1,"sequenceNumber":2}}""")),
            Utf8("""{"uper": "0201ab00ff"}"""),
        ];
        var (allocated, _) = SteadyStateAllocations.Measure(() =>
        {
            for (var repeat = 0; repeat < 1000; repeat++)
            {
                foreach (var line in lines)
                {
                    parser.Parse(line);
                }
            }
        });

        Assert.Equal(0, allocated);
    }

    private static string Event(string type, string data) =>
        $$"""{"specversion":"1.0","id":"x-1","source":"/test","type":"{{type}}","time":"2026-11-28T07:00:00Z","data":{{data}}}""";

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings(" "));

    private static void AssertError(string line, string expected)
    {
        var error = Assert.Throws<InputFormatException>(() => new InputLineParser().Parse(Utf8(line)));
        Assert.StartsWith(expected, $"{error.Path}: {error.Reason}", StringComparison.Ordinal);
    }
}
