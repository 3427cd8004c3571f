using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>
/// Runs the real <c>step_producer</c>: the apphost built next to this test assembly, or the binary that
/// <c>STEP_PRODUCER_BINARY</c> names, e.g. the Native AOT build:
/// <c>STEP_PRODUCER_BINARY=artifacts/linux-x64/step_producer dotnet test tests/StepProducer.Host.Tests</c>
/// (as the Redis tests do), so that a publish setting is checked against every process test.
/// </summary>
internal static class StepProducerProcess
{
    private const string BinaryVariable = "STEP_PRODUCER_BINARY";

    public static string Path { get; } = FindBinary();

    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        string? standardInput = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync(Path, arguments, standardInput, timeout, environment);

    private static string FindBinary()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } binary)
        {
            var fullPath = System.IO.Path.GetFullPath(binary, RepoPaths.Root);
            return File.Exists(fullPath) ? fullPath : throw new FileNotFoundException($"{BinaryVariable}: no file at {fullPath}");
        }

        // The apphost of the Host project: the build copies it next to the tests that reference it.
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "step_producer");
        if (File.Exists(beside))
        {
            return beside;
        }

        // With UseArtifactsOutput the Host's own output folder is artifacts/build/bin/StepProducer.Host/<config>;
        // the test assembly sits in artifacts/build/bin/StepProducer.Host.Tests/<config>.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Name;
        var hostOutput = RepoPaths.Combine("artifacts", "build", "bin", "StepProducer.Host", configuration, "step_producer");
        return File.Exists(hostOutput)
            ? hostOutput
            : throw new FileNotFoundException($"step_producer apphost not found beside the tests or at {hostOutput}");
    }
}
