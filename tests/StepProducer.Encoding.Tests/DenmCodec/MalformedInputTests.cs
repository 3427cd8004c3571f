using CsCheck;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Tests.Generators;
using StepProducer.Encoding.Tests.Support;

namespace StepProducer.Encoding.Tests.DenmCodec;

/// <summary>
/// Bad input gives the typed error, naming the field path, the rule and (decode) the bit offset, and never
/// any other exception: truncation at every octet, trailing octets and bits, out-of-range values on encode,
/// bit flips and random octets. Every loop is bounded.
/// </summary>
public class MalformedInputTests
{
    // Random inputs per fuzz test: enough to reach deep into the containers, fast enough for CI.
    private const int FuzzIterations = 2000;

    public static TheoryData<string> Vectors()
    {
        var names = new TheoryData<string>();
        foreach (var vector in DenmVector.All)
        {
            names.Add(vector.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TruncatedAtEveryOctet_IsADecodeErrorInBothVersions(string name)
    {
        var bytes = Convert.FromHexString(DenmVector.Named(name).UperHex);
        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<DenmDecodeException>(() => DenmV1Codec.Decode(bytes.AsSpan(0, length)));
            Assert.StartsWith("input ends at bit", error.Rule, StringComparison.Ordinal);
            Assert.InRange(error.BitOffset, 0, length * 8);
            Assert.ThrowsAny<DenmDecodeException>(() => DenmV2Codec.Decode(bytes.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Truncated_NamesTheFieldBeingRead()
    {
        // The typical DENM cut inside the first trace: the error names the path point and its component.
        var bytes = Convert.FromHexString(DenmVector.Typical.UperHex);

        var error = Assert.Throws<DenmDecodeException>(() => DenmV1Codec.Decode(bytes.AsSpan(0, 60)));

        Assert.Matches(@"^location\.traces\[0\]\[\d\]\.", error.FieldPath);
    }

    [Fact]
    public void TrailingOctet_IsADecodeError()
    {
        var bytes = Convert.FromHexString(DenmVector.Typical.UperHex + "00");

        var error = Assert.Throws<DenmDecodeException>(() => DenmV1Codec.Decode(bytes));

        Assert.Equal("1 trailing octets after the end of the DENM", error.Rule);
        Assert.Equal(136 * 8, error.BitOffset);
    }

    [Fact]
    public void NonZeroPaddingBits_AreADecodeError()
    {
        // The cancellation is 321 bits: its last octet holds 7 padding bits. Set the lowest one.
        var bytes = Convert.FromHexString(DenmVector.Named("v1_cancellation").UperHex);
        bytes[^1] |= 1;

        var error = Assert.Throws<DenmDecodeException>(() => DenmV1Codec.Decode(bytes));

        Assert.EndsWith("padding bits of the last octet are not all 0", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("management.eventPosition.latitude: 900000002 outside -900000000..900000001")]
    public void Encode_LatitudeAboveTheRange_GivesTheIssuesExampleMessage(string message)
    {
        var v1 = DenmVector.Typical.ToV1();
        v1.Payload.Management.EventPosition = v1.Payload.Management.EventPosition with { Latitude = 900_000_002 };
        var v2 = DenmVector.Named("v2_new_collisionRisk_sub4_situation_location").ToV2();
        v2.Payload.Management.EventPosition = v2.Payload.Management.EventPosition with { Latitude = 900_000_002 };

        Assert.Equal(message, Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(v1)).Message);
        Assert.Equal(message, Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(v2)).Message);
    }

    [Fact]
    public void Encode_ValueInsideAList_NamesTheIndexes()
    {
        var denm = DenmVector.Typical.ToV1();
        var trace = denm.Payload.Location!.Traces[0];
        trace[3] = trace[3] with { PathPosition = trace[3].PathPosition with { DeltaAltitude = 12_801 } };

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal("location.traces[0][3].pathPosition.deltaAltitude", error.FieldPath);
        Assert.Equal("12801 outside -12700..12800", error.Rule);
    }

    [Theory]
    // The first component out of range is reported, in ASN.1 order (DeltaReferencePosition, CDD).
    [InlineData(-131_072, 0, 0, "deltaLatitude", "-131072 outside -131071..131072")]
    [InlineData(0, 131_073, 0, "deltaLongitude", "131073 outside -131071..131072")]
    [InlineData(0, 0, -12_701, "deltaAltitude", "-12701 outside -12700..12800")]
    [InlineData(131_073, -131_072, 12_801, "deltaLatitude", "131073 outside -131071..131072")]
    public void Encode_PathPointOutOfRange_NamesTheIndexesAndTheFirstBadComponent(
        int deltaLatitude, int deltaLongitude, int deltaAltitude, string component, string rule)
    {
        var denm = DenmVector.Typical.ToV1();
        var trace = denm.Payload.Location!.Traces[0];
        trace[9] = trace[9] with { PathPosition = new() { DeltaLatitude = deltaLatitude, DeltaLongitude = deltaLongitude, DeltaAltitude = deltaAltitude } };

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal($"location.traces[0][9].pathPosition.{component}", error.FieldPath);
        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void Encode_ValidityDurationAboveADay_NamesTheField()
    {
        var denm = DenmVector.Typical.ToV1();
        denm.Payload.Management.ValidityDuration = 86_401;

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal("management.validityDuration", error.FieldPath);
    }

    [Fact]
    public void Encode_EmptyTraces_NamesTheSizeConstraint()
    {
        var denm = DenmVector.Typical.ToV1();
        denm.Payload.Location!.Traces.Clear();

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal("location.traces", error.FieldPath);
        Assert.Equal("0 items outside SIZE(1..7)", error.Rule);
    }

    [Fact]
    public void RandomOctets_GiveOnlyTheTypedError()
    {
        Gen.Byte.Array[0, 200].Sample(
            bytes =>
            {
                DecodeBoth(bytes);
            },
            iter: FuzzIterations);
    }

    [Fact]
    public void ValidDenmsWithOneBitFlipped_GiveOnlyTheTypedError()
    {
        Gen.Select(DenmGenerators.V2Denm, Gen.Int[0, int.MaxValue]).Sample(
            (denm, position) =>
            {
                var bytes = RoundTripPropertyTests.Encode(denm);
                var bit = position % (bytes.Length * 8);
                bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                DecodeBoth(bytes);
            },
            iter: FuzzIterations);
    }

    [Fact]
    public void TryDecode_ReturnsTheErrorInsteadOfThrowing()
    {
        var target = new Denm.V1.Denm();

        Assert.False(DenmV1Codec.TryDecode([0x02], target, out var error));
        Assert.NotNull(error);
        Assert.Equal("header.messageID", error.FieldPath);
        Assert.Equal("header.messageID: input ends at bit 8, 8 more bits needed (at bit 8)", error.Message);
    }

    /// <summary>Decodes with both versions; success and DenmDecodeException are fine, anything else fails the test.</summary>
    private static void DecodeBoth(byte[] bytes)
    {
        DenmV1Codec.TryDecode(bytes, new Denm.V1.Denm(), out _);
        DenmV2Codec.TryDecode(bytes, new Denm.V2.Denm(), out _);
    }
}
