using Microsoft.Extensions.Time.Testing;
using StepProducer.Encoding.Denm;

namespace StepProducer.Den.Tests;

/// <summary>den.onShutdown = cancel: <see cref="DenService.CancelAllOnShutdown"/>.</summary>
public class ShutdownTests
{
    [Fact]
    public void CancelAllOnShutdown_CancelsEveryActiveEventAndEmptiesTheOriginatingState()
    {
        var store = new InMemoryDenStateStore();
        var harness = new ServiceHarness(new DenOptions { ValidityDurationS = 60, RepetitionIntervalMs = 100, RepeatTerminations = true },
            new FakeTimeProvider(ServiceHarness.Start), store);
        var first = harness.Collision([1, 2]);
        var second = harness.Collision([3, 4]);
        var terminated = harness.Collision([5, 6]);
        Assert.Equal(DenOutcome.Cancelled, harness.Terminate(terminated.ActionId).Outcome);
        var now = harness.NowIts;
        harness.Service.Receive(harness.ForeignDenm(777, new ActionId(777, 1), now, now, validityS: 30), RecordSource.Line(4));
        harness.Service.FlushState();
        Assert.Equal(4, store.Count);
        harness.Run(TimeSpan.FromSeconds(1));
        harness.Sink.Records.Clear();

        var result = harness.Service.CancelAllOnShutdown();
        harness.Service.FlushState();

        Assert.Equal(new ShutdownCancellation(Cancelled: 2, Removed: 3, Kept: 0), result);
        Assert.Equal([first.ActionId, second.ActionId], harness.Sink.Records.Select(record => record.ActionId).OrderBy(id => id.SequenceNumber));
        Assert.All(harness.Sink.Records, record =>
        {
            Assert.Equal(DenRecordKind.Cancel, record.Kind);
            Assert.Equal(RecordSource.Shutdown, record.Source);
            var management = record.DecodeV2().Payload.Management;
            Assert.Equal(Termination.IsCancellation, management.Termination);
            Assert.Equal(harness.NowIts, management.DetectionTime);
        });
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
        Assert.Equal(0, harness.Service.ActiveEventCount);
        // Only the received event is left, in the service and in the durable state.
        Assert.Equal(1, harness.Service.ReceivingEntryCount);
        Assert.Equal(1, store.Count);
        Assert.True(store.TryGet(new DenStateKey(DenTable.Receiving, new ActionId(777, 1)), out _));

        // Nothing of ours repeats or expires afterwards.
        harness.Run(TimeSpan.FromSeconds(61));
        Assert.Equal(2, harness.Sink.Records.Count);
    }

    [Fact]
    public void CancelAllOnShutdown_AnEventWhoseValidityJustEnded_GetsItsExpireCancelInstead()
    {
        var harness = new ServiceHarness(new DenOptions { ValidityDurationS = 1 });
        var ended = harness.Collision([1, 2]);
        var live = harness.Collision([3, 4], validityS: 60);
        // Past the first event's validity, but no Advance has run yet.
        harness.Fake.Advance(TimeSpan.FromSeconds(1.5));

        var result = harness.Service.CancelAllOnShutdown();

        Assert.Equal(new ShutdownCancellation(Cancelled: 1, Removed: 1, Kept: 0), result);
        Assert.Equal(
            [(DenRecordKind.New, ended.ActionId), (DenRecordKind.New, live.ActionId), (DenRecordKind.ExpireCancel, ended.ActionId), (DenRecordKind.Cancel, live.ActionId)],
            harness.Sink.Records.Select(record => (record.Kind, record.ActionId)));
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Fact]
    public void CancelAllOnShutdown_WithNothingActive_EmitsNothing()
    {
        var harness = new ServiceHarness();

        Assert.Equal(default, harness.Service.CancelAllOnShutdown());
        Assert.Empty(harness.Sink.Records);
    }
}
