using Microsoft.Extensions.Time.Testing;
using StepProducer.Encoding.Denm;

namespace StepProducer.Den.Tests;

public class StateAndClockTests
{
    [Fact]
    public void FlushState_CollectsUpsertsRemovalsAndTheSequenceCounterPerBatch()
    {
        var store = new InMemoryDenStateStore();
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 100 }, store: store);
        var first = harness.Collision([1, 2]);
        var second = harness.Collision([1, 3]);
        harness.Service.FlushState();

        Assert.Equal(2, store.Count);
        Assert.Equal(2, store.NextSequenceNumber);
        Assert.True(store.TryGet(new DenStateKey(DenTable.Originating, first.ActionId), out var stored));
        Assert.Equal(harness.Sink.Records[0].Uper, stored.Denm.ToArray());
        Assert.Equal(DenEntryState.Active, stored.State);
        var firstStations = new StationIdSet();
        firstStations.Add(2);
        firstStations.Add(1);
        Assert.Equal(new EventKey(firstStations, CollisionRisk.Crossing), stored.EventKey);
        Assert.Equal(harness.NowIts + 100, stored.NextRepetitionTime);

        harness.Terminate(first.ActionId);
        harness.Service.FlushState();
        Assert.True(store.TryGet(new DenStateKey(DenTable.Originating, first.ActionId), out stored));
        Assert.Equal(DenEntryState.Cancelled, stored.State);
        Assert.Equal(new EventKey(firstStations, CollisionRisk.Crossing), stored.EventKey);

        harness.Run(TimeSpan.FromSeconds(2.1));
        harness.Service.FlushState();
        Assert.Equal(0, store.Count);
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
        Assert.NotEqual(first.ActionId, second.ActionId);
    }

    [Fact]
    public void Restore_AfterAnOutage_ExpiresWhatEndedAndContinuesTheRest()
    {
        var store = new InMemoryDenStateStore();
        var clock = new FakeTimeProvider(ServiceHarness.Start);
        var before = new ServiceHarness(new DenOptions { ValidityDurationS = 2 }, clock, store);
        var shortLived = before.Collision([1, 2]);
        var longLived = before.Collision([1, 3], validityS: 60);
        var now = before.NowIts;
        before.Service.Receive(before.ForeignDenm(777, new ActionId(777, 1), now, now, validityS: 30), RecordSource.Line(3));
        before.Service.Receive(before.ForeignDenm(778, new ActionId(778, 1), now, now, validityS: 3), RecordSource.Line(4));
        before.Service.FlushState();

        clock.Advance(TimeSpan.FromSeconds(10));
        var after = new ServiceHarness(new DenOptions { ValidityDurationS = 2 }, clock, store);
        after.Service.Restore(store.Snapshot());

        var expiry = Assert.Single(after.Sink.Records);
        Assert.Equal(DenRecordKind.ExpireCancel, expiry.Kind);
        Assert.Equal(shortLived.ActionId, expiry.ActionId);
        Assert.Equal(RecordSource.Restore, expiry.Source);
        Assert.Equal(after.NowIts, expiry.DecodeV2().Payload.Management.DetectionTime);
        Assert.Equal(1, after.Service.OriginatingEntryCount);
        Assert.Equal(1, after.Service.ReceivingEntryCount);

        var update = after.Collision([3, 1], validityS: 60);
        Assert.Equal(DenOutcome.Updated, update.Outcome);
        Assert.Equal(longLived.ActionId, update.ActionId);
        Assert.Equal(2, after.Collision([5, 6]).ActionId.SequenceNumber);
        Assert.Equal(DenOutcome.Negated, after.Terminate(new ActionId(777, 1)).Outcome);

        after.Service.FlushState();
        Assert.False(store.TryGet(new DenStateKey(DenTable.Originating, shortLived.ActionId), out _));
        Assert.False(store.TryGet(new DenStateKey(DenTable.Receiving, new ActionId(778, 1)), out _));
        Assert.Equal(3, store.NextSequenceNumber);
    }

    [Fact]
    public void Restore_RepeatingEntry_KeepsRepeatingTheStoredBytes()
    {
        var store = new InMemoryDenStateStore();
        var clock = new FakeTimeProvider(ServiceHarness.Start);
        var options = new DenOptions { RepetitionIntervalMs = 100, ValidityDurationS = 10 };
        var before = new ServiceHarness(options, clock, store);
        before.Collision([1, 2]);
        before.Service.FlushState();

        clock.Advance(TimeSpan.FromSeconds(1));
        var after = new ServiceHarness(options, clock, store);
        after.Service.Restore(store.Snapshot());
        after.Run(TimeSpan.FromMilliseconds(250));

        var repeats = after.Sink.OfKind(DenRecordKind.Repeat).ToList();
        Assert.InRange(repeats.Count, 2, 3);
        Assert.All(repeats, repeat => Assert.Equal(before.Sink.Records[0].Uper, repeat.Uper));
    }

    [Fact]
    public void Restore_InvalidEntries_AreSkipped()
    {
        var harness = new ServiceHarness();
        var now = harness.NowIts;
        harness.Service.Restore(new DenStateSnapshot
        {
            NextSequenceNumber = 70000,
            Entries =
            [
                new DenStateEntry { Table = DenTable.Originating, ActionId = new ActionId(ServiceHarness.OwnStationId, 1), DetectionTime = now, ValidityDurationS = 5, Denm = new byte[65] },
                new DenStateEntry { Table = DenTable.Originating, ActionId = new ActionId(ServiceHarness.OwnStationId, 2), DetectionTime = now, ValidityDurationS = 5, Denm = new byte[10] },
                new DenStateEntry { Table = (DenTable)9, ActionId = new ActionId(5, 2), DetectionTime = now, ValidityDurationS = 5 },
            ],
        });

        Assert.Equal(0, harness.Service.OriginatingEntryCount);
        Assert.Equal(0, harness.Service.NextSequenceNumber);
        Assert.Throws<InvalidOperationException>(() =>
        {
            harness.Collision([1, 2]);
            harness.Service.Restore(new DenStateSnapshot());
        });
    }

    [Fact]
    public void WallClockStep_NeitherFiresNorStallsTimers()
    {
        var clock = new SplitClock(ServiceHarness.Start);
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 500, ValidityDurationS = 2 }, clock);
        harness.Collision([1, 2]);

        clock.WallClock += TimeSpan.FromHours(1);
        clock.AdvanceMonotonic(TimeSpan.FromMilliseconds(400));
        Assert.Equal(0, harness.Service.Advance());

        clock.WallClock -= TimeSpan.FromHours(2);
        clock.AdvanceMonotonic(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, harness.Service.Advance());
        Assert.Equal(DenRecordKind.Repeat, harness.Sink.Records[^1].Kind);

        clock.AdvanceMonotonic(TimeSpan.FromMilliseconds(1490));
        harness.Service.Advance();
        Assert.Empty(harness.Sink.OfKind(DenRecordKind.ExpireCancel));
        clock.AdvanceMonotonic(TimeSpan.FromMilliseconds(10));
        harness.Service.Advance();
        Assert.Single(harness.Sink.OfKind(DenRecordKind.ExpireCancel));
    }

    [Fact]
    public void WallClockBefore2004_RequestsAreRejectedAndTimersKeepRunning()
    {
        var clock = new SplitClock(ServiceHarness.Start);
        var harness = new ServiceHarness(new DenOptions { OnExpiry = OnExpiryAction.Drop }, clock);
        harness.Collision([1, 2]);
        clock.WallClock = DateTimeOffset.UnixEpoch;

        var result = harness.Collision([1, 3]);
        clock.AdvanceMonotonic(TimeSpan.FromSeconds(3));
        harness.Service.Advance();

        Assert.Equal("clock: the wall clock reads 1970-01-01T00:00:00.0000000+00:00, outside TimestampIts (2004-01-01T00:00:00Z onwards); DENM times cannot be set", result.Reason);
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Fact]
    public void Advance_AfterAStall_RunsEverythingOverdueAtOnce()
    {
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 100, ValidityDurationS = 1 });
        for (uint station = 10; station < 20; station++)
        {
            harness.Collision([1, station]);
        }

        // Five repetitions were missed: each entry repeats once and continues its rhythm, no burst.
        harness.Fake.Advance(TimeSpan.FromMilliseconds(550));
        harness.Service.Advance();
        Assert.Equal(10, harness.Sink.OfKind(DenRecordKind.Repeat).Count());

        // Validity has ended for all: each is expired at once, and nothing is repeated after its validity.
        harness.Fake.Advance(TimeSpan.FromSeconds(30));
        harness.Service.Advance();
        Assert.Equal(10, harness.Sink.OfKind(DenRecordKind.ExpireCancel).Count());
        Assert.Equal(10, harness.Sink.OfKind(DenRecordKind.Repeat).Count());
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }
}
