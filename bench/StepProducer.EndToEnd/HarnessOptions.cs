using System.Globalization;

namespace StepProducer.EndToEnd;

/// <summary>Which redis-server persistence a run uses.</summary>
public enum Persistence
{
    /// <summary>save "" and appendonly no: Redis works from memory only.</summary>
    None,

    /// <summary>appendonly yes, appendfsync everysec: every write also goes to the AOF, fsynced once a second.</summary>
    AppendOnlyEverySec,
}

/// <summary>The harness's command line. Every size and duration is an option so a test can run it small.</summary>
public sealed record HarnessOptions
{
    public const string Usage = """
        usage: step_producer_e2e [OPTIONS]
          --binary FILE          the step_producer to run (default artifacts/linux-x64/step_producer)
          --events N             station-collision events preloaded for the throughput run (default 200000)
          --event-keys N         distinct event keys the collisions rotate over, 1..16384 (default 4096)
          --rates R,R            paced offered loads in events/s for the latency runs (default 1000,10000)
          --latency-seconds S    length of each paced run (default 10)
          --rss-seconds S        length of the 1,000 events/s run that watches RSS growth (default 60; 0 = skip)
          --persistence LIST     none, aof or both (default both)
          --bench-requests N     XADDs redis-benchmark sends (default 200000)
          --batch-size N         the producer's redis.streams.batchSize, 1..1000 (default: the producer's default)
          --json                 print the results as JSON instead of a table
          --work-dir DIR         keep configs and logs in DIR (default a temp directory, deleted at the end)
          -h, --help             this text
        """;

    /// <summary>Event keys are station pairs; 16,384 stays well below the 65,536 ActionIDs of one station.</summary>
    public const int MaxEventKeys = 16_384;

    public string Binary { get; init; } = "";

    public int Events { get; init; } = 200_000;

    public int EventKeys { get; init; } = 4096;

    public IReadOnlyList<int> Rates { get; init; } = [1000, 10_000];

    public int LatencySeconds { get; init; } = 10;

    public int RssSeconds { get; init; } = 60;

    public IReadOnlyList<Persistence> Persistences { get; init; } = [Persistence.None, Persistence.AppendOnlyEverySec];

    public int BenchRequests { get; init; } = 200_000;

    /// <summary>redis.streams.batchSize of the producer; null leaves the producer's default.</summary>
    public int? BatchSize { get; init; }

    public bool Json { get; init; }

    public string? WorkDirectory { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the option and the rule.</summary>
    public static HarnessOptions Parse(IReadOnlyList<string> args, string defaultBinary)
    {
        var options = new HarnessOptions { Binary = defaultBinary };
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            string Value() => index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{name}: needs a value");
            options = name switch
            {
                "--binary" => options with { Binary = Value() },
                "--events" => options with { Events = Number(name, Value(), 1, int.MaxValue) },
                "--event-keys" => options with { EventKeys = Number(name, Value(), 1, MaxEventKeys) },
                "--rates" => options with { Rates = Value().Split(',').Select(rate => Number(name, rate, 1, 1_000_000)).ToArray() },
                "--latency-seconds" => options with { LatencySeconds = Number(name, Value(), 1, 3600) },
                "--rss-seconds" => options with { RssSeconds = Number(name, Value(), 0, 3600) },
                "--persistence" => options with { Persistences = ParsePersistence(Value()) },
                "--bench-requests" => options with { BenchRequests = Number(name, Value(), 1, int.MaxValue) },
                // The config schema's range of redis.streams.batchSize.
                "--batch-size" => options with { BatchSize = Number(name, Value(), 1, 1000) },
                "--json" => options with { Json = true },
                "--work-dir" => options with { WorkDirectory = Value() },
                _ => throw new ArgumentException($"{name}: unknown option"),
            };
        }

        return options;
    }

    private static int Number(string option, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a whole number in {min}..{max}");

    private static Persistence[] ParsePersistence(string text) => text switch
    {
        "none" => [Persistence.None],
        "aof" => [Persistence.AppendOnlyEverySec],
        "both" => [Persistence.None, Persistence.AppendOnlyEverySec],
        _ => throw new ArgumentException($"--persistence: '{text}' is not one of none, aof, both"),
    };
}
