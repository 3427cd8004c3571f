using CsCheck;
using StepProducer.Den;

namespace StepProducer.Den.Tests;

public class TimerWheelTests
{
    /// <summary>24 h at the default 10 ms tick: the longest validityDuration (86400 s).</summary>
    private const long TicksIn24Hours = 8_640_000;

    public static TheoryData<long> Delays =>
    [
        1, 2, 63, 64, 65, 127, 128, 4095, 4096, 4097, 262_143, 262_144, 262_145, 16_777_215, TicksIn24Hours,

        // Beyond the four levels (64^4 ticks): the overflow list.
        16_777_216, 16_777_216 + 4097, 40_000_000,
    ];

    [Theory]
    [MemberData(nameof(Delays))]
    public void TryPopDue_OneTimer_FiresAtItsTickAndNotBefore(long delay)
    {
        foreach (var start in new long[] { 0, 1, 63, 4095, 262_100, 16_777_000 })
        {
            var wheel = new TimerWheel<int>(startTick: start);
            wheel.Schedule(start + delay, 42);

            Assert.False(wheel.TryPopDue(start + delay - 1, out _));
            Assert.True(wheel.TryPopDue(start + delay, out var payload));
            Assert.Equal(42, payload);
            Assert.Equal(0, wheel.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Delays))]
    public void TryPopDue_SteppedInIrregularIncrements_FiresExactlyAtTheDueTick(long delay)
    {
        var wheel = new TimerWheel<int>(startTick: 5);
        var due = 5 + delay;
        wheel.Schedule(due, 1);
        var now = 5L;
        var step = 1L;
        var iterations = 0;
        while (now < due && iterations++ < 10_000)
        {
            Assert.False(wheel.TryPopDue(now, out _));

            // Steps grow geometrically, so long delays need few calls, and every level boundary is crossed.
            step += (step / 2) + 1;
            now = Math.Min(now + step, due - 1);
            if (now == due - 1)
            {
                Assert.False(wheel.TryPopDue(now, out _));
                now = due;
            }
        }

        Assert.True(wheel.TryPopDue(now, out _));
    }

    [Fact]
    public void TryPopDue_LateCall_ReturnsEveryOverdueTimerInDueOrder()
    {
        var wheel = new TimerWheel<long>();
        var random = new Random(7);
        var dues = new List<long>();
        for (var index = 0; index < 20_000; index++)
        {
            var due = random.NextInt64(1, TicksIn24Hours);
            dues.Add(due);
            wheel.Schedule(due, due);
        }

        var fired = new List<long>();
        while (wheel.TryPopDue(TicksIn24Hours, out var due))
        {
            fired.Add(due);
        }

        dues.Sort();
        Assert.Equal(dues, fired);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void TryPopDue_SameTick_FirstScheduledFirst()
    {
        var wheel = new TimerWheel<int>();
        for (var payload = 0; payload < 10; payload++)
        {
            // Half go through higher levels (due 5000), half are scheduled when 5000 is already within level 0.
            wheel.Schedule(5000, payload);
        }

        Assert.False(wheel.TryPopDue(4990, out _));
        for (var payload = 10; payload < 20; payload++)
        {
            wheel.Schedule(5000, payload);
        }

        var fired = new List<int>();
        while (wheel.TryPopDue(6000, out var payload))
        {
            fired.Add(payload);
        }

        Assert.Equal(Enumerable.Range(0, 20), fired);
    }

    [Fact]
    public void Cancel_PendingTimer_NeverFires()
    {
        var wheel = new TimerWheel<int>();
        var kept = wheel.Schedule(100, 1);
        var cancelled = wheel.Schedule(100, 2);
        var farCancelled = wheel.Schedule(TicksIn24Hours, 3);

        Assert.True(wheel.Cancel(cancelled));
        Assert.True(wheel.Cancel(farCancelled));
        Assert.False(wheel.Cancel(cancelled));
        Assert.True(wheel.TryPopDue(TicksIn24Hours, out var payload));
        Assert.Equal(1, payload);
        Assert.False(wheel.TryPopDue(TicksIn24Hours, out _));
        Assert.False(wheel.Cancel(kept));
    }

    [Fact]
    public void Cancel_StaleHandleOfAReusedNode_LeavesTheNewTimerAlone()
    {
        var wheel = new TimerWheel<int>();
        var first = wheel.Schedule(10, 1);
        Assert.True(wheel.Cancel(first));
        var second = wheel.Schedule(20, 2);

        Assert.Equal(first.Index, second.Index);
        Assert.False(wheel.Cancel(first));
        Assert.False(wheel.Cancel(default));
        Assert.True(wheel.TryPopDue(20, out var payload));
        Assert.Equal(2, payload);
    }

    [Fact]
    public void Schedule_PastTick_IsDueAtOnce()
    {
        var wheel = new TimerWheel<int>();
        Assert.False(wheel.TryPopDue(1000, out _));
        wheel.Schedule(3, 9);

        Assert.True(wheel.TryPopDue(1000, out var payload));
        Assert.Equal(9, payload);
    }

    [Fact]
    public void Schedule_BeyondInitialCapacity_GrowsAndKeepsEveryTimer()
    {
        var wheel = new TimerWheel<int>(initialCapacity: 4);
        for (var index = 0; index < 1000; index++)
        {
            wheel.Schedule(index % 97 + 1, index);
        }

        var count = 0;
        while (wheel.TryPopDue(100, out _))
        {
            count++;
        }

        Assert.Equal(1000, count);
    }

    /// <summary>
    /// Random schedule, cancel and advance operations against a sorted list: the wheel returns exactly the
    /// timers due by each advance, in (due, schedule order), and never a cancelled one.
    /// </summary>
    [Fact]
    public void Operations_RandomSequences_MatchASortedReferenceModel()
    {
        var operation = Gen.Select(Gen.Int[0, 2], Gen.Long[0, 20_000_000], Gen.Int[0, 1000]);
        Gen.Select(Gen.Long[0, 20_000_000], operation.Array[1, 200]).Sample(sample =>
        {
            var (start, operations) = sample;
            var wheel = new TimerWheel<int>(initialCapacity: 8, startTick: start);
            var reference = new List<(long Due, int Id, TimerHandle Handle)>();
            var now = start;
            var nextId = 0;
            foreach (var (kind, value, pick) in operations)
            {
                switch (kind)
                {
                    case 0:
                        var due = now + (value % 3 == 0 ? value % 70 : value);
                        reference.Add((Math.Max(due, now), nextId, wheel.Schedule(due, nextId)));
                        nextId++;
                        break;
                    case 1 when reference.Count > 0:
                        var victim = reference[pick % reference.Count];
                        Assert.True(wheel.Cancel(victim.Handle));
                        reference.Remove(victim);
                        break;
                    default:
                        now += value % 5 == 0 ? value : value % 5000;
                        var expected = reference.Where(timer => timer.Due <= now).OrderBy(timer => timer.Due).ThenBy(timer => timer.Id).Select(timer => timer.Id).ToList();
                        reference.RemoveAll(timer => timer.Due <= now);
                        var actual = new List<int>();
                        while (actual.Count <= expected.Count && wheel.TryPopDue(now, out var id))
                        {
                            actual.Add(id);
                        }

                        Assert.Equal(expected, actual);
                        break;
                }

                Assert.Equal(reference.Count, wheel.Count);
            }
        }, iter: 300);
    }
}
