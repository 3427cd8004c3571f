using CsCheck;
using StepProducer.Encoding.Tests.Generators;
using StepProducer.Encoding.Tests.Support;
using StepProducer.TestSupport;

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
}
