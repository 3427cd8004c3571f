using StepProducer.TestSupport;

namespace StepProducer.Den.Tests;

/// <summary>
/// The DENM path allocates nothing per DENM in steady state: after a warm-up round (which sizes the pool,
/// the hash sets and the JIT tiers), 10,000 more operations of each kind add 0 bytes on this thread
/// (<see cref="SteadyStateAllocations"/>).
/// </summary>
public class AllocationTests
{
    private const int Operations = 10_000;

    [Fact]
    public void TriggerUpdateRepetitionAndExpiry_InSteadyState_AllocateZeroBytes()
    {
        var clock = new SplitClock(ServiceHarness.Start);
        var sink = new ReturningSink();
        var options = new DenOptions
        {
            StationId = ServiceHarness.OwnStationId,
            MaxActiveEvents = Operations,
            MinUpdateIntervalMs = 0,
            RepetitionIntervalMs = 100,
            ValidityDurationS = 2,
        };
        var service = new DenService(options, clock, sink);
        var report = new CollisionReport();

        var mostEntriesLeftAfterARound = 0;
        var (allocated, rounds) = SteadyStateAllocations.Measure(() =>
        {
            ReportEveryEvent(service, report, clock);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            ReportEveryEvent(service, report, clock);

            // 19 repetition rounds of 10,000 entries, then 10,000 expiries with an expire-cancel DENM each.
            for (var step = 0; step < 210; step++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(10));
                service.Advance();
            }

            // Asserted after measuring: an xunit assertion allocates.
            mostEntriesLeftAfterARound = Math.Max(mostEntriesLeftAfterARound, service.OriginatingEntryCount);
        });

        Assert.Equal(0, mostEntriesLeftAfterARound);
        var counters = service.Counters;
        Assert.Equal(rounds * Operations, counters.NewOut);
        Assert.Equal(rounds * Operations, counters.UpdateOut);
        Assert.Equal(rounds * 19 * Operations, counters.RepeatOut);
        Assert.Equal(rounds * Operations, counters.ExpireCancelOut);
        Assert.Equal(0, allocated);
    }

    /// <summary>With a state store attached, collecting and handing over each batch of changes allocates nothing either.</summary>
    [Fact]
    public void FlushState_InSteadyState_AllocatesZeroBytes()
    {
        var clock = new SplitClock(ServiceHarness.Start);
        var store = new CountingStore();
        var options = new DenOptions { StationId = ServiceHarness.OwnStationId, MaxActiveEvents = Operations, MinUpdateIntervalMs = 0 };
        var service = new DenService(options, clock, new ReturningSink(), store);
        var report = new CollisionReport();

        var (allocated, rounds) = SteadyStateAllocations.Measure(() =>
        {
            for (uint index = 0; index < Operations; index++)
            {
                Fill(report, index, clock.WallClock);
                service.ReportCollision(report, RecordSource.Line(index));
                if (index % 100 == 99)
                {
                    service.FlushState();
                }
            }

            clock.Advance(TimeSpan.FromSeconds(3));
            service.Advance();
            service.FlushState();
        });

        Assert.Equal(rounds * Operations, store.Upserts);
        Assert.Equal(rounds * Operations, store.Removals);
        Assert.Equal(0, allocated);
    }

    private static void ReportEveryEvent(DenService service, CollisionReport report, SplitClock clock)
    {
        for (uint index = 0; index < Operations; index++)
        {
            Fill(report, index, clock.WallClock);
            service.ReportCollision(report, RecordSource.Line(index));
        }
    }

    private static void Fill(CollisionReport report, uint index, DateTimeOffset now)
    {
        report.Reset();
        report.DetectionTime = now.AddMilliseconds(-5);
        report.StationIds.Add(index + 100);
        report.StationIds.Add(1);
        report.Risk = CollisionRisk.Crossing;
        report.LatitudeDeg = 48.1;
        report.LongitudeDeg = 11.5;
        report.Probability = 0.7;
    }

    /// <summary>Reads every change like a store would (the DENM bytes included) and keeps only counts.</summary>
    private sealed class CountingStore : IDenStateStore
    {
        public long Upserts { get; private set; }

        public long Removals { get; private set; }

        public long DenmBytes { get; private set; }

        public void Apply(DenStateBatch batch)
        {
            foreach (var entry in batch.Upserts)
            {
                DenmBytes += entry.Denm.Span.Length;
                Upserts++;
            }

            Removals += batch.RemovalCount;
        }
    }

    /// <summary>Consumes each record like a writer would: reads the bytes, then returns them to the pool.</summary>
    private sealed class ReturningSink : IDenRecordSink
    {
        public long Bytes { get; private set; }

        public void Emit(in DenRecord record)
        {
            Bytes += record.Uper.Span.Length;
            record.Uper.Return();
        }
    }
}
