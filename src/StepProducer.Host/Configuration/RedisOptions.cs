using System.ComponentModel;
using System.Text.Json.Serialization;
using StepProducer.Den;
using StepProducer.Transport.Redis;

namespace StepProducer.Host.Configuration;

/// <summary>The <c>redis</c> section: connection, streams and the state key prefix.</summary>
public sealed record RedisOptions
{
    [Description("How to reach the Redis server.")]
    public RedisConnectionOptions Connection { get; set; } = new();

    [Description("Input, output and dead-letter streams.")]
    public RedisStreamsOptions Streams { get; set; } = new();

    [Description("Prefix of the keys that hold the DEN service state (tables, sequence counter, ownership epoch); "
        + "{stationId} becomes the hash tag {<stationId>}, so by default one station's keys share one slot "
        + "(Redis Cluster: give the stream names the same hash tag).")]
    public string StateKeyPrefix { get; set; } = "step_producer:{stationId}:state:";
}

/// <summary>The <c>redis.connection</c> section.</summary>
public sealed record RedisConnectionOptions
{
    [Description("Host name or IP address of the Redis server.")]
    public string Host { get; set; } = "localhost";

    [Description("TCP port of the Redis server.")]
    [ConfigRange(ConfigLimits.PortMin, ConfigLimits.PortMax)]
    public int Port { get; set; } = 6379;

    [Description("Redis logical database index (SELECT).")]
    [ConfigRange(ConfigLimits.DatabaseMin, ConfigLimits.DatabaseMax)]
    public int Database { get; set; }

    [Description("ACL user name (AUTH username password); null uses the default user.")]
    public string? Username { get; set; }

    [Description("Password, inline. Use passwordFile instead to keep secrets out of the config; not both.")]
    public string? Password { get; set; }

    [Description("File whose first line is the password; not together with password.")]
    public string? PasswordFile { get; set; }

    [Description("Connect with TLS.")]
    public bool Tls { get; set; }

    [Description("PEM file of the CA that signed the server certificate; needs tls true.")]
    public string? CaCertificate { get; set; }

    [Description("First reconnect delay in milliseconds; doubles up to maxRetryIntervalMs.")]
    [ConfigRange(ConfigLimits.RetryIntervalMinMs, ConfigLimits.RetryIntervalMaxMs)]
    public int RetryIntervalMs { get; set; } = 500;

    [Description("Largest reconnect delay in milliseconds; at least retryIntervalMs.")]
    [ConfigRange(ConfigLimits.RetryIntervalMinMs, ConfigLimits.RetryIntervalMaxMs)]
    public int MaxRetryIntervalMs { get; set; } = 30_000;
}

/// <summary>The <c>redis.streams</c> section.</summary>
public sealed record RedisStreamsOptions
{
    [Description("Streams read with XREADGROUP; names unique.")]
    public IReadOnlyList<RedisInputStream> Inputs { get; set; } =
    [
        new() { Name = "step:events", Kind = RedisInputKind.Events },
        new() { Name = "step:denm:received", Kind = RedisInputKind.ReceivedDenm },
    ];

    [Description("Streams every DENM record is appended to; names unique.")]
    public IReadOnlyList<RedisOutputStream> Outputs { get; set; } = [new()];

    [Description("Stream that receives entries that could not be processed, with the reason.")]
    public string DeadLetter { get; set; } = "step:dead_letter";

    [Description("Approximate MAXLEN of the dead-letter stream; 0 = unbounded.")]
    [ConfigRange(ConfigLimits.StreamMaxLengthMin, ConfigLimits.StreamMaxLengthMax)]
    public int DeadLetterMaxLength { get; set; } = 10_000;

    [Description("Entries read per XREADGROUP call.")]
    [ConfigRange(ConfigLimits.BatchSizeMin, ConfigLimits.BatchSizeMax)]
    public int BatchSize { get; set; } = RedisTransportOptions.DefaultBatchSize;

    [Description("Largest accepted input entry in bytes; larger entries are dead-lettered.")]
    [ConfigRange(ConfigLimits.MaxEntryBytesMin, ConfigLimits.MaxEntryBytesMax)]
    public int MaxEntryBytes { get; set; } = 65_536;

    [Description("Pending entries idle this many milliseconds are claimed from a dead consumer (XAUTOCLAIM).")]
    [ConfigRange(ConfigLimits.ClaimIdleMinMs, ConfigLimits.ClaimIdleMaxMs)]
    public int ClaimIdleMs { get; set; } = 30_000;
}

/// <summary>What an input stream carries.</summary>
[JsonConverter(typeof(RedisInputKindJson))]
public enum RedisInputKind
{
    /// <summary>CloudEvents: station collisions and terminations.</summary>
    Events,

    /// <summary>Received DENMs as UPER bytes.</summary>
    ReceivedDenm,
}

/// <summary>JSON names of <see cref="RedisInputKind"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class RedisInputKindJson() : ConfigEnumConverter<RedisInputKind>(ConfigEnumNames.Renamed("events", "receivedDenm"));

/// <summary>One entry of <c>redis.streams.inputs</c>.</summary>
public sealed record RedisInputStream
{
    [Description("Stream key.")]
    public string Name { get; set; } = "step:events";

    [Description("events (CloudEvents) or receivedDenm (UPER DENMs).")]
    public RedisInputKind Kind { get; set; } = RedisInputKind.Events;

    [Description("Consumer group name.")]
    public string Group { get; set; } = "step_producer";
}

/// <summary>One entry of <c>redis.streams.outputs</c>.</summary>
public sealed record RedisOutputStream
{
    [Description("Stream key.")]
    public string Name { get; set; } = "step:denm";

    [Description("Add the JER (ITU-T X.697) mirror of the DENM to each record.")]
    public bool Jer { get; set; } = true;

    [Description("Approximate MAXLEN of the stream; 0 = unbounded.")]
    [ConfigRange(ConfigLimits.StreamMaxLengthMin, ConfigLimits.StreamMaxLengthMax)]
    public int MaxLength { get; set; } = 10_000;
}
