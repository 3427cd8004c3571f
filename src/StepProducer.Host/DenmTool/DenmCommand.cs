namespace StepProducer.Host.DenmTool;

/// <summary>
/// <c>step_producer denm encode|decode [--asn1 v1|v2] [HEX...]</c>: the codec's command-line tools.
/// </summary>
public static class DenmCommand
{
    /// <summary>Runs the tool with the arguments that follow <c>denm</c>; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error)
    {
        error.WriteLine("step_producer denm: not implemented yet");
        return 1;
    }
}
