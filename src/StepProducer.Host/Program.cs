using System.Reflection;
using StepProducer.Host.Cli;
using StepProducer.Host.Configuration;
using StepProducer.Host.DenmTool;

namespace StepProducer.Host;

public static class Program
{
    /// <summary>The product version (Directory.Build.props Version), without the source-revision suffix.</summary>
    public static string Version { get; } = ReadVersion();

    public static int Main(string[] args)
    {
        CommandLineOptions options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"step_producer: {error.Message}");
            return ExitCodes.Usage;
        }

        try
        {
            return options.Action switch
            {
                CliAction.Version => Print($"step_producer {Version}\n"),
                CliAction.Help => Print(HelpText.Usage + "\n"),
                CliAction.ConfSchema => Write(options.OutputFile, ConfigSchema.Text),
                CliAction.ConfTemplate => Write(options.OutputFile, ConfigTemplate.Generate(options.Instance)),
                CliAction.Denm => DenmCommand.Run(options.DenmArguments, Console.In, Console.Out, Console.Error),
                _ => Daemon.Run(options),
            };
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"step_producer: {error.Message}");
            return ExitCodes.RuntimeFailure;
        }
        catch (UnauthorizedAccessException error)
        {
            Console.Error.WriteLine($"step_producer: {error.Message}");
            return ExitCodes.RuntimeFailure;
        }
    }

    private static int Print(string text)
    {
        Console.Out.Write(text);
        return ExitCodes.Success;
    }

    private static int Write(string? file, string text)
    {
        if (file is null)
        {
            return Print(text);
        }

        File.WriteAllText(file, text);
        return ExitCodes.Success;
    }

    private static string ReadVersion()
    {
        var informational = typeof(Program).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        // The SDK appends "+<commit>" (SourceLink); the version option prints the plain semver.
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
