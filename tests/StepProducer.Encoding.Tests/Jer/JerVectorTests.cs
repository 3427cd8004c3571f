using System.Buffers;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Jer;
using StepProducer.Encoding.Tests.Support;
using StepProducer.TestSupport;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>
/// Every golden vector through the JER mirror: UPER → model → JER → model → UPER is the identity, the JER of
/// the decoded model equals the JER of the model built from the vector's fields, and for a few vectors the JER
/// text equals one written by hand (<see cref="JerExpectedTexts"/>).
/// </summary>
public class JerVectorTests
{
    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        foreach (var vector in DenmVector.All)
        {
            names.Add(vector.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void UperToJerToUper_IsIdentity(string name)
    {
        var vector = DenmVector.Named(name);
        var uper = Convert.FromHexString(vector.UperHex);
        var output = new ArrayBufferWriter<byte>();
        string jer;
        if (vector.AsnVersion == "v1")
        {
            jer = JerText.Write(DenmV1Codec.Decode(uper));
            Assert.Equal(JerText.Write(vector.ToV1()), jer);
            DenmV1Codec.Encode(JerCodec.ReadV1(JerText.Utf8(jer)), output);
        }
        else
        {
            jer = JerText.Write(DenmV2Codec.Decode(uper));
            Assert.Equal(JerText.Write(vector.ToV2()), jer);
            DenmV2Codec.Encode(JerCodec.ReadV2(JerText.Utf8(jer)), output);
        }

        Assert.Equal(vector.UperHex, Convert.ToHexStringLower(output.WrittenSpan));
    }

    [Theory]
    [InlineData("v1_cancellation", JerExpectedTexts.V1Cancellation)]
    [InlineData("typical_collisionRisk_sub2_trace10", JerExpectedTexts.V1Typical)]
    public void V1Vector_HasTheHandWrittenJer_AndItEncodesToTheVector(string name, string expectedJer)
    {
        var vector = DenmVector.Named(name);
        Assert.Equal(expectedJer, JerText.Write(DenmV1Codec.Decode(Convert.FromHexString(vector.UperHex))));

        var output = new ArrayBufferWriter<byte>();
        DenmV1Codec.Encode(JerCodec.ReadV1(JerText.Utf8(expectedJer)), output);
        Assert.Equal(vector.UperHex, Convert.ToHexStringLower(output.WrittenSpan));
    }

    [Fact]
    public void V2Vector_HasTheHandWrittenJer_AndItEncodesToTheVector()
    {
        var vector = DenmVector.Named("v2_new_collisionRisk_sub4_situation_location");
        Assert.Equal(JerExpectedTexts.V2CollisionRiskSub4, JerText.Write(DenmV2Codec.Decode(Convert.FromHexString(vector.UperHex))));

        var output = new ArrayBufferWriter<byte>();
        DenmV2Codec.Encode(JerCodec.ReadV2(JerText.Utf8(JerExpectedTexts.V2CollisionRiskSub4)), output);
        Assert.Equal(vector.UperHex, Convert.ToHexStringLower(output.WrittenSpan));
    }

    [Fact]
    public void PooledWriter_AfterWarmUp_AllocatesNothingPerDenm()
    {
        // Many writes per round, so a per-write allocation of even one byte would show; the warm-up round lets the
        // buffer grow to the DENM's size and the JIT finish tiering first.
        const int writesPerRound = 10_000;
        var typical = DenmV1Codec.Decode(Convert.FromHexString(DenmVector.Typical.UperHex));
        var v2 = DenmV2Codec.Decode(Convert.FromHexString(DenmVector.Named("v2_new_collisionRisk_sub4_situation_location").UperHex));
        using var writer = new JerPooledWriter();
        var length = 0;
        var (allocated, rounds) = SteadyStateAllocations.Measure(() =>
        {
            for (var i = 0; i < writesPerRound; i++)
            {
                length += writer.Write(typical).Length + writer.Write(v2).Length;
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(rounds * writesPerRound * (JerExpectedTexts.V1Typical.Length + JerExpectedTexts.V2CollisionRiskSub4.Length), length);
    }

    [Fact]
    public void OmittedExtensionGroups_NamesRawGroups_AndTheJerLeavesThemOut()
    {
        var denm = DenmV2Codec.Decode(Convert.FromHexString(DenmVector.Named("v2_new_collisionRisk_sub4_situation_location").UperHex));
        Assert.Empty(JerCodec.OmittedExtensionGroups(denm));

        denm.Payload.Location!.ExtensionGroupV22Raw = [0x00];
        denm.Payload.Alacarte = new Denm.V2.AlacarteContainer { ExtensionGroupV22Raw = [0x00] };
        var omitted = JerCodec.OmittedExtensionGroups(denm);
        Assert.Equal(2, omitted.Count);
        Assert.StartsWith("denm.location: extension addition group [[lanePositions", omitted[0]);
        Assert.StartsWith("denm.alacarte: extension addition group [[roadConfiguration, preCrash]]", omitted[1]);
        Assert.EndsWith(",\"alacarte\":{}}}", JerText.Write(denm));
        Assert.Contains("\"detectionZonesToEventPosition\":[[{\"pathPosition\":{\"deltaLatitude\":-50,\"deltaLongitude\":40,\"deltaAltitude\":-10}}]]}", JerText.Write(denm));
    }
}
