using StepProducer.Encoding.Denm;

namespace StepProducer.Den.Tests;

public class ReceivingTests
{
    private const uint ForeignStationId = 777;
    private static readonly ActionId Foreign = new(ForeignStationId, 5);

    [Fact]
    public void Receive_NewForeignDenm_IsInsertedActive()
    {
        var harness = new ServiceHarness();
        var now = harness.NowIts;

        var result = harness.Service.Receive(harness.ForeignDenm(ForeignStationId, Foreign, now - 100, now - 50), RecordSource.Line(1));

        Assert.Equal(DenOutcome.Received, result.Outcome);
        Assert.Equal(Foreign, result.ActionId);
        Assert.Equal(1, harness.Service.ReceivingEntryCount);
        Assert.Empty(harness.Sink.Records);
    }

    [Fact]
    public void Receive_ReceptionRules_DiscardExpiredUnknownTerminationOutdatedAndRepetition()
    {
        var harness = new ServiceHarness();
        var now = harness.NowIts;
        DenOutcome Receive(long detection, long reference, Termination? termination = null, uint header = ForeignStationId, ActionId? actionId = null, int validityS = 10) =>
            harness.Service.Receive(harness.ForeignDenm(header, actionId ?? Foreign, detection, reference, termination, validityS), RecordSource.Line(1)).Outcome;

        Assert.Equal(DenOutcome.Expired, Receive(now - 3000, now - 3000, validityS: 2));
        Assert.Equal(DenOutcome.UnknownTermination, Receive(now, now, Termination.IsCancellation));
        Assert.Equal(DenOutcome.Received, Receive(now - 100, now - 50));
        Assert.Equal(DenOutcome.Repetition, Receive(now - 100, now - 50));
        Assert.Equal(DenOutcome.Outdated, Receive(now - 100, now - 60));
        Assert.Equal(DenOutcome.Outdated, Receive(now - 110, now - 40));
        Assert.Equal(DenOutcome.Received, Receive(now - 100, now - 40));
        Assert.Equal(DenOutcome.Echo, Receive(now, now, header: ServiceHarness.OwnStationId, actionId: new ActionId(ServiceHarness.OwnStationId, 1)));
        Assert.Equal(DenOutcome.Received, Receive(now - 100, now - 40, Termination.IsCancellation));

        var counters = harness.Service.Counters;
        Assert.Equal(9, counters.ReceivedIn);
        Assert.Equal(6, counters.ReceivedDiscarded);
        Assert.Equal(2, counters.Outdated);

        // The cancellation set the entry's state: it can no longer be negated.
        Assert.True(harness.Terminate(Foreign).IsRejected);
    }

    [Fact]
    public void Receive_Garbage_IsRejectedWithTheCodecsFieldPath()
    {
        var harness = new ServiceHarness();

        var result = harness.Service.Receive([0x02, 0x01], RecordSource.Line(4));

        Assert.True(result.IsRejected);
        Assert.StartsWith("uper: header.", result.Reason);
        Assert.Equal(0, harness.Service.ReceivingEntryCount);
    }

    [Fact]
    public void Receive_EntryExpiresAtItsOwnValidity()
    {
        var harness = new ServiceHarness();
        var now = harness.NowIts;
        harness.Service.Receive(harness.ForeignDenm(ForeignStationId, Foreign, now - 1000, now, validityS: 2), RecordSource.Line(1));

        harness.Run(TimeSpan.FromMilliseconds(990));
        Assert.Equal(1, harness.Service.ReceivingEntryCount);
        harness.Run(TimeSpan.FromMilliseconds(20));

        Assert.Equal(0, harness.Service.ReceivingEntryCount);
        Assert.Empty(harness.Sink.Records);
    }

    [Fact]
    public void Terminate_ActiveReceivedEvent_EmitsNegationWithTheStoredReferenceTime()
    {
        var harness = new ServiceHarness(new DenOptions { TerminationValidityS = 4 });
        var now = harness.NowIts;
        harness.Service.Receive(harness.ForeignDenm(ForeignStationId, Foreign, now - 300, now - 200), RecordSource.Line(1));
        harness.Run(TimeSpan.FromMilliseconds(100));

        var result = harness.Terminate(Foreign);

        Assert.Equal(DenOutcome.Negated, result.Outcome);
        var negation = Assert.Single(harness.Sink.Records);
        Assert.Equal(DenRecordKind.Negate, negation.Kind);
        Assert.Equal(Foreign, negation.ActionId);
        var denm = negation.DecodeV2();
        Assert.Equal(ServiceHarness.OwnStationId, denm.Header.StationId);
        Assert.Equal(ForeignStationId, denm.Payload.Management.ActionId.OriginatingStationId);
        Assert.Equal(5, denm.Payload.Management.ActionId.SequenceNumber);
        Assert.Equal(Termination.IsNegation, denm.Payload.Management.Termination);
        Assert.Equal(now - 200, denm.Payload.Management.ReferenceTime);
        Assert.Equal(harness.NowIts, denm.Payload.Management.DetectionTime);
        Assert.Equal(481000000, denm.Payload.Management.EventPosition.Latitude);
        Assert.Equal(4, denm.Payload.Management.ValidityDuration);
        Assert.Null(denm.Payload.Situation);
        Assert.Null(denm.Payload.Location);
        Assert.Equal(1, harness.Service.OriginatingEntryCount);
        Assert.Equal(0, harness.Service.ActiveEventCount);

        // Negating twice is refused: the received event is no longer ACTIVE.
        Assert.True(harness.Terminate(Foreign).IsRejected);
        harness.Run(TimeSpan.FromSeconds(4));
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Fact]
    public void Receive_NegationOfOurActiveEvent_RemovesItAndStopsItsRepetition()
    {
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 100, ValidityDurationS = 10 });
        var ours = harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(250));
        var before = harness.Sink.Records.Count;
        var now = harness.NowIts;

        var result = harness.Service.Receive(harness.ForeignDenm(ForeignStationId, ours.ActionId, now, harness.Sink.Records[0].ReferenceTime, Termination.IsNegation), RecordSource.Line(5));
        harness.Run(TimeSpan.FromSeconds(11));

        Assert.Equal(DenOutcome.OwnEventNegated, result.Outcome);
        Assert.Equal(before, harness.Sink.Records.Count);
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
        Assert.Equal(DenOutcome.New, harness.Collision([1, 2]).Outcome);
    }

    [Fact]
    public void Receive_ForeignCancellationOfOurEvent_IsIgnored()
    {
        var harness = new ServiceHarness();
        var ours = harness.Collision([1, 2]);
        var now = harness.NowIts;

        var result = harness.Service.Receive(harness.ForeignDenm(ForeignStationId, ours.ActionId, now, now, Termination.IsCancellation), RecordSource.Line(5));

        Assert.Equal(DenOutcome.ForeignCancellationIgnored, result.Outcome);
        Assert.Equal(1, harness.Service.ActiveEventCount);
        Assert.Equal(DenOutcome.Cancelled, harness.Terminate(ours.ActionId).Outcome);
    }
}
