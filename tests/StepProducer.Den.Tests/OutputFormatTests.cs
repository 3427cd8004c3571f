using StepProducer.Encoding.Denm;
using StepProducer.TestSupport;

namespace StepProducer.Den.Tests;

public class OutputFormatTests
{
    [Theory]
    [InlineData(CollisionRisk.Unknown, 0, 0)]
    [InlineData(CollisionRisk.Longitudinal, 1, 1)]
    [InlineData(CollisionRisk.Crossing, 2, 2)]
    [InlineData(CollisionRisk.Lateral, 3, 3)]
    [InlineData(CollisionRisk.VulnerableRoadUser, 4, 4)]
    [InlineData(CollisionRisk.Pedestrian, 5, 4)]
    [InlineData(CollisionRisk.Cyclist, 6, 4)]
    [InlineData(CollisionRisk.MotorVehicle, 7, 0)]
    public void SubCauseCode_PerVersion_FollowsTheCdd(CollisionRisk risk, int v2SubCause, int v1SubCause)
    {
        var v2 = new ServiceHarness();
        var v1 = new ServiceHarness(new DenOptions { Asn1 = Asn1Version.V1 });

        v2.Collision([1, 2], risk);
        v1.Collision([1, 2], risk);

        Assert.Equal(v2SubCause, v2.Sink.Records[0].DecodeV2().Payload.Situation!.EventType.SubCauseCode);
        var denmV1 = v1.Sink.Records[0].DecodeV1();
        Assert.Equal(97, denmV1.Payload.Situation!.EventType.CauseCodeType);
        Assert.Equal(v1SubCause, denmV1.Payload.Situation.EventType.SubCauseCode);
    }

    [Fact]
    public void V1Output_CarriesTheManagementFieldsAndOneEmptyTrace()
    {
        var harness = new ServiceHarness(new DenOptions { Asn1 = Asn1Version.V1, RelevanceDistance = RelevanceDistance.LessThan500m, RelevanceTrafficDirection = RelevanceTrafficDirection.UpstreamTraffic });
        var trigger = harness.Collision([1, 2], probability: 0.9);
        harness.Terminate(trigger.ActionId);

        var denm = harness.Sink.Records[0].DecodeV1();
        Assert.Equal(ServiceHarness.OwnStationId, denm.Header.StationID);
        Assert.Equal(2, denm.Header.ProtocolVersion);
        Assert.Equal(Encoding.Denm.V1.RelevanceDistance.LessThan500m, denm.Payload.Management.RelevanceDistance);
        Assert.Equal(Encoding.Denm.V1.RelevanceTrafficDirection.UpstreamTraffic, denm.Payload.Management.RelevanceTrafficDirection);
        Assert.Equal(7, denm.Payload.Situation!.InformationQuality);
        Assert.Empty(Assert.Single(denm.Payload.Location!.Traces));
        var cancel = harness.Sink.Records[1].DecodeV1();
        Assert.Equal(Termination.IsCancellation, cancel.Payload.Management.Termination);
        Assert.Null(cancel.Payload.Situation);
        Assert.Null(cancel.Payload.Location);
    }

    /// <summary>
    /// The largest DENM we build (every optional management field, transmissionInterval at its 10000 ms
    /// maximum, extreme timestamps and coordinates) fits <see cref="OriginatingTable.DenmStride"/> in both versions.
    /// </summary>
    [Theory]
    [InlineData(Asn1Version.V1)]
    [InlineData(Asn1Version.V2)]
    public void Encode_LargestDenm_FitsTheSlabStride(Asn1Version version)
    {
        var harness = new ServiceHarness(new DenOptions
        {
            Asn1 = version,
            RepetitionIntervalMs = DenOptions.MaxTransmissionIntervalMs,
            ValidityDurationS = DenOptions.MaxValidityS,
            RelevanceDistance = RelevanceDistance.Over10km,
            RelevanceTrafficDirection = RelevanceTrafficDirection.OppositeTraffic,
        });
        harness.Report.Reset();
        harness.Report.StationIds.Add(uint.MaxValue);
        harness.Report.StationIds.Add(uint.MaxValue - 1);
        harness.Report.Risk = CollisionRisk.MotorVehicle;
        harness.Report.LatitudeDeg = -89.9999999;
        harness.Report.LongitudeDeg = -179.9999999;
        harness.Report.AltitudeM = -999.99;
        harness.Report.Probability = 1;
        harness.Service.ReportCollision(harness.Report, RecordSource.Line(1));

        var length = harness.Sink.Records[0].Uper.Length;

        Assert.InRange(length, 1, OriginatingTable.DenmStride);
    }

    [Theory]
    [InlineData(Asn1Version.V1)]
    [InlineData(Asn1Version.V2)]
    public async Task EmittedDenms_DissectCleanlyInTshark(Asn1Version version)
    {
        var harness = new ServiceHarness(new DenOptions { Asn1 = version, RepetitionIntervalMs = 100 });
        var now = harness.NowIts;
        harness.Service.Receive(harness.ForeignDenm(777, new ActionId(777, 3), now, now), RecordSource.Line(1));
        var trigger = harness.Collision([1, 2], CollisionRisk.Cyclist, probability: 0.3);
        harness.Run(TimeSpan.FromMilliseconds(150));
        harness.Collision([1, 2], CollisionRisk.Cyclist, latitude: 48.11);
        harness.Terminate(trigger.ActionId);
        harness.Terminate(new ActionId(777, 3));
        Assert.Equal([DenRecordKind.New, DenRecordKind.Repeat, DenRecordKind.Update, DenRecordKind.Cancel, DenRecordKind.Negate], harness.Sink.Records.Select(record => record.Kind));

        var dissected = await DenmDissect.DecodeFieldsAsync(harness.Sink.Records.Select(record => Convert.ToHexString(record.Uper)).ToList());

        Assert.Equal(5, dissected.Count);
        string Field(int message, string name) => dissected[message].First(field => field.Key == name).Value;
        Assert.Equal(ServiceHarness.OwnStationId.ToString(), Field(0, "its.stationID"));
        Assert.Equal("97", Field(0, "its.causeCode"));
        Assert.Equal(version == Asn1Version.V2 ? "6" : "4", Field(0, "its.subCauseCode"));
        Assert.Equal("481000000", Field(0, "its.latitude"));
        Assert.Equal("481100000", Field(2, "its.latitude"));
        Assert.Equal("777", Field(4, "its.originatingStationID"));
        Assert.Equal("3", Field(4, "its.sequenceNumber"));
    }
}
