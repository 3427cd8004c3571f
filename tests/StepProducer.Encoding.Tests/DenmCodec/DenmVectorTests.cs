using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;
using System.Buffers;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Tests.Support;

namespace StepProducer.Encoding.Tests.DenmCodec;

/// <summary>
/// Every golden vector, both ways and bit-exact: fields → model → UPER equals uper_hex, and uper_hex → model
/// gives the vector's field values. The typical DENM (typical_denm.json, 136 octets) is one of them.
/// </summary>
public class DenmVectorTests
{
    public static TheoryData<string> V1Vectors => Names("v1");

    public static TheoryData<string> V2Vectors => Names("v2");

    [Theory]
    [MemberData(nameof(V1Vectors))]
    public void V1_FieldsEncodeToTheVectorHex(string name)
    {
        var vector = DenmVector.Named(name);
        var output = new ArrayBufferWriter<byte>();

        DenmV1Codec.Encode(vector.ToV1(), output);

        Assert.Equal(vector.UperHex, Convert.ToHexStringLower(output.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(V1Vectors))]
    public void V1_VectorHexDecodesToTheFields(string name)
    {
        var vector = DenmVector.Named(name);

        var denm = DenmV1Codec.Decode(Convert.FromHexString(vector.UperHex));

        Assert.Equal(vector.ExpectedFlatFields(), ModelFlattener.Flatten(denm));
    }

    [Theory]
    [MemberData(nameof(V2Vectors))]
    public void V2_FieldsEncodeToTheVectorHex(string name)
    {
        var vector = DenmVector.Named(name);
        var output = new ArrayBufferWriter<byte>();

        DenmV2Codec.Encode(vector.ToV2(), output);

        Assert.Equal(vector.UperHex, Convert.ToHexStringLower(output.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(V2Vectors))]
    public void V2_VectorHexDecodesToTheFields(string name)
    {
        var vector = DenmVector.Named(name);

        var denm = DenmV2Codec.Decode(Convert.FromHexString(vector.UperHex));

        Assert.Equal(vector.ExpectedFlatFields(), ModelFlattener.Flatten(denm));
    }

    [Fact]
    public void TypicalDenm_Is136Octets()
    {
        var vector = DenmVector.Typical;

        Assert.Equal(136, DenmV1Codec.GetMaxEncodedLength(vector.ToV1()));
        Assert.Equal(136, vector.UperHex.Length / 2);
    }

    private static TheoryData<string> Names(string asnVersion)
    {
        var names = new TheoryData<string>();
        foreach (var vector in DenmVector.All)
        {
            if (vector.AsnVersion == asnVersion)
            {
                names.Add(vector.Name);
            }
        }

        return names;
    }
}
