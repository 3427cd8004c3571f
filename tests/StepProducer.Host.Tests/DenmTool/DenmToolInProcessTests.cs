using System.Buffers;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V2;
using StepProducer.Host.DenmTool;

namespace StepProducer.Host.Tests.DenmTool;

/// <summary><c>step_producer denm encode|decode</c> run in-process through <see cref="DenmCommand.Run"/>.</summary>
public class DenmToolInProcessTests
{
    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        foreach (var vector in DenmToolVector.All)
        {
            names.Add(vector.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void DecodeThenEncode_Vector_GivesTheSameHex(string name)
    {
        var vector = DenmToolVector.Named(name);
        var decoded = Run(["decode", "--asn1", vector.Version, vector.UperHex]);
        Assert.Equal((0, ""), (decoded.ExitCode, decoded.Error));
        var jer = Assert.Single(decoded.OutputLines);
        Assert.StartsWith("{\"header\":{\"protocolVersion\":2,", jer);

        var encoded = Run(["encode", $"--asn1={vector.Version}"], jer + "\n");
        Assert.Equal((0, ""), (encoded.ExitCode, encoded.Error));
        Assert.Equal(vector.UperHex, Assert.Single(encoded.OutputLines));
    }

    [Fact]
    public void Decode_WithoutAsn1Option_ReadsV2()
    {
        var vector = DenmToolVector.Named("v2_new_collisionRisk_sub4_situation_location");
        var decoded = Run(["decode", vector.UperHex]);
        Assert.Equal(0, decoded.ExitCode);
        Assert.Contains("\"eventType\":{\"ccAndScc\":{\"collisionRisk97\":4}}", Assert.Single(decoded.OutputLines));
    }

    [Fact]
    public void Decode_V2WithRawExtensionGroups_SaysOnStderrThatTheJerLeavesThemOut()
    {
        var vector = DenmToolVector.Named("v2_new_collisionRisk_sub4_situation_location");
        var denm = DenmV2Codec.Decode(Convert.FromHexString(vector.UperHex));

        // The codec keeps each group's open-type octets without reading them; any octets stand for a group here.
        denm.Payload.Location!.ExtensionGroupV22Raw = [0x5a, 0xa5];
        denm.Payload.Alacarte = new AlacarteContainer { ExternalTemperature = 20, ExtensionGroupV22Raw = [0x01] };
        var output = new ArrayBufferWriter<byte>();
        DenmV2Codec.Encode(denm, output);

        var result = Run(["decode", Convert.ToHexStringLower(output.WrittenSpan)]);
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("\"alacarte\":{\"externalTemperature\":20}}}", Assert.Single(result.OutputLines));
        Assert.Equal(2, result.ErrorLines.Length);
        Assert.StartsWith("note: 1: denm.location: extension addition group [[lanePositions,", result.ErrorLines[0]);
        Assert.StartsWith("note: 1: denm.alacarte: extension addition group [[roadConfiguration, preCrash]]", result.ErrorLines[1]);
    }

    [Fact]
    public void Decode_StdinWithBadLines_ReportsEachAndGoesOn()
    {
        var good = DenmToolVector.Named("v1_cancellation").UperHex;
        var input = $"{good}\nzz\n\n{good[..^2]}\n{good}\n";
        var result = Run(["decode", "--asn1", "v1"], input);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Length);
        var errors = result.ErrorLines;
        Assert.Equal(2, errors.Length);
        Assert.Equal("error: 2: DENM: 'zz' is not hexadecimal", errors[0]);

        // Line 3 is empty and skipped, but still counted; line 4 lost its last octet, which held the end of
        // stationType. The codec's decode error is named from the PDU, like a JER error.
        Assert.StartsWith("error: 4: denm.management.stationType: ", errors[1]);
        Assert.EndsWith("(at bit 313)", errors[1]);
    }

    [Fact]
    public void Decode_V2HeaderWithProtocolVersion1_NamesTheHeaderField()
    {
        var hex = "01" + DenmToolVector.Named("v2_new_collisionRisk_sub4_situation_location").UperHex[2..];
        var result = Run(["decode", hex]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: 1: header.protocolVersion: 1 ", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Decode_OddNumberOfHexDigits_IsAnError()
    {
        var result = Run(["decode", "abc"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: 1: DENM: UPER hex has an odd number of digits (3)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Encode_BadJerLines_NameLineFieldAndRule()
    {
        var vector = DenmToolVector.Named("v1_cancellation");
        var jer = Assert.Single(Run(["decode", "--asn1", "v1", vector.UperHex]).OutputLines);
        var input = string.Join('\n',
            jer,
            jer.Replace("\"latitude\":488566140", "\"latitude\":900000002"),
            "{\"header\":",
            jer.Replace("\"isCancellation\"", "\"isCanceled\""),
            "[]") + "\n";
        var result = Run(["encode", "--asn1", "v1"], input);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(vector.UperHex, Assert.Single(result.OutputLines));
        Assert.Equal(
            [
                "error: 2: denm.management.eventPosition.latitude: 900000002 outside -900000000..900000001",
                "error: 3: header: malformed JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 10.",
                "error: 4: denm.management.termination: 'isCanceled' is not an identifier of Termination",
                "error: 5: DENM: expected a SEQUENCE (JSON object), found an array",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void Encode_V1JerAsV2_NamesTheV1Key()
    {
        var jer = Assert.Single(Run(["decode", "--asn1", "v1", DenmToolVector.Named("v1_cancellation").UperHex]).OutputLines);
        var result = Run(["encode"], jer + "\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: 1: header: unknown key 'messageID'", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData(new string[0], "missing command 'decode' or 'encode'")]
    [InlineData(new[] { "transcode" }, "unknown command 'transcode'")]
    [InlineData(new[] { "decode", "--asn1", "v3" }, "--asn1 must be v1 or v2, not 'v3'")]
    [InlineData(new[] { "decode", "--asn1" }, "--asn1 needs a value: v1 or v2")]
    [InlineData(new[] { "decode", "--hex" }, "unknown option '--hex'")]
    [InlineData(new[] { "encode", "0201" }, "encode reads JER from stdin and takes no argument '0201'")]
    public void BadArguments_ExitWithUsage(string[] args, string message)
    {
        var result = Run(args);
        Assert.Equal(DenmCommand.ExitUsage, result.ExitCode);
        Assert.Equal($"step_producer denm: {message}", result.ErrorLines[0]);
        Assert.Contains("usage: step_producer denm decode", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Help_PrintsUsageAndSucceeds()
    {
        var result = Run(["--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("usage: step_producer denm decode [--asn1 v1|v2] [HEX...]", result.Output);
    }

    private static ToolRun Run(string[] args, string input = "")
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = DenmCommand.Run(args, stdin, stdout, stderr);
        return new ToolRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    private sealed record ToolRun(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
