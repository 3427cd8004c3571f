using StepProducer.Den;

namespace StepProducer.Host.Configuration;

/// <summary>
/// Checks every value of a parsed config: ranges, required keys, string rules and cross-field rules.
/// Collects all errors with their JSON paths instead of stopping at the first.
/// </summary>
public static class ConfigValidator
{
    /// <summary>Instance names end up in log lines and Redis consumer names: keep them short and plain.</summary>
    private const int InstanceNameMaxLength = 64;

    public static IReadOnlyList<ConfigError> Validate(ProducerConfig config)
    {
        var errors = new ErrorList();
        CheckInstanceName(errors, "instanceName", config.InstanceName);
        if (config.StationId is { } stationId)
        {
            errors.Range("stationId", stationId, ConfigLimits.StationIdMin, ConfigLimits.StationIdMax);
        }
        else
        {
            errors.Add("stationId", "required (the StationID of this roadside unit, 0..4294967295)");
        }

        errors.Range("timeout", config.Timeout, ConfigLimits.TimeoutMinS, ConfigLimits.TimeoutMaxS);
        CheckDen(errors, config.Den);
        if (config.Redis is { } redis)
        {
            CheckRedis(errors, redis);
        }

        CheckLog(errors, config.Log);
        return errors.Items;
    }

    /// <summary>The DEN service validates its own section; its messages already start with "den.key: ".</summary>
    private static void CheckDen(ErrorList errors, DenOptions den)
    {
        if (den.RepetitionDurationMs > 0 && den.RepetitionIntervalMs == 0)
        {
            errors.Add("den.repetitionDurationMs", $"{den.RepetitionDurationMs} needs repetitionIntervalMs > 0 (repetition is off)");
        }

        foreach (var message in den.Validate())
        {
            var separator = message.IndexOf(": ", StringComparison.Ordinal);
            if (separator > 0)
            {
                errors.Add(message[..separator], message[(separator + 2)..]);
            }
            else
            {
                errors.Add("den", message);
            }
        }
    }

    internal static void CheckInstanceName(ErrorList errors, string path, string name)
    {
        if (name.Length is 0 or > InstanceNameMaxLength)
        {
            errors.Add(path, $"\"{name}\" must be 1..{InstanceNameMaxLength} characters long");
            return;
        }

        foreach (var character in name)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-'))
            {
                errors.Add(path, $"\"{name}\" may hold only ASCII letters, digits, '.', '_' and '-'");
                return;
            }
        }
    }

    private static void CheckRedis(ErrorList errors, RedisOptions redis)
    {
        var connection = redis.Connection;
        errors.NotEmpty("redis.connection.host", connection.Host);
        errors.Range("redis.connection.port", connection.Port, ConfigLimits.PortMin, ConfigLimits.PortMax);
        errors.Range("redis.connection.database", connection.Database, ConfigLimits.DatabaseMin, ConfigLimits.DatabaseMax);
        if (connection.Password is not null && connection.PasswordFile is not null)
        {
            errors.Add("redis.connection.passwordFile", "set either password or passwordFile, not both");
        }

        if (connection.PasswordFile is { } passwordFile && !File.Exists(passwordFile))
        {
            errors.Add("redis.connection.passwordFile", $"file \"{passwordFile}\" does not exist");
        }

        if (connection.Username is not null && connection.Password is null && connection.PasswordFile is null)
        {
            errors.Add("redis.connection.username", "needs password or passwordFile (Redis AUTH takes both)");
        }

        if (connection.CaCertificate is { } caCertificate)
        {
            if (!connection.Tls)
            {
                errors.Add("redis.connection.caCertificate", "needs tls: true");
            }

            if (!File.Exists(caCertificate))
            {
                errors.Add("redis.connection.caCertificate", $"file \"{caCertificate}\" does not exist");
            }
        }

        errors.Range("redis.connection.retryIntervalMs", connection.RetryIntervalMs,
            ConfigLimits.RetryIntervalMinMs, ConfigLimits.RetryIntervalMaxMs);
        errors.Range("redis.connection.maxRetryIntervalMs", connection.MaxRetryIntervalMs,
            ConfigLimits.RetryIntervalMinMs, ConfigLimits.RetryIntervalMaxMs);
        if (connection.MaxRetryIntervalMs < connection.RetryIntervalMs)
        {
            errors.Add("redis.connection.maxRetryIntervalMs",
                $"{connection.MaxRetryIntervalMs} is below retryIntervalMs {connection.RetryIntervalMs}");
        }

        CheckStreams(errors, redis.Streams);
        errors.NotEmpty("redis.stateKeyPrefix", redis.StateKeyPrefix);
    }

    private static void CheckStreams(ErrorList errors, RedisStreamsOptions streams)
    {
        // Every stream key the producer touches, with the path that named it first: one key must not
        // serve two roles (reading our own output back as input would loop forever).
        var streamNames = new Dictionary<string, string>(StringComparer.Ordinal);

        errors.Count("redis.streams.inputs", streams.Inputs.Count, ConfigLimits.StreamsMin, ConfigLimits.StreamsMax);
        for (var index = 0; index < streams.Inputs.Count; index++)
        {
            var path = $"redis.streams.inputs[{index}]";
            if (errors.NotNull(path, streams.Inputs[index]) is not { } input)
            {
                continue;
            }

            CheckStreamName(errors, streamNames, path + ".name", input.Name);
            errors.NotEmpty(path + ".group", input.Group);
        }

        errors.Count("redis.streams.outputs", streams.Outputs.Count, ConfigLimits.StreamsMin, ConfigLimits.StreamsMax);
        for (var index = 0; index < streams.Outputs.Count; index++)
        {
            var path = $"redis.streams.outputs[{index}]";
            if (errors.NotNull(path, streams.Outputs[index]) is not { } output)
            {
                continue;
            }

            CheckStreamName(errors, streamNames, path + ".name", output.Name);
            errors.Range(path + ".maxLength", output.MaxLength,
                ConfigLimits.StreamMaxLengthMin, ConfigLimits.StreamMaxLengthMax);
        }

        CheckStreamName(errors, streamNames, "redis.streams.deadLetter", streams.DeadLetter);
        errors.Range("redis.streams.deadLetterMaxLength", streams.DeadLetterMaxLength,
            ConfigLimits.StreamMaxLengthMin, ConfigLimits.StreamMaxLengthMax);
        errors.Range("redis.streams.batchSize", streams.BatchSize, ConfigLimits.BatchSizeMin, ConfigLimits.BatchSizeMax);
        errors.Range("redis.streams.maxEntryBytes", streams.MaxEntryBytes,
            ConfigLimits.MaxEntryBytesMin, ConfigLimits.MaxEntryBytesMax);
        errors.Range("redis.streams.claimIdleMs", streams.ClaimIdleMs, ConfigLimits.ClaimIdleMinMs, ConfigLimits.ClaimIdleMaxMs);
    }

    private static void CheckStreamName(ErrorList errors, Dictionary<string, string> seen, string path, string name)
    {
        if (!errors.NotEmpty(path, name))
        {
            return;
        }

        if (!seen.TryAdd(name, path))
        {
            errors.Add(path, $"\"{name}\" is already used by {seen[name]}; stream names must be unique");
        }
    }

    private static void CheckLog(ErrorList errors, LogOptions log)
    {
        errors.Count("log.handlers", log.Handlers.Count, 1, ConfigLimits.HandlersMax);
        var consoleSeen = false;
        var filePaths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < log.Handlers.Count; index++)
        {
            var path = $"log.handlers[{index}]";
            switch (errors.NotNull(path, log.Handlers[index]))
            {
                case ConsoleLogHandler when consoleSeen:
                    errors.Add(path + ".type", "only one console handler is allowed");
                    break;
                case ConsoleLogHandler:
                    consoleSeen = true;
                    break;
                case FileLogHandler file:
                    if (errors.NotEmpty(path + ".path", file.Path) && !filePaths.TryAdd(file.Path, path))
                    {
                        errors.Add(path + ".path", $"\"{file.Path}\" is already used by {filePaths[file.Path]}");
                    }

                    errors.Range(path + ".maxSizeMb", file.MaxSizeMb, ConfigLimits.MaxSizeMbMin, ConfigLimits.MaxSizeMbMax);
                    errors.Range(path + ".maxFiles", file.MaxFiles, ConfigLimits.MaxFilesMin, ConfigLimits.MaxFilesMax);
                    break;
                case null:
                    break;
                default:
                    errors.Add(path + ".type", "required: \"console\" or \"file\"");
                    break;
            }
        }
    }
}

/// <summary>Collects <see cref="ConfigError"/>s; the checks return whether the value passed.</summary>
internal sealed class ErrorList
{
    private readonly List<ConfigError> items = [];

    public IReadOnlyList<ConfigError> Items => items;

    public void Add(string path, string message) => items.Add(new ConfigError(path, message));

    public bool Range(string path, long value, long minimum, long maximum)
    {
        if (value < minimum)
        {
            Add(path, $"{value} is below the minimum {minimum}");
            return false;
        }

        if (value > maximum)
        {
            Add(path, $"{value} is above the maximum {maximum}");
            return false;
        }

        return true;
    }

    public bool Count(string path, int count, int minimum, int maximum)
    {
        if (count >= minimum && count <= maximum)
        {
            return true;
        }

        Add(path, $"{count} {(count == 1 ? "item" : "items")}, need {minimum}..{maximum}");
        return false;
    }

    public bool NotEmpty(string path, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Add(path, "must not be empty");
        return false;
    }

    public T? NotNull<T>(string path, T? value)
        where T : class
    {
        if (value is null)
        {
            Add(path, "must be an object, not null");
        }

        return value;
    }
}
