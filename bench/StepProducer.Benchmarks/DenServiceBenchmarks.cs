using BenchmarkDotNet.Attributes;
using StepProducer.Den;

namespace StepProducer.Benchmarks;

/// <summary>
/// The DEN service per DENM, in steady state (warm tables and pool): a trigger (ActionID, tables, timer,
/// UPER encode, pooled output bytes) and an update of an ACTIVE event, through a sink that returns the
/// bytes to the pool. FillTable measures the memory per active entry: everything allocated to create a
/// service sized for maxActiveEvents and fill it with that many events, per event (Allocated column).
/// </summary>
[MemoryDiagnoser]
public class DenServiceBenchmarks
{
    /// <summary>Events per measured invocation: enough for an iteration of tens of milliseconds.</summary>
    private const int Events = 50_000;

    /// <summary>FillTable uses the default den.maxActiveEvents, the configuration an RSU runs.</summary>
    private const int DefaultMaxActiveEvents = 10_000;

    private readonly CollisionReport _report = new();
    private readonly ManualClock _clock = new();
    private DenService _service = null!;

    [Params(Asn1Version.V2, Asn1Version.V1)]
    public Asn1Version Version { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _service = new DenService(Options(Events), _clock, new ReturningSink());

        // One fill and expiry touches every table page and warms the pool before anything is measured.
        ReportAll(_service, Events);
        ExpireAll();
    }

    /// <summary>Validity (2 s) ends and the expiry timers remove every entry (onExpiry = drop: no DENM).</summary>
    [IterationCleanup(Target = nameof(TriggerAndEncode))]
    public void ExpireAll()
    {
        _clock.Advance(TimeSpan.FromSeconds(3));
        _service.Advance();
    }

    [IterationSetup(Target = nameof(UpdateAndEncode))]
    public void MakeEveryEventActive()
    {
        if (_service.ActiveEventCount == 0)
        {
            ReportAll(_service, Events);
        }

        _clock.Advance(TimeSpan.FromMilliseconds(1));
    }

    /// <summary>New events on an empty table: ActionID, both indexes, timer, UPER encode, pooled bytes.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    [InvocationCount(1)]
    public void TriggerAndEncode() => ReportAll(_service, Events);

    /// <summary>The same reports 1 ms later on the full table: updates that keep their ActionIDs.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    [InvocationCount(1)]
    public void UpdateAndEncode() => ReportAll(_service, Events);

    /// <summary>Allocated = bytes per active entry: a service sized for 10,000 events, filled with 10,000.</summary>
    [Benchmark(OperationsPerInvoke = DefaultMaxActiveEvents)]
    [InvocationCount(1)]
    public DenService FillTable()
    {
        var service = new DenService(Options(DefaultMaxActiveEvents), _clock, new ReturningSink());
        ReportAll(service, DefaultMaxActiveEvents);
        return service;
    }

    private DenOptions Options(int maxActiveEvents) => new()
    {
        StationId = 1001,
        Asn1 = Version,
        MaxActiveEvents = maxActiveEvents,
        MinUpdateIntervalMs = 0,
        OnExpiry = OnExpiryAction.Drop,
    };

    private void ReportAll(DenService service, int count)
    {
        for (uint index = 0; index < count; index++)
        {
            Fill(index);
            service.ReportCollision(_report, RecordSource.Line(index));
        }
    }

    private void Fill(uint index)
    {
        _report.Reset();
        _report.StationIds.Add(index + 2);
        _report.StationIds.Add(1);
        _report.Risk = CollisionRisk.Crossing;
        _report.LatitudeDeg = 48.137;
        _report.LongitudeDeg = 11.575;
        _report.Probability = 0.6;
    }

    private sealed class ReturningSink : IDenRecordSink
    {
        public void Emit(in DenRecord record) => record.Uper.Return();
    }

    /// <summary>A clock that only moves when told, so every iteration sees the same times.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => _now.UtcTicks;

        public void Advance(TimeSpan elapsed) => _now += elapsed;
    }
}
