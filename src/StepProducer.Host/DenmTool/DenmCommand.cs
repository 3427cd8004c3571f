namespace StepProducer.Host.DenmTool;

/// <summary>
/// <c>step_producer denm encode|decode [--asn1 v1|v2] [HEX...]</c>: the codec's command-line tools.
/// <c>decode</c> turns UPER hex (arguments, or one per line on stdin) into one compact JER object per line;
/// <c>encode</c> turns one JER object per stdin line into one lowercase UPER hex line.
/// A bad line prints <c>error: &lt;line&gt;: &lt;field path&gt;: &lt;reason&gt;</c> on stderr and the tool goes on;
/// the exit code is then 1. Usage errors exit 2.
/// </summary>
public static class DenmCommand
{
    public const int ExitOk = 0;
    public const int ExitSomeLinesFailed = 1;
    public const int ExitUsage = 2;

    public const string Usage = """
        usage: step_producer denm decode [--asn1 v1|v2] [HEX...]
               step_producer denm encode [--asn1 v1|v2]
          decode  UPER hex (the arguments, or one per line on stdin) to one JER (ITU-T X.697) object per line
          encode  one JER object per line on stdin to one lowercase UPER hex per line
          --asn1  v2: TS 103 831 v2.2.1 (default); v1: EN 302 637-3 v1.3.1
        """;

    /// <summary>Runs the tool with the arguments that follow <c>denm</c>; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Count == 1 && args[0] is "-h" or "--help")
        {
            output.WriteLine(Usage);
            return ExitOk;
        }

        if (!DenmToolOptions.TryParse(args, out var options, out var usageError))
        {
            error.WriteLine($"step_producer denm: {usageError}");
            error.WriteLine(Usage);
            return ExitUsage;
        }

        using var converter = new DenmLineConverter(options.Version);
        Func<string, DenmLineResult> convert = options.Decode ? converter.Decode : converter.Encode;
        var failedLines = 0;
        var lineNumber = 0;
        foreach (var line in InputLines(options, input))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var result = convert(line.Trim());
            if (result.Error is { } failure)
            {
                failedLines++;
                error.WriteLine($"error: {lineNumber}: {failure.FieldPath}: {failure.Reason}");
                continue;
            }

            output.WriteLine(result.Output);
            foreach (var note in result.Notes)
            {
                error.WriteLine($"note: {lineNumber}: {note}");
            }
        }

        return failedLines == 0 ? ExitOk : ExitSomeLinesFailed;
    }

    /// <summary>The hex arguments of <c>decode</c> when given, else stdin line by line.</summary>
    private static IEnumerable<string> InputLines(DenmToolOptions options, TextReader input)
    {
        if (options.HexArguments.Count > 0)
        {
            foreach (var hex in options.HexArguments)
            {
                yield return hex;
            }

            yield break;
        }

        while (input.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
