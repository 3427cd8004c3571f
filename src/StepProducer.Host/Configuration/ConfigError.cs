namespace StepProducer.Host.Configuration;

/// <summary>One broken rule of the config: the JSON path of the key (e.g. <c>redis.connection.port</c>) and why.</summary>
public readonly record struct ConfigError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Thrown when a config cannot be used; holds every error found, not just the first.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
