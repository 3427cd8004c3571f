using System.Text.Json;

namespace StepProducer.Host.Configuration;

/// <summary>Reads, parses and validates a config file.</summary>
public static class ConfigLoader
{
    /// <summary>Loads <paramref name="path"/>; throws <see cref="ConfigException"/> listing every problem found.</summary>
    public static ProducerConfig Load(string path)
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigError(path, $"cannot read the config file: {error.Message}")]);
        }

        return Parse(json);
    }

    /// <summary>Parses and validates config JSON; throws <see cref="ConfigException"/> listing every problem found.</summary>
    public static ProducerConfig Parse(ReadOnlySpan<byte> json)
    {
        ProducerConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, ConfigJsonContext.Default.ProducerConfig);
        }
        catch (JsonException error)
        {
            throw new ConfigException([FromJsonException(error)]);
        }
        catch (NotSupportedException error) when (error.Message.Contains("type discriminator", StringComparison.Ordinal))
        {
            // System.Text.Json reports a polymorphic object without its "type" key this way.
            var path = ToConfigPath(PathOf(error.Message));
            throw new ConfigException([new ConfigError(path + ".type", "required (\"console\" or \"file\")")]);
        }

        if (config is null)
        {
            throw new ConfigException([new ConfigError("$", "the config is null; expected a JSON object")]);
        }

        var errors = ConfigValidator.Validate(config);
        return errors.Count == 0 ? config : throw new ConfigException(errors);
    }

    /// <summary>Turns System.Text.Json's message into "path: reason (line L, column C)".</summary>
    private static ConfigError FromJsonException(JsonException error)
    {
        var path = ToConfigPath(error.Path);
        var reason = Reason(error.Message);
        if (error.Message.Contains("unrecognized type discriminator", StringComparison.Ordinal))
        {
            path += ".type";
        }

        if (error.LineNumber is { } line)
        {
            // JsonException counts lines and bytes from 0; editors count from 1.
            reason = $"{reason} (line {line + 1}, column {error.BytePositionInLine + 1})";
        }

        return new ConfigError(path, reason);
    }

    /// <summary>System.Text.Json's message in the config's terms, without its " Path: ..." tail.</summary>
    internal static string Reason(string message)
    {
        // System.Text.Json appends " Path: $.x | LineNumber: n | BytePositionInLine: m." to its messages;
        // the path and position are reported separately, so cut that tail off.
        var tail = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var reason = (tail >= 0 ? message[..tail] : message).TrimEnd('.');

        // Its wording names .NET types; say it in the config's terms.
        if (reason.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "unknown key (see --conf_schema for the keys of version 1)";
        }

        if (reason.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "not a valid value for this key: wrong JSON type, unknown name or out of range (see --conf_schema)";
        }

        if (reason.Contains("unrecognized type discriminator", StringComparison.Ordinal))
        {
            return "unknown handler type; use \"console\" or \"file\"";
        }

        return reason;
    }

    /// <summary>The "$.a.b" after " Path: " in a System.Text.Json exception message, or "$".</summary>
    private static string PathOf(string message)
    {
        var start = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (start < 0)
        {
            return "$";
        }

        start += " Path: ".Length;
        var end = message.IndexOf(' ', start);
        return end < 0 ? message[start..] : message[start..end];
    }

    /// <summary>"$.redis.connection.port" → "redis.connection.port"; "$" → "$" (the whole document).</summary>
    internal static string ToConfigPath(string? jsonPath) => jsonPath switch
    {
        null or "" or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ => jsonPath,
    };
}
