using System.Text.Json.Serialization;

namespace StepProducer.EndToEnd;

/// <summary>Everything one harness run measured (the --json document).</summary>
public sealed record HarnessResults
{
    public required MachineInfo Machine { get; init; }

    public required string Binary { get; init; }

    /// <summary>The producer's redis.streams.batchSize (--batch-size); null when the producer's default applied.</summary>
    public int? BatchSize { get; init; }

    public required IReadOnlyList<PersistenceResults> Runs { get; init; }
}

public sealed record MachineInfo
{
    public required string CpuModel { get; init; }

    public required int Cores { get; init; }

    public required long MemoryBytes { get; init; }

    /// <summary>/proc/loadavg's 1-minute load when the run started: other work on the machine.</summary>
    public required double LoadAverage1Min { get; init; }
}

/// <summary>The measurements against one redis-server.</summary>
public sealed record PersistenceResults
{
    public required string Persistence { get; init; }

    public required ThroughputResults Throughput { get; init; }

    public required RedisBenchmarkResults RedisBenchmark { get; init; }

    /// <summary>The headline: producer DENMs/s ÷ redis-benchmark XADD/s on the same server.</summary>
    public required double Ratio { get; init; }

    public required IReadOnlyList<LatencyResults> Latency { get; init; }

    /// <summary>The producer's peak RSS (VmHWM) over the whole run.</summary>
    public required long ProducerMaxRssBytes { get; init; }
}

public sealed record ThroughputResults
{
    public required int Events { get; init; }

    /// <summary>Collisions in the preloaded events: the DENMs expected (one per collision).</summary>
    public required long ExpectedDenms { get; init; }

    /// <summary>Of them, the first collision of each event key: <c>new</c>; the rest are <c>update</c>.</summary>
    public required long ExpectedNew { get; init; }

    public required long DenmsOut { get; init; }

    public required long NewOut { get; init; }

    public required long DeadLetters { get; init; }

    /// <summary>Output entries per second from the first to the last output entry (Redis entry-ID clock, 1 ms).</summary>
    public required double DenmsPerSecond { get; init; }

    public required double FirstToLastSeconds { get; init; }

    public required double ProducerCpuSeconds { get; init; }

    public required double RedisCpuSeconds { get; init; }

    /// <summary>Bytes of one output entry's field names and values (what redis-benchmark's XADD carries).</summary>
    public required int OutputEntryBytes { get; init; }
}

public sealed record RedisBenchmarkResults
{
    public required string Command { get; init; }

    public required int Requests { get; init; }

    public required double XaddPerSecond { get; init; }
}

/// <summary>One paced run: input XADD to output XADD, both on the Redis entry-ID clock (1 ms steps).</summary>
public sealed record LatencyResults
{
    public required int OfferedEventsPerSecond { get; init; }

    public required double AchievedEventsPerSecond { get; init; }

    public required int Seconds { get; init; }

    public required long EventsSent { get; init; }

    public required long DenmsOut { get; init; }

    public required long ExpectedDenms { get; init; }

    public required double P50Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double P999Ms { get; init; }

    public required double MaxMs { get; init; }

    public required double ProducerCpuSeconds { get; init; }

    public required double RedisCpuSeconds { get; init; }

    /// <summary>Producer RSS after the first tenth of the run (warm-up) and at its end.</summary>
    public required long RssAfterWarmupBytes { get; init; }

    public required long RssAtEndBytes { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HarnessResults))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
