using System.Text.Json;
using StepProducer.Den;

namespace StepProducer.Den.Tests;

public class DenOptionsTests
{
    [Fact]
    public void Default_IsValidAndHasTheDocumentedValues()
    {
        var options = DenOptions.Default;

        Assert.Empty(options.Validate());
        Assert.Equal(Asn1Version.V2, options.Asn1);
        Assert.Equal(5, options.LeapSeconds);
        Assert.Equal(2, options.ValidityDurationS);
        Assert.Null(options.TerminationValidityS);
        Assert.Equal(0, options.RepetitionIntervalMs);
        Assert.Equal(OnExpiryAction.Cancel, options.OnExpiry);
        Assert.Equal(OnShutdownAction.Keep, options.OnShutdown);
        Assert.Equal(100, options.MinUpdateIntervalMs);
        Assert.Equal(10000, options.MaxActiveEvents);
        Assert.Equal(RelevanceDistance.LessThan100m, options.RelevanceDistance);
        Assert.Equal(RelevanceTrafficDirection.AllTrafficDirections, options.RelevanceTrafficDirection);
        Assert.Equal(10, options.CleanupIntervalMs);
        Assert.Equal(500, options.MaxFutureSkewMs);
    }

    [Fact]
    public void Deserialize_ConfigSection_ReadsCamelCaseKeysAndAsn1StyleEnums()
    {
        const string json = """
            {
              "stationId": 4242, "asn1": "v1", "leapSeconds": 5, "validityDurationS": 3, "terminationValidityS": 1,
              "repetitionIntervalMs": 100, "repetitionDurationMs": 1000, "repeatTerminations": true,
              "onExpiry": "drop", "onShutdown": "cancel", "cancelAfterSilenceMs": 500, "minUpdateIntervalMs": 50, "maxActiveEvents": 20,
              "relevanceDistance": "lessThan200m", "relevanceTrafficDirection": "oppositeTraffic",
              "cleanupIntervalMs": 20, "maxFutureSkewMs": 250
            }
            """;

        var options = JsonSerializer.Deserialize(json, DenJsonContext.Default.DenOptions)!;

        Assert.Equal(new DenOptions
        {
            StationId = 4242,
            Asn1 = Asn1Version.V1,
            ValidityDurationS = 3,
            TerminationValidityS = 1,
            RepetitionIntervalMs = 100,
            RepetitionDurationMs = 1000,
            RepeatTerminations = true,
            OnExpiry = OnExpiryAction.Drop,
            OnShutdown = OnShutdownAction.Cancel,
            CancelAfterSilenceMs = 500,
            MinUpdateIntervalMs = 50,
            MaxActiveEvents = 20,
            RelevanceDistance = RelevanceDistance.LessThan200m,
            RelevanceTrafficDirection = RelevanceTrafficDirection.OppositeTraffic,
            CleanupIntervalMs = 20,
            MaxFutureSkewMs = 250,
        }, options);
    }

    [Fact]
    public void Serialize_Enums_WritesTheAsn1Identifiers()
    {
        var json = JsonSerializer.Serialize(DenOptions.Default, DenJsonContext.Default.DenOptions);

        Assert.Contains("\"asn1\":\"v2\"", json);
        Assert.Contains("\"onExpiry\":\"cancel\"", json);
        Assert.Contains("\"onShutdown\":\"keep\"", json);
        Assert.Contains("\"relevanceDistance\":\"lessThan100m\"", json);
        Assert.Contains("\"relevanceTrafficDirection\":\"allTrafficDirections\"", json);
    }

    [Theory]
    [InlineData("""{"asn1":"v3"}""")]
    [InlineData("""{"onExpiry":"explode"}""")]
    [InlineData("""{"onShutdown":"drop"}""")]
    [InlineData("""{"validityDurationSeconds":2}""")]
    public void Deserialize_UnknownValueOrKey_Throws(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, DenJsonContext.Default.DenOptions));

    public static TheoryData<DenOptions, string> InvalidOptions => new()
    {
        { new DenOptions { MinUpdateIntervalMs = -1 }, "den.minUpdateIntervalMs: -1 is outside 0..86400000" },
        { new DenOptions { ValidityDurationS = 0 }, "den.validityDurationS: 0 is outside 1..86400" },
        { new DenOptions { ValidityDurationS = 86401 }, "den.validityDurationS: 86401 is outside 1..86400" },
        { new DenOptions { TerminationValidityS = -5 }, "den.terminationValidityS: -5 is outside 0..86400" },
        { new DenOptions { RepetitionIntervalMs = 10001 }, "den.repetitionIntervalMs: 10001 is outside 1..10000" },
        { new DenOptions { RepetitionIntervalMs = 5 }, "den.repetitionIntervalMs: 5 is shorter than den.cleanupIntervalMs (10), the timer resolution" },
        { new DenOptions { MaxActiveEvents = 0 }, "den.maxActiveEvents: 0 is outside 1..65536" },
        { new DenOptions { MaxActiveEvents = 70000 }, "den.maxActiveEvents: 70000 is outside 1..65536" },
        { new DenOptions { CleanupIntervalMs = 0 }, "den.cleanupIntervalMs: 0 is outside 1..1000" },
        { new DenOptions { LeapSeconds = -1 }, "den.leapSeconds: -1 is outside 0..100" },
        { new DenOptions { OnExpiry = (OnExpiryAction)7 }, "den.onExpiry: 7 is not one of cancel, drop" },
        { new DenOptions { OnShutdown = (OnShutdownAction)2 }, "den.onShutdown: 2 is not one of keep, cancel" },
        { new DenOptions { RelevanceDistance = (RelevanceDistance)8 }, "den.relevanceDistance: 8 is not a RelevanceDistance value (0..7)" },
        { new DenOptions { MaxFutureSkewMs = -1 }, "den.maxFutureSkewMs: -1 is outside 0..86400000" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidKey_NamesTheKeyAndTheRule(DenOptions options, string expected)
    {
        Assert.Equal([expected], options.Validate());
        var exception = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);
        Assert.Contains(expected, exception.Message);
    }
}
