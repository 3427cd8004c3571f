using CsCheck;
using StepProducer.Encoding.Tests.Generators;
using StepProducer.Encoding.Tests.Support;
using StepProducer.TestSupport;
using V1 = StepProducer.Encoding.Denm.V1;

namespace StepProducer.Encoding.Tests.DenmCodec;

/// <summary>
/// The independent oracle: tshark 4.0's ETSI ITS dissector (tests/oracle/denm-dissect) decodes the codec's
/// bytes for random DENMs in the EN 302 637-3 v1.3.1 root layout, with no malformed item, and shows the
/// model's values. One batched tshark run per test keeps it fast.
/// </summary>
public class TsharkOracleTests
{
    // 100 random DENMs of each version per run: enough to cross every optional component many times.
    private const int MessagesPerVersion = 100;

    // Field values are compared for the first 25 of each version: the JSON dissection is the slow part.
    private const int ComparedPerVersion = 25;

    [Fact]
    public async Task RandomDenmsOfBothVersions_DissectWithNoError()
    {
        var hex = new List<string>();
        foreach (var denm in DenmGenerators.V1DenmRoot.Array[MessagesPerVersion].Single())
        {
            hex.Add(Convert.ToHexStringLower(RoundTripPropertyTests.Encode(denm)));
        }

        foreach (var denm in DenmGenerators.V2DenmRoot.Array[MessagesPerVersion].Single())
        {
            hex.Add(Convert.ToHexStringLower(RoundTripPropertyTests.Encode(denm)));
        }

        var result = await DenmDissect.RunAsync(hex);

        Assert.True(result.ExitCode == 0, $"denm-dissect exit {result.ExitCode}:\n{result.StandardError}");
    }

    [Fact]
    public async Task RandomDenmsOfBothVersions_TsharkShowsTheModelValues()
    {
        var v1 = DenmGenerators.V1DenmRoot.Array[ComparedPerVersion].Single();
        var v2 = DenmGenerators.V2DenmRoot.Array[ComparedPerVersion].Single();
        var expected = new List<List<KeyValuePair<string, string>>>();
        var hex = new List<string>();
        foreach (var denm in v1)
        {
            expected.Add(TsharkExpectedFields.Of(denm));
            hex.Add(Convert.ToHexStringLower(RoundTripPropertyTests.Encode(denm)));
        }

        foreach (var denm in v2)
        {
            expected.Add(TsharkExpectedFields.Of(denm));
            hex.Add(Convert.ToHexStringLower(RoundTripPropertyTests.Encode(denm)));
        }

        var dissected = await DenmDissect.DecodeFieldsAsync(hex);

        Assert.Equal(hex.Count, dissected.Count);
        for (var index = 0; index < hex.Count; index++)
        {
            var shown = dissected[index].Where(field => TsharkExpectedFields.Names.Contains(field.Key)).Take(expected[index].Count).ToList();
            Assert.True(expected[index].SequenceEqual(shown), $"message {index} ({hex[index]}):\nexpected {string.Join(", ", expected[index])}\ntshark   {string.Join(", ", shown)}");
        }
    }

    [Fact]
    public async Task DenmsAtEveryBoundOfTheGoldenRows_TsharkShowsTheBounds()
    {
        // The golden rows' bounds of the header, management, situation and location integers, all at their
        // minimum in one DENM and all at their maximum in the other.
        var lowest = Boundary(minimum: true);
        var highest = Boundary(minimum: false);
        var hex = new[] { lowest, highest }.Select(denm => Convert.ToHexStringLower(RoundTripPropertyTests.Encode(denm))).ToList();

        var dissected = await DenmDissect.DecodeFieldsAsync(hex);

        Assert.Equal(TsharkExpectedFields.Of(lowest), dissected[0].Where(field => TsharkExpectedFields.Names.Contains(field.Key)).Take(TsharkExpectedFields.Of(lowest).Count));
        Assert.Equal(TsharkExpectedFields.Of(highest), dissected[1].Where(field => TsharkExpectedFields.Names.Contains(field.Key)).Take(TsharkExpectedFields.Of(highest).Count));
    }

    private static V1.Denm Boundary(bool minimum)
    {
        int Pick(int low, int high) => minimum ? low : high;
        var denm = DenmVector.Typical.ToV1();
        var management = denm.Payload.Management;
        denm.Header = denm.Header with { StationID = minimum ? 0 : uint.MaxValue };
        management.ActionID = new V1.ActionID { OriginatingStationID = minimum ? 0 : uint.MaxValue, SequenceNumber = Pick(0, 65_535) };
        management.DetectionTime = minimum ? 0 : Encoding.Its.ItsTimestamp.MaxValue;
        management.ReferenceTime = minimum ? 0 : Encoding.Its.ItsTimestamp.MaxValue;
        management.EventPosition = new Encoding.Its.ReferencePosition
        {
            Latitude = Pick(-900_000_000, 900_000_001),
            Longitude = Pick(-1_800_000_000, 1_800_000_001),
            PositionConfidenceEllipse = new Encoding.Its.PosConfidenceEllipse { SemiMajorConfidence = Pick(0, 4095), SemiMinorConfidence = Pick(0, 4095), SemiMajorOrientation = Pick(0, 3601) },
            Altitude = new Encoding.Its.Altitude { AltitudeValue = Pick(-100_000, 800_001), AltitudeConfidence = (Encoding.Its.AltitudeConfidence)Pick(0, 15) },
        };
        management.ValidityDuration = Pick(0, 86_400);
        management.TransmissionInterval = Pick(1, 10_000);
        management.StationType = Pick(0, 255);
        denm.Payload.Situation = new V1.SituationContainer
        {
            InformationQuality = Pick(0, 7),
            EventType = new V1.CauseCode { CauseCodeType = Pick(0, 255), SubCauseCode = Pick(0, 255) },
            EventHistory = [new Encoding.Its.EventPoint { EventPosition = Delta(minimum), EventDeltaTime = Pick(1, 65_535), InformationQuality = Pick(0, 7) }],
        };
        denm.Payload.Location = new V1.LocationContainer
        {
            EventSpeed = new Encoding.Its.Speed { SpeedValue = Pick(0, 16_383), SpeedConfidence = Pick(1, 127) },
            EventPositionHeading = new Encoding.Its.Heading { HeadingValue = Pick(0, 3601), HeadingConfidence = Pick(1, 127) },
            Traces = [[new Encoding.Its.PathPoint { PathPosition = Delta(minimum), PathDeltaTime = Pick(1, 65_535) }]],
        };
        return denm;
    }

    private static Encoding.Its.DeltaReferencePosition Delta(bool minimum) => minimum
        ? new Encoding.Its.DeltaReferencePosition { DeltaLatitude = -131_071, DeltaLongitude = -131_071, DeltaAltitude = -12_700 }
        : new Encoding.Its.DeltaReferencePosition { DeltaLatitude = 131_072, DeltaLongitude = 131_072, DeltaAltitude = 12_800 };
}
