using System.Diagnostics.CodeAnalysis;

namespace StepProducer.Host.DenmTool;

/// <summary>Which DENM module version the tool reads and writes.</summary>
public enum DenmVersion
{
    /// <summary>EN 302 637-3 v1.3.1 on TS 102 894-2 v1.3.1.</summary>
    V1,

    /// <summary>TS 103 831 v2.2.1 on TS 102 894-2 v2.2.1.</summary>
    V2,
}

/// <summary>The parsed arguments of <c>step_producer denm ...</c>.</summary>
internal sealed record DenmToolOptions(bool Decode, DenmVersion Version, IReadOnlyList<string> HexArguments)
{
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out DenmToolOptions? options,
        [NotNullWhen(false)] out string? usageError)
    {
        options = null;
        if (args.Count == 0 || args[0] is not ("decode" or "encode"))
        {
            usageError = args.Count == 0 ? "missing command 'decode' or 'encode'" : $"unknown command '{args[0]}'";
            return false;
        }

        var decode = args[0] == "decode";
        var version = DenmVersion.V2;
        var hexArguments = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var argument = args[i];
            string? versionText = null;
            if (argument == "--asn1")
            {
                if (i + 1 == args.Count)
                {
                    usageError = "--asn1 needs a value: v1 or v2";
                    return false;
                }

                versionText = args[++i];
            }
            else if (argument.StartsWith("--asn1=", StringComparison.Ordinal))
            {
                versionText = argument["--asn1=".Length..];
            }
            else if (argument.StartsWith('-'))
            {
                usageError = $"unknown option '{argument}'";
                return false;
            }
            else if (decode)
            {
                hexArguments.Add(argument);
                continue;
            }
            else
            {
                usageError = $"encode reads JER from stdin and takes no argument '{argument}'";
                return false;
            }

            switch (versionText)
            {
                case "v1":
                    version = DenmVersion.V1;
                    break;
                case "v2":
                    version = DenmVersion.V2;
                    break;
                default:
                    usageError = $"--asn1 must be v1 or v2, not '{versionText}'";
                    return false;
            }
        }

        options = new DenmToolOptions(decode, version, hexArguments);
        usageError = null;
        return true;
    }
}
