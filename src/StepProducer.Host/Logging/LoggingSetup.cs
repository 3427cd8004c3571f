using Microsoft.Extensions.Logging;
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
        // stdout carries only DENM records; every log level goes to stderr.
        builder.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        // Each Add*Console call also selects its formatter, so exactly one of them is made.
        switch (format)
        {
            case LogFormat.Json:
                builder.AddJsonConsole(json =>
                {
                    json.UseUtcTimestamp = true;
                    json.TimestampFormat = ConsoleTimestampFormat.TrimEnd();
                });
                break;
            case LogFormat.Systemd:
                // journald stamps each entry itself.
                builder.AddSystemdConsole();
                break;
            default:
                builder.AddSimpleConsole(simple =>
                {
                    simple.SingleLine = true;
                    simple.UseUtcTimestamp = true;
                    simple.TimestampFormat = ConsoleTimestampFormat;
                });
                break;
        }
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
