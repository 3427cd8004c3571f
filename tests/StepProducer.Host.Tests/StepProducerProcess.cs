using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>Runs the real <c>step_producer</c> (<see cref="StepProducerBinary"/>): to its end, or as a running daemon.</summary>
internal static class StepProducerProcess
{
    /// <summary>How long a test waits for one expected line or for the exit before it fails.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        string? standardInput = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync(StepProducerBinary.Path, arguments, standardInput, timeout, environment);

    /// <summary>Starts the program for a pipeline test (see <see cref="DaemonProcess.Start"/> for <paramref name="readStandardOutput"/>).</summary>
    public static DaemonProcess Start(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        bool readStandardOutput = true) =>
        DaemonProcess.Start(StepProducerBinary.Path, arguments, environment, readStandardOutput, WaitLimit);
}
