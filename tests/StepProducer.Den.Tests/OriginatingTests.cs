using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Den.Tests;

public class OriginatingTests
{
    [Fact]
    public void ReportCollision_NewEventKey_EmitsNewDenmWithEveryManagementAndSituationField()
    {
        var harness = new ServiceHarness();
        var detected = harness.NowIts - 300;

        var result = harness.Collision([7, 3], CollisionRisk.Pedestrian, TimeSpan.FromMilliseconds(300), latitude: 48.1234567, longitude: -11.7654321, probability: 0.5);

        Assert.Equal(DenOutcome.New, result.Outcome);
        Assert.Equal(new ActionId(ServiceHarness.OwnStationId, 0), result.ActionId);
        var record = Assert.Single(harness.Sink.Records);
        Assert.Equal(DenRecordKind.New, record.Kind);
        Assert.Equal(RecordSource.Line(1), record.Source);
        var denm = record.DecodeV2();
        Assert.Equal(2, denm.Header.ProtocolVersion);
        Assert.Equal(ServiceHarness.OwnStationId, denm.Header.StationId);
        var management = denm.Payload.Management;
        Assert.Equal(ServiceHarness.OwnStationId, management.ActionId.OriginatingStationId);
        Assert.Equal(0, management.ActionId.SequenceNumber);
        Assert.Equal(detected, management.DetectionTime);
        Assert.Equal(harness.NowIts, management.ReferenceTime);
        Assert.Equal(record.ReferenceTime, management.ReferenceTime);
        Assert.Null(management.Termination);
        Assert.Equal(481234567, management.EventPosition.Latitude);
        Assert.Equal(-117654321, management.EventPosition.Longitude);
        Assert.Equal(800001, management.EventPosition.Altitude.AltitudeValue);
        Assert.Equal(AltitudeConfidence.Unavailable, management.EventPosition.Altitude.AltitudeConfidence);
        Assert.Equal(4095, management.EventPosition.PositionConfidenceEllipse.SemiMajorConfidence);
        Assert.Equal(V2.StandardLength3b.LessThan100m, management.AwarenessDistance);
        Assert.Equal(V2.TrafficDirection.AllTrafficDirections, management.TrafficDirection);
        Assert.Equal(2, management.ValidityDuration);
        Assert.Null(management.TransmissionInterval);
        Assert.Equal(15, management.StationType);
        Assert.Equal(4, denm.Payload.Situation!.InformationQuality);
        Assert.Equal(97, denm.Payload.Situation.EventType.CauseCode);
        Assert.Equal(5, denm.Payload.Situation.EventType.SubCauseCode);
        var trace = Assert.Single(denm.Payload.Location!.DetectionZonesToEventPosition);
        Assert.Empty(trace);
        Assert.Null(denm.Payload.Alacarte);
    }

    [Fact]
    public void ReportCollision_SameStationsInAnyOrder_UpdatesAndKeepsTheActionId()
    {
        var harness = new ServiceHarness();
        var first = harness.Collision([1, 2, 3]);
        harness.Run(TimeSpan.FromMilliseconds(150));

        var second = harness.Collision([3, 1, 2], latitude: 48.2);

        Assert.Equal(DenOutcome.Updated, second.Outcome);
        Assert.Equal(first.ActionId, second.ActionId);
        var update = Assert.Single(harness.Sink.OfKind(DenRecordKind.Update));
        var management = update.DecodeV2().Payload.Management;
        Assert.Equal(harness.NowIts, management.ReferenceTime);
        Assert.Equal(harness.NowIts, management.DetectionTime);
        Assert.Equal(482000000, management.EventPosition.Latitude);
        Assert.Equal(1, harness.Service.OriginatingEntryCount);
        Assert.Equal(1, harness.Service.ActiveEventCount);
    }

    [Fact]
    public void ReportCollision_OtherRiskOrStations_IsAnotherEvent()
    {
        var harness = new ServiceHarness();
        var first = harness.Collision([1, 2], CollisionRisk.Crossing);
        var otherRisk = harness.Collision([1, 2], CollisionRisk.Lateral);
        var otherStations = harness.Collision([1, 2, 3], CollisionRisk.Crossing);

        Assert.Equal(DenOutcome.New, otherRisk.Outcome);
        Assert.Equal(DenOutcome.New, otherStations.Outcome);
        Assert.Equal([0, 1, 2], new[] { first, otherRisk, otherStations }.Select(result => (int)result.ActionId.SequenceNumber));
    }

    [Fact]
    public void ReportCollision_UpdatesWithinMinUpdateInterval_AreCoalescedToTheNewest()
    {
        var harness = new ServiceHarness();
        harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(30));
        Assert.Equal(DenOutcome.Coalesced, harness.Collision([1, 2], latitude: 48.2).Outcome);
        harness.Run(TimeSpan.FromMilliseconds(30));
        var newestDetection = harness.NowIts;
        Assert.Equal(DenOutcome.Coalesced, harness.Collision([1, 2], latitude: 48.3).Outcome);
        Assert.Empty(harness.Sink.OfKind(DenRecordKind.Update));

        harness.Run(TimeSpan.FromMilliseconds(50));

        var update = Assert.Single(harness.Sink.OfKind(DenRecordKind.Update));
        var management = update.DecodeV2().Payload.Management;
        Assert.Equal(483000000, management.EventPosition.Latitude);
        Assert.Equal(newestDetection, management.DetectionTime);
        Assert.Equal(update.EmittedAtIts, management.ReferenceTime);
        Assert.InRange(update.EmittedAtIts - harness.Sink.Records[0].EmittedAtIts, 100, 110);
        Assert.Equal(2, harness.Service.Counters.Coalesced);
    }

    [Fact]
    public void ReportCollision_OlderDetectionTimeThanStored_IsOutdatedAndIgnored()
    {
        var harness = new ServiceHarness();
        harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(200));

        var result = harness.Collision([1, 2], detectedAgo: TimeSpan.FromMilliseconds(500));

        Assert.Equal(DenOutcome.Outdated, result.Outcome);
        Assert.Single(harness.Sink.Records);
        Assert.Equal(1, harness.Service.Counters.Outdated);
    }

    [Fact]
    public void Expiry_IsCountedFromDetectionTime_NotFromSendTime()
    {
        var harness = new ServiceHarness();
        harness.Collision([1, 2], detectedAgo: TimeSpan.FromMilliseconds(1500));

        harness.Run(TimeSpan.FromMilliseconds(490));
        Assert.Single(harness.Sink.Records);
        harness.Run(TimeSpan.FromMilliseconds(20));

        var expiry = Assert.Single(harness.Sink.OfKind(DenRecordKind.ExpireCancel));
        Assert.Equal(RecordSource.Timer, expiry.Source);
        Assert.InRange(expiry.EmittedAtIts - harness.Sink.Records[0].ReferenceTime, 500, 510);
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Fact]
    public void Expiry_OnExpiryCancel_EmitsACancellationDetectedNowWithManagementOnly()
    {
        var harness = new ServiceHarness(new DenOptions { TerminationValidityS = 5 });
        var trigger = harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromSeconds(2.05));

        var expiry = Assert.Single(harness.Sink.OfKind(DenRecordKind.ExpireCancel));
        var denm = expiry.DecodeV2();
        Assert.Equal(trigger.ActionId.SequenceNumber, denm.Payload.Management.ActionId.SequenceNumber);
        Assert.Equal(Termination.IsCancellation, denm.Payload.Management.Termination);
        Assert.Equal(expiry.EmittedAtIts, denm.Payload.Management.DetectionTime);
        Assert.Equal(expiry.EmittedAtIts, denm.Payload.Management.ReferenceTime);
        Assert.Equal(5, denm.Payload.Management.ValidityDuration);
        Assert.Null(denm.Payload.Situation);
        Assert.Null(denm.Payload.Location);
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Fact]
    public void Expiry_OnExpiryDrop_RemovesSilently()
    {
        var harness = new ServiceHarness(new DenOptions { OnExpiry = OnExpiryAction.Drop });
        harness.Collision([1, 2]);

        harness.Run(TimeSpan.FromSeconds(3));

        Assert.Single(harness.Sink.Records);
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Fact]
    public void Repetition_EmitsIdenticalBytesAtTheIntervalAndStopsAtTheDuration()
    {
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 100, RepetitionDurationMs = 350, ValidityDurationS = 5 });
        harness.Collision([1, 2]);

        harness.Run(TimeSpan.FromSeconds(1));

        var original = harness.Sink.Records[0];
        var repeats = harness.Sink.OfKind(DenRecordKind.Repeat).ToList();
        Assert.Equal(3, repeats.Count);
        Assert.All(repeats, repeat => Assert.Equal(original.Uper, repeat.Uper));
        Assert.Equal([100L, 200L, 300L], repeats.Select(repeat => repeat.EmittedAtIts - original.EmittedAtIts));
        Assert.Equal(100, original.DecodeV2().Payload.Management.TransmissionInterval);
        Assert.Equal(original.ReferenceTime, repeats[^1].ReferenceTime);
    }

    [Fact]
    public void Repetition_WithoutDuration_StopsWhenValidityEnds()
    {
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 300, ValidityDurationS = 1, OnExpiry = OnExpiryAction.Drop });
        harness.Collision([1, 2]);

        harness.Run(TimeSpan.FromSeconds(2));

        Assert.Equal(3, harness.Sink.OfKind(DenRecordKind.Repeat).Count());
    }

    [Fact]
    public void Repetition_AfterAnUpdate_RepeatsTheUpdatedBytes()
    {
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 100 });
        harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(150));
        harness.Collision([1, 2], latitude: 48.2);

        harness.Run(TimeSpan.FromMilliseconds(100));

        var update = Assert.Single(harness.Sink.OfKind(DenRecordKind.Update));
        Assert.Equal(update.Uper, harness.Sink.Records[^1].Uper);
        Assert.Equal(DenRecordKind.Repeat, harness.Sink.Records[^1].Kind);
    }

    [Fact]
    public void Terminate_OwnActiveEvent_EmitsCancellationAndTheEntryEndsAtItsValidity()
    {
        var harness = new ServiceHarness(new DenOptions { ValidityDurationS = 3 });
        var trigger = harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(500));

        var result = harness.Terminate(trigger.ActionId, detectedAgo: TimeSpan.FromMilliseconds(100));

        Assert.Equal(DenOutcome.Cancelled, result.Outcome);
        var cancel = Assert.Single(harness.Sink.OfKind(DenRecordKind.Cancel));
        var management = cancel.DecodeV2().Payload.Management;
        Assert.Equal(Termination.IsCancellation, management.Termination);
        Assert.Equal(harness.NowIts - 100, management.DetectionTime);
        Assert.Equal(harness.NowIts, management.ReferenceTime);
        Assert.Equal(3, management.ValidityDuration);
        Assert.Equal(ServiceHarness.OwnStationId, management.ActionId.OriginatingStationId);
        Assert.Null(cancel.DecodeV2().Payload.Situation);
        Assert.Null(cancel.DecodeV2().Payload.Location);
        Assert.Equal(0, harness.Service.ActiveEventCount);
        Assert.Equal(1, harness.Service.OriginatingEntryCount);

        harness.Run(TimeSpan.FromSeconds(3));
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
        Assert.Equal(2, harness.Sink.Records.Count);
    }

    [Fact]
    public void Terminate_WithoutTerminationValidity_UsesTheValidityOfTheLatestUpdate()
    {
        var harness = new ServiceHarness(new DenOptions { MinUpdateIntervalMs = 0 });
        var trigger = harness.Collision([1, 2], validityS: 2);
        harness.Collision([1, 2], validityS: 7);

        harness.Terminate(trigger.ActionId);

        Assert.Equal(7, harness.Sink.OfKind(DenRecordKind.Cancel).Single().DecodeV2().Payload.Management.ValidityDuration);
    }

    [Fact]
    public void Terminate_ByEventKey_CancelsAndTheNextReportIsANewEvent()
    {
        var harness = new ServiceHarness();
        var trigger = harness.Collision([1, 2]);
        var request = new TerminationRequest { Risk = CollisionRisk.Crossing };
        request.StationIds.Add(2);
        request.StationIds.Add(1);

        var result = harness.Service.Terminate(request, RecordSource.Line(2));
        var again = harness.Collision([1, 2]);

        Assert.Equal(DenOutcome.Cancelled, result.Outcome);
        Assert.Equal(trigger.ActionId, result.ActionId);
        Assert.Equal(DenOutcome.New, again.Outcome);
        Assert.NotEqual(trigger.ActionId, again.ActionId);
    }

    [Fact]
    public void Terminate_RepeatTerminations_RepeatsTheCancellationBytes()
    {
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 100, RepeatTerminations = true, TerminationValidityS = 1 });
        var trigger = harness.Collision([1, 2]);
        harness.Terminate(trigger.ActionId);

        harness.Run(TimeSpan.FromMilliseconds(1500));

        var cancel = Assert.Single(harness.Sink.OfKind(DenRecordKind.Cancel));
        Assert.Equal(100, cancel.DecodeV2().Payload.Management.TransmissionInterval);
        var repeats = harness.Sink.OfKind(DenRecordKind.Repeat).ToList();
        Assert.Equal(9, repeats.Count);
        Assert.All(repeats, repeat => Assert.Equal(cancel.Uper, repeat.Uper));
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Terminate_UnknownOrNotActive_IsRejectedNamingTheActionId(bool cancelledBefore)
    {
        var harness = new ServiceHarness();
        var actionId = new ActionId(ServiceHarness.OwnStationId, 40);
        if (cancelledBefore)
        {
            actionId = harness.Collision([1, 2]).ActionId;
            harness.Terminate(actionId);
        }

        var result = harness.Terminate(actionId);

        Assert.True(result.IsRejected);
        Assert.Equal($"actionId: {actionId} is not an ACTIVE event of ours", result.Reason);
        var foreign = harness.Terminate(new ActionId(555, 1));
        Assert.Equal("actionId: 555/1 is neither our event nor an ACTIVE received one", foreign.Reason);
    }

    [Fact]
    public void Terminate_OlderThanTheStoredDetectionTime_IsOutdated()
    {
        var harness = new ServiceHarness();
        var trigger = harness.Collision([1, 2]);

        var result = harness.Terminate(trigger.ActionId, detectedAgo: TimeSpan.FromMilliseconds(50));

        Assert.Equal(DenOutcome.Outdated, result.Outcome);
        Assert.Equal(1, harness.Service.ActiveEventCount);
    }

    [Fact]
    public void CancelAfterSilence_NoReportForTheSilencePeriod_CancelsTheEvent()
    {
        var harness = new ServiceHarness(new DenOptions { CancelAfterSilenceMs = 500, ValidityDurationS = 10 });
        harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(400));
        harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(490));
        Assert.Empty(harness.Sink.OfKind(DenRecordKind.Cancel));

        harness.Run(TimeSpan.FromMilliseconds(20));

        var cancel = Assert.Single(harness.Sink.OfKind(DenRecordKind.Cancel));
        Assert.Equal(RecordSource.Timer, cancel.Source);
        Assert.Equal(Termination.IsCancellation, cancel.DecodeV2().Payload.Management.Termination);
        Assert.Equal(0, harness.Service.ActiveEventCount);
    }

    [Fact]
    public void SequenceNumber_AllHeld_RefusesThenReusesTheFirstReleasedNumber()
    {
        var harness = new ServiceHarness(new DenOptions { MaxActiveEvents = DenOptions.MaxSequenceNumbers, ValidityDurationS = 600, TerminationValidityS = 1 });
        for (uint index = 0; index < DenOptions.MaxSequenceNumbers; index++)
        {
            Assert.Equal((ushort)index, harness.Collision([index + 10, 1]).ActionId.SequenceNumber);
        }

        // The cancelled entry is no longer ACTIVE but holds number 7 until its termination validity ends.
        Assert.Equal(DenOutcome.Cancelled, harness.Terminate(new ActionId(ServiceHarness.OwnStationId, 7)).Outcome);
        var full = harness.Collision([5, 6]);
        Assert.True(full.IsRejected);
        Assert.Equal("actionId.sequenceNumber: all 65536 sequence numbers (0..65535) are held by entries in the table", full.Reason);
        harness.Run(TimeSpan.FromSeconds(1));

        var reused = harness.Collision([5, 6]);
        Assert.Equal(DenOutcome.New, reused.Outcome);
        Assert.Equal(7, reused.ActionId.SequenceNumber);
    }

    [Fact]
    public void SequenceNumber_SkipsAHeldNumberAfterTheWrap()
    {
        var harness = new ServiceHarness(new DenOptions { ValidityDurationS = 60 });
        var store = new InMemoryDenStateStore();
        var first = new ServiceHarness(new DenOptions { ValidityDurationS = 60 }, harness.Clock, store);
        first.Collision([1, 2]);
        first.Service.FlushState();
        var snapshot = store.Snapshot();
        var restored = new ServiceHarness(new DenOptions { ValidityDurationS = 60 }, harness.Clock);
        restored.Service.Restore(new DenStateSnapshot { NextSequenceNumber = 65535, Entries = snapshot.Entries });

        var wrapped = new[] { restored.Collision([3, 4]), restored.Collision([5, 6]), restored.Collision([7, 8]) };

        Assert.Equal([65535, 1, 2], wrapped.Select(result => (int)result.ActionId.SequenceNumber));
    }

    [Fact]
    public void ReportCollision_BeyondMaxActiveEvents_IsRejected()
    {
        var harness = new ServiceHarness(new DenOptions { MaxActiveEvents = 2 });
        harness.Collision([1, 2]);
        harness.Collision([1, 3]);

        var third = harness.Collision([1, 4]);

        Assert.True(third.IsRejected);
        Assert.Equal("den.maxActiveEvents: 2 events are ACTIVE, the configured limit; new event refused", third.Reason);
        harness.Terminate(harness.Sink.Records[0].ActionId);
        Assert.Equal(DenOutcome.New, harness.Collision([1, 4]).Outcome);
    }

    [Fact]
    public void ReportCollision_AlreadyExpiredOrTooFarInTheFuture_IsRejected()
    {
        var harness = new ServiceHarness();
        var now = harness.NowIts;

        var stale = harness.Collision([1, 2], detectedAgo: TimeSpan.FromMilliseconds(2001));
        var future = harness.Collision([1, 2], detectedAgo: TimeSpan.FromMilliseconds(-501));
        var edge = harness.Collision([1, 2], detectedAgo: TimeSpan.FromMilliseconds(-500));

        Assert.Equal($"detectionTime: {now - 2001} + validityDurationS 2 s is already past (now {now})", stale.Reason);
        Assert.Equal($"detectionTime: {now + 501} is more than den.maxFutureSkewMs (500 ms) after now ({now})", future.Reason);
        Assert.Equal(DenOutcome.New, edge.Outcome);
        Assert.Equal(2, harness.Service.Counters.Rejected);
    }

    [Fact]
    public void ReportCollision_InvalidFields_AreRejectedNamingFieldAndRule()
    {
        var harness = new ServiceHarness();
        Assert.Equal("stationIds: 1 distinct IDs given, a collision needs 2..16", harness.Collision([1]).Reason);
        Assert.Equal("latitude: 90.5 is outside -90..90 degrees", harness.Collision([1, 2], latitude: 90.5).Reason);
        Assert.Equal("longitude: NaN is outside -180..180 degrees", harness.Collision([1, 2], longitude: double.NaN).Reason);
        Assert.Equal("probability: 1.5 is outside 0..1", harness.Collision([1, 2], probability: 1.5).Reason);
        Assert.Equal("validityDurationS: 86401 is outside 0..86400 (ValidityDuration / DeltaTimeSecond)", harness.Collision([1, 2], validityS: 86401).Reason);
        harness.Report.ValidityDurationS = null;
        harness.Report.AltitudeM = 9000;
        Assert.Equal("altitude: 9000 is outside -1000..8000 m (AltitudeValue -100000..800000 cm)", harness.Service.ReportCollision(harness.Report, RecordSource.Line(3)).Reason);
        harness.Report.AltitudeM = null;
        harness.Report.Risk = (CollisionRisk)42;
        Assert.Equal("risk: 42 is not a known risk class", harness.Service.ReportCollision(harness.Report, RecordSource.Line(3)).Reason);
        harness.Report.Risk = CollisionRisk.Crossing;
        harness.Report.DetectionTime = new DateTimeOffset(2003, 12, 31, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("detectionTime: 2003-12-31T00:00:00.0000000+00:00 is outside TimestampIts (2004-01-01T00:00:00Z onwards)", harness.Service.ReportCollision(harness.Report, RecordSource.Line(3)).Reason);
        Assert.Empty(harness.Sink.Records);
        Assert.Equal(8, harness.Service.Counters.Rejected);
    }

    [Fact]
    public void ReportCollision_ValidityOverride_IsWrittenAndCountsForExpiry()
    {
        var harness = new ServiceHarness(new DenOptions { OnExpiry = OnExpiryAction.Drop });
        harness.Collision([1, 2], validityS: 1);

        Assert.Equal(1, harness.Sink.Records[0].DecodeV2().Payload.Management.ValidityDuration);
        harness.Run(TimeSpan.FromMilliseconds(1010));
        Assert.Equal(0, harness.Service.OriginatingEntryCount);
    }

    [Fact]
    public void Counters_CountEventsAndDenmsByKind()
    {
        var harness = new ServiceHarness(new DenOptions { RepetitionIntervalMs = 500 });
        var trigger = harness.Collision([1, 2]);
        harness.Run(TimeSpan.FromMilliseconds(600));
        harness.Collision([1, 2]);
        harness.Terminate(trigger.ActionId);

        var counters = harness.Service.Counters;

        Assert.Equal(3, counters.EventsIn);
        Assert.Equal(1, counters.NewOut);
        Assert.Equal(1, counters.RepeatOut);
        Assert.Equal(1, counters.UpdateOut);
        Assert.Equal(1, counters.CancelOut);
        Assert.Equal(4, counters.DenmsOut);
        Assert.Equal(1, counters.OriginatingEntries);
        Assert.Equal(0, counters.ActiveEntries);
    }
}
