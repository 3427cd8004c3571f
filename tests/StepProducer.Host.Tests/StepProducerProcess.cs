using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>Runs the real <c>step_producer</c> apphost built next to this test assembly.</summary>
internal static class StepProducerProcess
{
    /// <summary>The apphost of the Host project: the build copies it next to the tests that reference it.</summary>
    public static string Path { get; } = FindAppHost();

    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        string? standardInput = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync(Path, arguments, standardInput, timeout, environment);

    private static string FindAppHost()
    {
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
