using StepProducer.TestSupport;

namespace StepProducer.Host.Tests.DenmTool;

/// <summary><c>step_producer denm encode|decode</c> as a real child process of the built <c>step_producer</c>.</summary>
public class DenmToolProcessTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task DecodeArguments_ThenEncodeStdin_GivesEveryVectorBack(string version)
    {
        var hexes = DenmToolVector.All.Where(vector => vector.Version == version).Select(vector => vector.UperHex).ToList();

        var decoded = await StepProducerProcess.RunAsync(["denm", "decode", "--asn1", version, .. hexes]);
        Assert.Equal((0, ""), (decoded.ExitCode, decoded.StandardError));
        Assert.Equal(hexes.Count, decoded.StandardOutputLines.Length);
        Assert.All(decoded.StandardOutputLines, line => Assert.StartsWith("{\"header\":", line));

        var encoded = await StepProducerProcess.RunAsync(["denm", "encode", "--asn1", version], decoded.StandardOutput);
        Assert.Equal((0, ""), (encoded.ExitCode, encoded.StandardError));
        Assert.Equal(hexes, encoded.StandardOutputLines);
    }

    [Fact]
    public async Task Encode_V1Jer_GivesUperThatTsharkDissectsWithoutError()
    {
        var hexes = DenmToolVector.All.Where(vector => vector.Version == "v1").Select(vector => vector.UperHex).ToList();
        var jer = await StepProducerProcess.RunAsync(["denm", "decode", "--asn1", "v1"], string.Join('\n', hexes) + "\n");
        var encoded = await StepProducerProcess.RunAsync(["denm", "encode", "--asn1", "v1"], jer.StandardOutput);
        Assert.Equal(0, encoded.ExitCode);

        var dissected = await DenmDissect.RunAsync(encoded.StandardOutputLines);
        Assert.True(dissected.ExitCode == 0, dissected.StandardError);
    }

    [Fact]
    public async Task Decode_BadLineOnStdin_PrintsErrorGoesOnAndExitsOne()
    {
        var good = DenmToolVector.Named("v1_cancellation").UperHex;
        var result = await StepProducerProcess.RunAsync(["denm", "decode", "--asn1", "v1"], $"{good}\n0g\n{good}\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.StandardOutputLines.Length);
        Assert.Equal("error: 2: DENM: '0g' is not hexadecimal\n", result.StandardError);
    }

    [Fact]
    public async Task Encode_OutOfRangeValue_NamesTheFieldAndExitsOne()
    {
        var good = DenmToolVector.Named("v2_new_collisionRisk_sub4_situation_location").UperHex;
        var jer = (await StepProducerProcess.RunAsync(["denm", "decode", good])).StandardOutput.Trim();
        var result = await StepProducerProcess.RunAsync(["denm", "encode"], jer.Replace("\"stationType\":5", "\"stationType\":300") + "\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        Assert.Equal("error: 1: denm.management.stationType: 300 outside 0..255\n", result.StandardError);
    }

    [Fact]
    public async Task UnknownSubcommand_ExitsTwo()
    {
        var result = await StepProducerProcess.RunAsync(["denm", "recode"]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("step_producer denm: unknown command 'recode'", result.StandardError);
    }
}
