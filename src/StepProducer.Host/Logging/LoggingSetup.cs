using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StepProducer.Host.Configuration;

namespace StepProducer.Host.Logging;

/// <summary>
/// Builds the logger factory from the <c>log</c> section. Console output always goes to stderr.
/// The factory and its providers are constructed directly, without <c>LoggerFactory.Create</c>: that one builds a
/// dependency-injection container, which finds constructors by reflection and keeps
/// Microsoft.Extensions.DependencyInjection in the binary (README "Footprint").
/// </summary>
public static class LoggingSetup
{
    /// <summary>ISO 8601 UTC timestamps, millisecond resolution: DENM timing is reasoned about in milliseconds.</summary>
    private const string ConsoleTimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";

    /// <summary>1 MiB: maxSizeMb is in mebibytes.</summary>
    private const long BytesPerMegabyte = 1024 * 1024;

    /// <summary>The assembly that holds the console formatters; they are internal to it (see <see cref="ConsoleFormatters"/>).</summary>
    private const string ConsoleAssembly = ", Microsoft.Extensions.Logging.Console";

    private const DynamicallyAccessedMemberTypes OptionsConstructor = DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    /// <exception cref="ConfigException">A <c>file</c> handler's folder or file cannot be created or opened; the error
    /// names the handler's config path (<c>log.handlers[N].path</c>).</exception>
    public static ILoggerFactory Create(LogOptions options)
    {
        var factory = new LoggerFactory([], new LoggerFilterOptions { MinLevel = ToLogLevel(options.Level) });
        try
        {
            for (var index = 0; index < options.Handlers.Count; index++)
            {
                // AddProvider, not the constructor's provider list: the factory disposes only providers added this
                // way, and disposing flushes the console queue and closes the log file.
                switch (options.Handlers[index])
                {
                    case ConsoleLogHandler:
                        factory.AddProvider(CreateConsole(options.Format));
                        break;
                    case FileLogHandler file:
                        factory.AddProvider(CreateFile(file, index));
                        break;
                }
            }
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        return factory;
    }

    public static LogLevel ToLogLevel(LogLevelSetting level) => level switch
    {
        LogLevelSetting.Trace => LogLevel.Trace,
        LogLevelSetting.Debug => LogLevel.Debug,
        LogLevelSetting.Information => LogLevel.Information,
        LogLevelSetting.Warning => LogLevel.Warning,
        LogLevelSetting.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    private static ConsoleLoggerProvider CreateConsole(LogFormat format)
    {
        var (formatterName, formatter) = format switch
        {
            LogFormat.Json => (ConsoleFormatterNames.Json, ConsoleFormatters.Json(Fixed(new JsonConsoleFormatterOptions
            {
                UseUtcTimestamp = true,
                TimestampFormat = ConsoleTimestampFormat.TrimEnd(),
            }))),
            // journald stamps each entry itself.
            LogFormat.Systemd => (ConsoleFormatterNames.Systemd, ConsoleFormatters.Systemd(Fixed(new ConsoleFormatterOptions()))),
            _ => (ConsoleFormatterNames.Simple, ConsoleFormatters.Simple(Fixed(new SimpleConsoleFormatterOptions
            {
                SingleLine = true,
                UseUtcTimestamp = true,
                TimestampFormat = ConsoleTimestampFormat,
            }))),
        };

        // stdout carries only DENM records; every log level goes to stderr. FormatterName must be set: without
        // it the provider falls back to its obsolete options and overwrites the formatter's options.
        var consoleOptions = new ConsoleLoggerOptions { FormatterName = formatterName, LogToStandardErrorThreshold = LogLevel.Trace };
        return new ConsoleLoggerProvider(Fixed(consoleOptions), [(ConsoleFormatter)formatter]);
    }

    private static RollingFileLoggerProvider CreateFile(FileLogHandler file, int index)
    {
        try
        {
            return new(new RollingLogFile(file.Path, file.MaxSizeMb * BytesPerMegabyte, file.MaxFiles), TimeProvider.System);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigError($"log.handlers[{index}].path", $"cannot write '{file.Path}': {error.Message}")]);
        }
    }

    private static FixedOptions<T> Fixed<[DynamicallyAccessedMembers(OptionsConstructor)] T>(T value) => new(value);

    /// <summary>
    /// Options read once at start: the config file is not watched, so nothing ever changes them. The annotation is
    /// the one <see cref="IOptionsMonitor{TOptions}"/> declares; every options class here has that constructor.
    /// </summary>
    private sealed class FixedOptions<[DynamicallyAccessedMembers(OptionsConstructor)] T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    /// <summary>
    /// The simple, json and systemd console formatters of Microsoft.Extensions.Logging.Console are internal
    /// classes that only its dependency-injection registration (AddSimpleConsole and the like) constructs. These
    /// accessors call their constructors directly; Native AOT compiles them as plain calls (no reflection). A
    /// renamed constructor in a later package version fails with MissingMethodException at the first console
    /// log, which every test that runs the program with a console handler sees.
    /// </summary>
    private static class ConsoleFormatters
    {
        [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
        [return: UnsafeAccessorType("Microsoft.Extensions.Logging.Console.SimpleConsoleFormatter" + ConsoleAssembly)]
        public static extern object Simple(IOptionsMonitor<SimpleConsoleFormatterOptions> options);

        [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
        [return: UnsafeAccessorType("Microsoft.Extensions.Logging.Console.JsonConsoleFormatter" + ConsoleAssembly)]
        public static extern object Json(IOptionsMonitor<JsonConsoleFormatterOptions> options);

        [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
        [return: UnsafeAccessorType("Microsoft.Extensions.Logging.Console.SystemdConsoleFormatter" + ConsoleAssembly)]
        public static extern object Systemd(IOptionsMonitor<ConsoleFormatterOptions> options);
    }
}
