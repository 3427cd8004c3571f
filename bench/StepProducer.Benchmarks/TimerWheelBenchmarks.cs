using BenchmarkDotNet.Attributes;
using StepProducer.Den;

namespace StepProducer.Benchmarks;

/// <summary>
/// The DEN service's timer wheel holding 1,000,000 active timers. Schedule and Cancel are measured one
/// operation at a time over a batch (the batch is set up and cleaned up outside the measurement);
/// AdvanceOneTick is the steady state of a full wheel: about one timer fires per tick and is rescheduled.
/// </summary>
[MemoryDiagnoser]
public class TimerWheelBenchmarks
{
    private const int ActiveTimers = 1_000_000;

    /// <summary>Operations per measured invocation: enough that one invocation takes milliseconds.</summary>
    private const int Batch = 100_000;

    /// <summary>The active timers are spread over this many ticks, so about one is due per tick.</summary>
    private const long Spread = ActiveTimers;

    private readonly TimerHandle[] _batchHandles = new TimerHandle[Batch];
    private readonly long[] _batchDues = new long[Batch];
    private TimerWheel<int> _wheel = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _wheel = new TimerWheel<int>(ActiveTimers + Batch);
        var random = new Random(42);
        for (var index = 0; index < ActiveTimers; index++)
        {
            _wheel.Schedule(random.NextInt64(1, Spread), index);
        }

        for (var index = 0; index < Batch; index++)
        {
            // Due times from 1 tick to 24 h at 10 ms ticks, the range the service uses.
            _batchDues[index] = random.NextInt64(1, 8_640_000);
        }
    }

    [IterationSetup(Target = nameof(Cancel))]
    public void ScheduleBatch()
    {
        for (var index = 0; index < Batch; index++)
        {
            _batchHandles[index] = _wheel.Schedule(_now + _batchDues[index], index);
        }
    }

    [IterationCleanup(Target = nameof(Schedule))]
    public void CancelBatch()
    {
        for (var index = 0; index < Batch; index++)
        {
            _wheel.Cancel(_batchHandles[index]);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [InvocationCount(1)]
    public void Schedule()
    {
        for (var index = 0; index < Batch; index++)
        {
            _batchHandles[index] = _wheel.Schedule(_now + _batchDues[index], index);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [InvocationCount(1)]
    public void Cancel()
    {
        for (var index = 0; index < Batch; index++)
        {
            _wheel.Cancel(_batchHandles[index]);
        }
    }

    [Benchmark]
    public int AdvanceOneTick()
    {
        _now++;
        var fired = 0;
        while (_wheel.TryPopDue(_now, out var payload))
        {
            _wheel.Schedule(_now + Spread, payload);
            fired++;
        }

        return fired;
    }
}
