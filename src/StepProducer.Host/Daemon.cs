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
            return ReportConfigErrors(error);
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

        ILoggerFactory loggerFactory;
        try
        {
            // A file log handler whose path cannot be written is found only here, when the file is opened.
            loggerFactory = LoggingSetup.Create(config.Log);
        }
        catch (ConfigException error)
        {
            return ReportConfigErrors(error);
        }

        using (loggerFactory)
        {
            var logger = loggerFactory.CreateLogger("StepProducer.Host");
            if (config.Redis is not null)
            {
                return Redis.RedisMode.Run(config, options.ConfigFile, loggerFactory, logger);
            }

            return StdioMode.Run(config, options.Retime, loggerFactory, logger);
        }
    }

    private static int ReportConfigErrors(ConfigException error)
    {
        foreach (var item in error.Errors)
        {
            Console.Error.WriteLine($"step_producer: config error: {item}");
        }

        return ExitCodes.Config;
    }
}
