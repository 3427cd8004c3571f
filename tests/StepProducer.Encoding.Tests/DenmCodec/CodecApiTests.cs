using System.Buffers;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using StepProducer.Encoding.Tests.Support;

namespace StepProducer.Encoding.Tests.DenmCodec;

/// <summary>The System.Formats.Asn1-shaped entry points: TryEncode, Encode into an IBufferWriter, the maximum length, decode.</summary>
public class CodecApiTests
{
    [Fact]
    public void TryEncode_DestinationTooSmall_ReturnsFalseAndLeavesItUntouched()
    {
        var denm = DenmVector.Typical.ToV1();
        var destination = new byte[135];
        Array.Fill(destination, (byte)0xAA);

        Assert.False(DenmV1Codec.TryEncode(denm, destination, out var written));

        Assert.Equal(0, written);
        Assert.All(destination, octet => Assert.Equal(0xAA, octet));
    }

    [Fact]
    public void TryEncode_InvalidValueLate_ThrowsAndLeavesARoomyDestinationUntouched()
    {
        // The last path point out of range: the encoding has filled several 8-octet stores before it fails. The
        // DEN service relies on the destination being untouched: after a rejected update it keeps repeating the
        // DENM already in that slot.
        var denm = DenmVector.Typical.ToV1();
        var path = denm.Payload.Location!.Traces[0];
        path[^1] = path[^1] with { PathPosition = path[^1].PathPosition with { DeltaLatitude = 131_073 } };
        var destination = new byte[1024];
        Array.Fill(destination, (byte)0xAA);

        var error = Assert.Throws<DenmEncodeException>(() => DenmV1Codec.TryEncode(denm, destination, out _));

        Assert.Equal($"location.traces[0][{path.Count - 1}].pathPosition.deltaLatitude: 131073 outside -131071..131072", error.Message);
        Assert.All(destination, octet => Assert.Equal(0xAA, octet));
    }

    [Fact]
    public void TryEncode_DestinationOfTheMaximumLength_WritesTheVector()
    {
        var vector = DenmVector.Typical;
        var denm = vector.ToV1();
        var destination = new byte[DenmV1Codec.GetMaxEncodedLength(denm)];

        Assert.True(DenmV1Codec.TryEncode(denm, destination, out var written));

        Assert.Equal(destination.Length, written);
        Assert.Equal(vector.UperHex, Convert.ToHexStringLower(destination));
    }

    [Fact]
    public void LargeDenm_BeyondTheScratch_EncodesTheSameThroughEveryEntryPoint()
    {
        // 7 traces of 40 path points with delta times: about 1.8 KB, more than the 1 KB scratch.
        var denm = DenmVector.Typical.ToV1();
        denm.Payload.Location!.Traces = Enumerable.Range(0, 7)
            .Select(trace => Enumerable.Range(0, 40).Select(point => new PathPoint { PathPosition = new DeltaReferencePosition { DeltaLatitude = point - trace }, PathDeltaTime = point + 1 }).ToList())
            .ToList();
        var length = DenmV1Codec.GetMaxEncodedLength(denm);
        var tooSmall = new byte[length - 1];
        var exact = new byte[length];
        var output = new ArrayBufferWriter<byte>(16);

        Assert.False(DenmV1Codec.TryEncode(denm, tooSmall, out _));
        Assert.All(tooSmall, octet => Assert.Equal(0, octet));
        Assert.True(DenmV1Codec.TryEncode(denm, exact, out var written));
        Assert.Equal(length, DenmV1Codec.Encode(denm, output));

        Assert.InRange(length, 1025, 4096);
        Assert.Equal(length, written);
        Assert.Equal(exact, output.WrittenSpan.ToArray());
        Assert.Equal(ModelFlattener.Flatten(denm), ModelFlattener.Flatten(DenmV1Codec.Decode(exact)));
    }

    [Fact]
    public void Encode_IntoABufferWriter_AppendsAfterWhatIsThere()
    {
        var vector = DenmVector.Named("v2_new_collisionRisk_sub4_situation_location");
        var output = new ArrayBufferWriter<byte>();
        output.Write<byte>([0xFF]);

        var written = DenmV2Codec.Encode(vector.ToV2(), output);

        Assert.Equal(vector.UperHex.Length / 2, written);
        Assert.Equal("ff" + vector.UperHex, Convert.ToHexStringLower(output.WrittenSpan));
    }

    [Fact]
    public void ValidityDuration_DefaultIsOmittedOnEncode_AndAbsentDecodesAs600()
    {
        var denm = DenmVector.Named("v1_new_management_only").ToV1();
        var withDefault = RoundTripPropertyTests.Encode(denm);
        denm.Payload.Management.ValidityDuration = 601;
        var withValue = RoundTripPropertyTests.Encode(denm);

        // 17 bits of validityDuration (0..86400) make the difference: 40 octets against 43.
        Assert.Equal(40, withDefault.Length);
        Assert.Equal(43, withValue.Length);
        Assert.Equal(600, DenmV1Codec.Decode(withDefault).Payload.Management.ValidityDuration);
    }
}
