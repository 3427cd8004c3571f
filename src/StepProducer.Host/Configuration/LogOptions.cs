using System.ComponentModel;
using System.Text.Json.Serialization;
using StepProducer.Den;

namespace StepProducer.Host.Configuration;

/// <summary>The <c>log</c> section.</summary>
public sealed record LogOptions
{
    [Description("Lowest level written: Trace, Debug, Information, Warning, Error or Critical.")]
    public LogLevelSetting Level { get; set; } = LogLevelSetting.Information;

    [Description("Console format: simple (one line per entry), json (one JSON object per line) or systemd "
        + "(syslog priority prefixes for journald).")]
    public LogFormat Format { get; set; } = LogFormat.Simple;

    [Description("Where log entries go: console (stderr) and/or rolling files.")]
    public IReadOnlyList<LogHandler> Handlers { get; set; } = [new ConsoleLogHandler()];
}

/// <summary>Log levels by their Microsoft.Extensions.Logging names.</summary>
[JsonConverter(typeof(LogLevelSettingJson))]
public enum LogLevelSetting
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
}

/// <summary>JSON names of <see cref="LogLevelSetting"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class LogLevelSettingJson() : ConfigEnumConverter<LogLevelSetting>(ConfigEnumNames.Identifiers("Trace", "Debug", "Information", "Warning", "Error", "Critical"));

/// <summary>The console formatter.</summary>
[JsonConverter(typeof(LogFormatJson))]
public enum LogFormat
{
    Simple,

    Json,

    Systemd,
}

/// <summary>JSON names of <see cref="LogFormat"/> (see <see cref="ConfigEnumNames"/>).</summary>
public sealed class LogFormatJson() : ConfigEnumConverter<LogFormat>(ConfigEnumNames.Renamed("simple", "json", "systemd"));

/// <summary>One entry of <c>log.handlers</c>, told apart by its <c>type</c> key.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ConsoleLogHandler), "console")]
[JsonDerivedType(typeof(FileLogHandler), "file")]
public abstract record LogHandler;

/// <summary><c>{"type": "console"}</c>: entries go to stderr in <c>log.format</c>; stdout stays for records.</summary>
public sealed record ConsoleLogHandler : LogHandler;

/// <summary><c>{"type": "file", ...}</c>: a rolling log file.</summary>
public sealed record FileLogHandler : LogHandler
{
    [Description("Log file path; rolled files get a _NNN suffix before the extension.")]
    public string Path { get; set; } = "/var/log/step_producer/step_producer.log";

    [Description("Size in MiB at which the file is rolled.")]
    [ConfigRange(ConfigLimits.MaxSizeMbMin, ConfigLimits.MaxSizeMbMax)]
    public int MaxSizeMb { get; set; } = 10;

    [Description("Number of files kept, the current one included.")]
    [ConfigRange(ConfigLimits.MaxFilesMin, ConfigLimits.MaxFilesMax)]
    public int MaxFiles { get; set; } = 5;
}
