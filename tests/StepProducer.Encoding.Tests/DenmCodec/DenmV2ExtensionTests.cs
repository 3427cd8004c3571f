using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V2;
using StepProducer.Encoding.Its;
using StepProducer.Encoding.Tests.Support;

namespace StepProducer.Encoding.Tests.DenmCodec;

/// <summary>
/// TS 103 831 v2.2.1 specifics, on golden DENMs encoded by an independent encoder (Erlang/OTP 25 asn1, uper,
/// from the ETSI modules), all based on the v2 vector: the SituationContainer group [[linkedDenms,
/// eventEnd]] (X.691 clause 19: extension bit, normally small bitmap length, one open type for the group),
/// the raw Location/Alacarte groups kept whole, and the module's constraints.
/// </summary>
public class DenmV2ExtensionTests
{
    private const string LinkedDenmsAndEventEnd = "0201000003e9c6800001f48002945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf703e60b118410043f1000003e90004000007d2fffffff418000fdc23f8027ff36002763240";
    private const string EventEndOnly = "0201000003e9c6800001f48002945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf703e60b118410040900018000fdc23f8027ff36002763240";
    private const string EventZoneAndLinkedDenms = "0201000003e9c6800001f48002945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf703e60b518410180025fff5633800636020f00000000380040c0007ee11fc013ff9b0013b192";

    // Location group with linkedMapems, Alacarte with externalTemperature 21 and a group with preCrash.
    private const string RawLocationAndAlacarteGroups = "0201000003e9e6800001f48002945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf703e60a1184138000fdc23f8027ff3600276324021020a000200057fff9228808724000000080190025ff9cfff176c00";

    // Negation with management only, validityDuration 86400.
    private const string Termination = "0201000003e90f800001f48002945f680b000517da02c006961eb3e36585ec70fa0961c20ca267baa3000f9828";

    private static Denm.V2.Denm Base => DenmVector.Named("v2_new_collisionRisk_sub4_situation_location").ToV2();

    public static TheoryData<string, Denm.V2.Denm> GoldenDenms()
    {
        var linked = Base;
        linked.Payload.Situation!.LinkedDenms = [new ActionId { OriginatingStationId = 1001, SequenceNumber = 4 }, new ActionId { OriginatingStationId = 2002, SequenceNumber = 65_535 }];
        linked.Payload.Situation.EventEnd = 8191;
        var eventEnd = Base;
        eventEnd.Payload.Situation!.EventEnd = -8190;
        var zone = Base;
        zone.Payload.Situation!.EventZone = [new EventPoint { EventPosition = new DeltaReferencePosition { DeltaLatitude = 10, DeltaLongitude = -10 }, EventDeltaTime = 100, InformationQuality = 3 }];
        zone.Payload.Situation.LinkedDenms = [new ActionId { OriginatingStationId = 7, SequenceNumber = 8 }];
        var termination = Base;
        termination.Payload = new DenmPayload { Management = termination.Payload.Management };
        termination.Payload.Management.Termination = Encoding.Denm.Termination.IsNegation;
        termination.Payload.Management.ValidityDuration = 86_400;
        return new TheoryData<string, Denm.V2.Denm>
        {
            { LinkedDenmsAndEventEnd, linked },
            { EventEndOnly, eventEnd },
            { EventZoneAndLinkedDenms, zone },
            { Termination, termination },
        };
    }

    [Theory]
    [MemberData(nameof(GoldenDenms))]
    public void GoldenDenm_EncodesBitExact_AndDecodesToTheModel(string hex, Denm.V2.Denm denm)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(RoundTripPropertyTests.Encode(denm)));
        Assert.Equal(ModelFlattener.Flatten(denm), ModelFlattener.Flatten(DenmV2Codec.Decode(Convert.FromHexString(hex))));
    }

    [Fact]
    public void RawGroups_AreKeptWhole_SoDecodeThenEncodeIsTheIdentity()
    {
        var decoded = DenmV2Codec.Decode(Convert.FromHexString(RawLocationAndAlacarteGroups));

        Assert.NotNull(decoded.Payload.Location!.ExtensionGroupV22Raw);
        Assert.NotNull(decoded.Payload.Alacarte!.ExtensionGroupV22Raw);
        Assert.Equal(21, decoded.Payload.Alacarte.ExternalTemperature);
        Assert.Equal(RawLocationAndAlacarteGroups, Convert.ToHexStringLower(RoundTripPropertyTests.Encode(decoded)));
    }

    [Theory]
    // Encoded by Erlang from a copy of the module with one more group in SituationContainer,
    // [[futureAddition INTEGER (0..255) OPTIONAL]]: a bitmap of 2 additions.
    [InlineData("0201000003e9c6800001f48002945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf703e60b1184100e04c0c405ab00c0007ee11fc013ff9b0013b1920", 100)]
    [InlineData("0201000003e9c6800001f48002945f680b000517da02c0052c3d67c6cb0bd8e1f412c3841944cf703e60b1184100a050700c0007ee11fc013ff9b0013b1920", null)]
    public void V2_UnknownAdditionAfterTheKnownGroup_IsSkipped(string hex, int? eventEnd)
    {
        var decoded = DenmV2Codec.Decode(Convert.FromHexString(hex));

        Assert.Equal(eventEnd, decoded.Payload.Situation!.EventEnd);
        Assert.Null(decoded.Payload.Situation.LinkedDenms);
        Assert.Equal(4, decoded.Payload.Situation.EventType.SubCauseCode);
        Assert.Equal(
            ModelFlattener.Flatten(Base).Where(field => field.Key.StartsWith("location", StringComparison.Ordinal)),
            ModelFlattener.Flatten(decoded).Where(field => field.Key.StartsWith("location", StringComparison.Ordinal)));
    }

    [Fact]
    public void V1_SkipsTheV2GroupsItDoesNotKnow()
    {
        // v1.3.1 LocationContainer and AlacarteContainer are extensible with no additions: the v2.2.1 groups are
        // unknown additions to the v1 codec, skipped by their open-type length.
        var decoded = DenmV1Codec.Decode(Convert.FromHexString(RawLocationAndAlacarteGroups));
        var withoutGroups = DenmV2Codec.Decode(Convert.FromHexString(RawLocationAndAlacarteGroups));
        withoutGroups.Payload.Location!.ExtensionGroupV22Raw = null;
        withoutGroups.Payload.Alacarte!.ExtensionGroupV22Raw = null;

        Assert.Equal(21, decoded.Payload.Alacarte!.ExternalTemperature);
        Assert.Equal(Convert.ToHexStringLower(RoundTripPropertyTests.Encode(withoutGroups)), Convert.ToHexStringLower(RoundTripPropertyTests.Encode(decoded)));
    }

    [Fact]
    public void Encode_TerminationWithSituation_BreaksTheDenmPayloadRule()
    {
        var denm = Base;
        denm.Payload.Management.Termination = Encoding.Denm.Termination.IsCancellation;

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal("denm", error.FieldPath);
        Assert.Contains("with management.termination present only the management container may be present", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_NoTerminationAndNoLocation_BreaksTheDenmPayloadRule()
    {
        var denm = Base;
        denm.Payload.Location = null;

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Contains("without management.termination both situation and location are required", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ManagementOnlyWithoutTermination_BreaksTheDenmPayloadRule()
    {
        // The v1 management-only vector has the same layout; v2 rejects it.
        var error = Assert.Throws<DenmDecodeException>(() => DenmV2Codec.Decode(Convert.FromHexString(DenmVector.Named("v1_new_management_only").UperHex)));

        Assert.Equal("denm", error.FieldPath);
        Assert.Contains("without management.termination both situation and location are required", error.Rule, StringComparison.Ordinal);
        Assert.Equal(48, error.BitOffset);
    }

    [Fact]
    public void Encode_EventZoneAndEventEnd_BreaksTheSituationConstraint()
    {
        var denm = Base;
        denm.Payload.Situation!.EventZone = [new EventPoint { InformationQuality = 1 }];
        denm.Payload.Situation.EventEnd = 5;

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal("situation.eventEnd", error.FieldPath);
        Assert.Contains("mutually exclusive", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_EventZoneWithSomeDeltaTimes_BreaksTheEventZoneConstraint()
    {
        var denm = Base;
        denm.Payload.Situation!.EventZone = [new EventPoint { EventDeltaTime = 1 }, new EventPoint()];

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal("situation.eventZone[1].eventDeltaTime", error.FieldPath);
    }

    [Theory]
    [InlineData(1, 1, "protocolVersion", "1 is not 2")]
    [InlineData(2, 2, "messageId", "2 is not denm (1)")]
    public void Encode_HeaderOtherThanProtocolVersion2AndDenm_BreaksTheHeaderConstraint(int protocolVersion, int messageId, string field, string rule)
    {
        var denm = Base;
        denm.Header = denm.Header with { ProtocolVersion = protocolVersion, MessageId = messageId };

        var error = Assert.Throws<DenmEncodeException>(() => RoundTripPropertyTests.Encode(denm));

        Assert.Equal($"header.{field}", error.FieldPath);
        Assert.StartsWith(rule, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ProtocolVersion1_BreaksTheHeaderConstraint()
    {
        var bytes = Convert.FromHexString(DenmVector.Named("v2_new_collisionRisk_sub4_situation_location").UperHex);
        bytes[0] = 1;

        var error = Assert.Throws<DenmDecodeException>(() => DenmV2Codec.Decode(bytes));

        Assert.Equal("header.protocolVersion", error.FieldPath);
        Assert.Equal(0, error.BitOffset);
    }
}
