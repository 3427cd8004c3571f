using CsCheck;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Tests.Generators;
using StepProducer.Encoding.Tests.Support;
using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Encoding.Tests.DenmCodec;

/// <summary>Random valid DENMs of both versions: model → UPER → model is the identity, and so is UPER → model → UPER.</summary>
public class RoundTripPropertyTests
{
    // CsCheck's default is 100 iterations; 300 reaches the rarer optional combinations and stays around a second.
    private const int Iterations = 300;

    [Fact]
    public void V1_EncodeThenDecode_GivesTheSameModelAndBytes() =>
        AssertRoundTrip(DenmGenerators.V1Denm, Encode, source => DenmV1Codec.Decode(source), ModelFlattener.Flatten);

    [Fact]
    public void V2_EncodeThenDecode_GivesTheSameModelAndBytes() =>
        AssertRoundTrip(DenmGenerators.V2Denm, Encode, source => DenmV2Codec.Decode(source), ModelFlattener.Flatten);

    [Fact]
    public void V1_DecodeIntoAReusedModel_GivesTheSameModelAsIntoAFreshOne() =>
        AssertReuse(DenmGenerators.V1Denm, Encode, (source, target) => DenmV1Codec.Decode(source, target), ModelFlattener.Flatten);

    [Fact]
    public void V2_DecodeIntoAReusedModel_GivesTheSameModelAsIntoAFreshOne() =>
        AssertReuse(DenmGenerators.V2Denm, Encode, (source, target) => DenmV2Codec.Decode(source, target), ModelFlattener.Flatten);

    [Fact]
    public void V2RootLayout_EncodesLikeV1()
    {
        // Without extension additions a v2.2.1 DENM has the v1.3.1 bit layout (CauseCodeV2 = extension bit,
        // 8-bit choice index, 8-bit value, like CauseCode; Wgs84Angle like Heading): the v1 codec reads it.
        DenmGenerators.V2DenmRoot.Sample(
            denm =>
            {
                var encoded = Encode(denm);
                Assert.Equal(encoded, Encode(DenmV1Codec.Decode(encoded)));
            },
            iter: Iterations);
    }

    public static byte[] Encode(V1.Denm denm)
    {
        var buffer = new byte[DenmV1Codec.GetMaxEncodedLength(denm)];
        Assert.True(DenmV1Codec.TryEncode(denm, buffer, out var written));
        return buffer[..written];
    }

    public static byte[] Encode(V2.Denm denm)
    {
        var buffer = new byte[DenmV2Codec.GetMaxEncodedLength(denm)];
        Assert.True(DenmV2Codec.TryEncode(denm, buffer, out var written));
        return buffer[..written];
    }

    private static void AssertRoundTrip<TDenm>(
        Gen<TDenm> denms, Func<TDenm, byte[]> encode, Func<byte[], TDenm> decode, Func<TDenm, SortedDictionary<string, string>> flatten)
    {
        denms.Sample(
            denm =>
            {
                var encoded = encode(denm);
                var decoded = decode(encoded);
                Assert.Equal(flatten(denm), flatten(decoded));
                Assert.Equal(encoded, encode(decoded));
            },
            iter: Iterations);
    }

    private static void AssertReuse<TDenm>(
        Gen<TDenm> denms, Func<TDenm, byte[]> encode, Action<byte[], TDenm> decodeInto, Func<TDenm, SortedDictionary<string, string>> flatten)
        where TDenm : new()
    {
        // One model reused across all samples, so the samples run on one thread.
        var reused = new TDenm();
        denms.Sample(
            denm =>
            {
                var encoded = encode(denm);
                decodeInto(encoded, reused);
                Assert.Equal(flatten(denm), flatten(reused));
            },
            iter: Iterations,
            threads: 1);
    }
}
