namespace StepProducer.Host.Cli;

/// <summary>What the command line asks the program to do.</summary>
public enum CliAction
{
    Run,
    Version,
    Help,
    ConfSchema,
    ConfTemplate,
    Denm,
}

/// <summary>The parsed command line.</summary>
public sealed record CommandLineOptions
{
    public CliAction Action { get; init; } = CliAction.Run;

    /// <summary>--conf_schema FILE, --conf_template FILE; null writes the schema to stdout.</summary>
    public string? OutputFile { get; init; }

    public string? ConfigFile { get; init; }

    public string? Instance { get; init; }

    /// <summary>Hidden demo option: shift sample times to the current clock (see README, "./build.sh run").</summary>
    public bool Retime { get; init; }

    /// <summary>The arguments after <c>denm</c>.</summary>
    public IReadOnlyList<string> DenmArguments { get; init; } = [];
}

/// <summary>A command-line usage error; the message names the option.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Parses the command line (exact spellings from the product guide; <c>--opt=value</c> also accepted).</summary>
public static class CommandLine
{
    public const string RetimeOption = "--retime";

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        if (args is ["denm", ..])
        {
            return new CommandLineOptions { Action = CliAction.Denm, DenmArguments = args.Skip(1).ToArray() };
        }

        var options = new CommandLineOptions();
        string? actionOption = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index++)
        {
            var (name, inlineValue) = Split(args[index]);
            var canonical = Canonical(name)
                ?? throw new UsageException(name.StartsWith('-')
                    ? $"unknown option '{name}' (see --help)"
                    : $"unexpected argument '{name}' (see --help)");
            if (!seen.Add(canonical))
            {
                throw new UsageException($"option {canonical} is given more than once");
            }

            switch (canonical)
            {
                case "--version":
                    NoValue(canonical, inlineValue);
                    options = SetAction(options, CliAction.Version, canonical, ref actionOption);
                    break;
                case "--help":
                    NoValue(canonical, inlineValue);
                    options = SetAction(options, CliAction.Help, canonical, ref actionOption);
                    break;
                case "--conf_schema":
                    options = SetAction(options, CliAction.ConfSchema, canonical, ref actionOption) with
                    {
                        OutputFile = inlineValue ?? OptionalValue(args, ref index),
                    };
                    break;
                case "--conf_template":
                    options = SetAction(options, CliAction.ConfTemplate, canonical, ref actionOption) with
                    {
                        OutputFile = inlineValue ?? RequiredValue(args, ref index, canonical, "FILE"),
                    };
                    break;
                case "--config":
                    options = options with { ConfigFile = inlineValue ?? RequiredValue(args, ref index, canonical, "FILE") };
                    break;
                case "--instance":
                    options = options with { Instance = inlineValue ?? RequiredValue(args, ref index, canonical, "NAME") };
                    break;
                case RetimeOption:
                    NoValue(canonical, inlineValue);
                    options = options with { Retime = true };
                    break;
            }
        }

        if (options.Action is not CliAction.Run and not CliAction.ConfTemplate && options.ConfigFile is not null)
        {
            throw new UsageException($"--config cannot be combined with {actionOption}");
        }

        return options;
    }

    private static (string Name, string? InlineValue) Split(string argument)
    {
        var equals = argument.StartsWith("--", StringComparison.Ordinal) ? argument.IndexOf('=') : -1;
        return equals < 0 ? (argument, null) : (argument[..equals], argument[(equals + 1)..]);
    }

    private static string? Canonical(string name) => name switch
    {
        "--version" or "-v" => "--version",
        "--help" or "-h" => "--help",
        "--conf_schema" or "-s" => "--conf_schema",
        "--conf_template" or "-t" => "--conf_template",
        "--config" or "-c" => "--config",
        "--instance" or "-i" => "--instance",
        RetimeOption => RetimeOption,
        _ => null,
    };

    private static CommandLineOptions SetAction(
        CommandLineOptions options, CliAction action, string option, ref string? actionOption)
    {
        if (actionOption is not null)
        {
            throw new UsageException($"option {option} cannot be combined with {actionOption}");
        }

        actionOption = option;
        return options with { Action = action };
    }

    private static void NoValue(string option, string? inlineValue)
    {
        if (inlineValue is not null)
        {
            throw new UsageException($"option {option} takes no value");
        }
    }

    private static string RequiredValue(IReadOnlyList<string> args, ref int index, string option, string valueName)
    {
        if (index + 1 >= args.Count || args[index + 1].Length == 0 || args[index + 1].StartsWith('-'))
        {
            throw new UsageException($"option {option} needs a {valueName} argument");
        }

        return args[++index];
    }

    private static string? OptionalValue(IReadOnlyList<string> args, ref int index) =>
        index + 1 < args.Count && args[index + 1].Length > 0 && !args[index + 1].StartsWith('-') ? args[++index] : null;
}
