using Microsoft.Extensions.Logging;
using StepProducer.Host.Cli;
using StepProducer.Host.Configuration;
using StepProducer.Host.Logging;

namespace StepProducer.Host;

/// <summary>The producer run: config, logging, transport selection.</summary>
internal static class Daemon
{
    public static int Run(CommandLineOptions options)
    {
        ProducerConfig config;
        try
        {
            config = options.ConfigFile is null ? ProducerConfig.BuiltInDefaults : ConfigLoader.Load(options.ConfigFile);
        }
        catch (ConfigException error)
        {
            foreach (var item in error.Errors)
            {
                Console.Error.WriteLine($"step_producer: config error: {item}");
            }

            return ExitCodes.Config;
        }

        if (options.Instance is { } instance)
        {
            var errors = new ErrorList();
            ConfigValidator.CheckInstanceName(errors, "--instance", instance);
            if (errors.Items is [var first, ..])
            {
                Console.Error.WriteLine($"step_producer: {first}");
                return ExitCodes.Usage;
            }

            config = config with { InstanceName = instance };
        }

        using var loggerFactory = CreateLoggerFactory(config.Log);
        if (loggerFactory is null)
        {
            return ExitCodes.Config;
        }

        var logger = loggerFactory.CreateLogger("StepProducer.Host");
        if (config.Redis is not null)
        {
            return Redis.RedisMode.Run(config, options.ConfigFile, loggerFactory, logger);
        }

        return StdioMode.Run(config, options.Retime, loggerFactory, logger);
    }

    /// <summary>The logger factory, or null after printing why a log file cannot be written (a config error).</summary>
    private static ILoggerFactory? CreateLoggerFactory(LogOptions options)
    {
        try
        {
            return LoggingSetup.Create(options);
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"step_producer: config error: {error.Message}");
            return null;
        }
    }
}
