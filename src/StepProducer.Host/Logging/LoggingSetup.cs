using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Serilog;
using StepProducer.Host.Configuration;

namespace StepProducer.Host.Logging;

/// <summary>Builds the logger factory from the <c>log</c> section. Console output always goes to stderr.</summary>
public static class LoggingSetup
{
    /// <summary>ISO 8601 UTC timestamps, millisecond resolution: DENM timing is reasoned about in milliseconds.</summary>
    private const string ConsoleTimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";

    private const string FileOutputTemplate =
        "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {SourceContext}[{EventId}] {Message:lj}{NewLine}{Exception}";

    /// <summary>1 MiB: maxSizeMb is in mebibytes.</summary>
    private const long BytesPerMegabyte = 1024 * 1024;

    public static ILoggerFactory Create(LogOptions options) =>
        LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(ToLogLevel(options.Level));
            foreach (var handler in options.Handlers)
            {
                switch (handler)
                {
                    case ConsoleLogHandler:
                        AddConsole(builder, options.Format);
                        break;
                    case FileLogHandler file:
                        AddFile(builder, file);
                        break;
                }
            }
        });

    public static LogLevel ToLogLevel(LogLevelSetting level) => level switch
    {
        LogLevelSetting.Trace => LogLevel.Trace,
        LogLevelSetting.Debug => LogLevel.Debug,
        LogLevelSetting.Information => LogLevel.Information,
        LogLevelSetting.Warning => LogLevel.Warning,
        LogLevelSetting.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    private static void AddConsole(ILoggingBuilder builder, LogFormat format)
    {
        builder.AddConsole(console =>
        {
            // stdout carries only DENM records; every log level goes to stderr.
            console.LogToStandardErrorThreshold = LogLevel.Trace;
            console.FormatterName = format switch
            {
                LogFormat.Json => ConsoleFormatterNames.Json,
                LogFormat.Systemd => ConsoleFormatterNames.Systemd,
                _ => ConsoleFormatterNames.Simple,
            };
        });
        builder.AddSimpleConsole(simple =>
        {
            simple.SingleLine = true;
            simple.UseUtcTimestamp = true;
            simple.TimestampFormat = ConsoleTimestampFormat;
        });
        builder.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = ConsoleTimestampFormat.TrimEnd();
        });
        builder.AddSystemdConsole(systemd => systemd.UseUtcTimestamp = true);
    }

    private static void AddFile(ILoggingBuilder builder, FileLogHandler file)
    {
        var serilogLogger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(
                file.Path,
                outputTemplate: FileOutputTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                fileSizeLimitBytes: file.MaxSizeMb * BytesPerMegabyte,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: file.MaxFiles)
            .CreateLogger();
        builder.AddSerilog(serilogLogger, dispose: true);
    }
}
