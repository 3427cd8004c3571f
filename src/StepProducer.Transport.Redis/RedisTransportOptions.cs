namespace StepProducer.Transport.Redis;

/// <summary>What an input stream carries (config <c>redis.streams.inputs[].kind</c>).</summary>
public enum RedisInputKind
{
    /// <summary>Field <c>event</c>: one CloudEvents JSON document.</summary>
    Events,

    /// <summary>Field <c>uper</c>: the raw UPER bytes of a DENM received from another station.</summary>
    ReceivedDenm,
}

/// <summary>One input stream, read with a consumer group.</summary>
public sealed record RedisInput(string Name, RedisInputKind Kind, string Group);

/// <summary>One output stream; every DENM record is appended with XADD MAXLEN ~ <see cref="MaxLength"/> (0 = unbounded).</summary>
public sealed record RedisOutput(string Name, bool Jer, int MaxLength);

/// <summary>
/// The transport's settings, already validated by the host's config loader (config section <c>redis</c> plus
/// the top-level <c>timeout</c>, <c>instanceName</c> and <c>stationId</c>). The password is resolved: the host
/// reads <c>passwordFile</c> at start.
/// </summary>
public sealed record RedisTransportOptions
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 6379;

    public int Database { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool Tls { get; init; }

    public string? CaCertificatePath { get; init; }

    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bounds every connect and every command (config <c>timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The consumer name in every group.</summary>
    public string InstanceName { get; init; } = "step_producer";

    public IReadOnlyList<RedisInput> Inputs { get; init; } = [];

    public IReadOnlyList<RedisOutput> Outputs { get; init; } = [];

    public string DeadLetter { get; init; } = "step:dead_letter";

    /// <summary>Approximate MAXLEN of the dead-letter stream; 0 = unbounded.</summary>
    public int DeadLetterMaxLength { get; init; } = 10_000;

    /// <summary>
    /// Entries read per XREADGROUP, and so the most input entries one MULTI/EXEC commits. 256 drained a backlog
    /// 12–16 % faster than 64 in the end-to-end benchmark (bench/README.md, "Quiet machine, session 3"), with the
    /// same p99 at 10,000 events/s. A full batch of the largest entries (maxEntryBytes, 64 KiB) is a 16 MiB read.
    /// </summary>
    public const int DefaultBatchSize = 256;

    public int BatchSize { get; init; } = DefaultBatchSize;

    public int MaxEntryBytes { get; init; } = 65_536;

    public TimeSpan ClaimIdle { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix of every state key; see <see cref="StateKeys"/>.</summary>
    public string StateKeyPrefix { get; init; } = "step_producer:{1}:";

    /// <summary>The default state prefix: the hash tag is the station, so one station's keys share one cluster slot.</summary>
    public static string DefaultStateKeyPrefix(long stationId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"step_producer:{{station-{stationId}}}:");

    /// <summary>The endpoint as logged: host and port only, never the credentials.</summary>
    public string Endpoint => $"{Host}:{Port}";
}
