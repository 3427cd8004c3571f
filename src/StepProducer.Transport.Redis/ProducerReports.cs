using StepProducer.Den;

namespace StepProducer.Transport.Redis;

/// <summary>How <see cref="RedisProducer.RunAsync"/> ended after a stop request.</summary>
public enum StopOutcome
{
    /// <summary>Stopped; with den.onShutdown = cancel, every active DENM was cancelled and committed.</summary>
    Stopped,

    /// <summary>den.onShutdown = cancel, but the cancellations were not (or not all) committed; the state keeps the entries.</summary>
    CancellationsNotSent,
}

/// <summary>
/// The committed totals of one producer run, for the 10 s counters log line: the DEN service's counters summed
/// over every service instance (a restore builds a new one), counting only batches that committed, and the
/// entries sent to the dead-letter stream. Active, originating and receiving entries are those of the last commit.
/// </summary>
public readonly record struct RedisCounters(DenCounters Den, long DeadLetters);
