namespace StepProducer.TestSupport;

/// <summary>
/// The real <c>step_producer</c> the process tests run: the apphost of the Host build, or the binary that
/// <c>STEP_PRODUCER_BINARY</c> names, e.g. the Native AOT build:
/// <c>STEP_PRODUCER_BINARY=artifacts/linux-x64/step_producer dotnet test tests/StepProducer.Host.Tests</c>,
/// so that a publish setting is checked against every process test.
/// </summary>
public static class StepProducerBinary
{
    /// <summary>Names another step_producer binary to run instead of the apphost (relative to the repository root).</summary>
    public const string Variable = "STEP_PRODUCER_BINARY";

    private static readonly Lazy<string> LazyPath = new(Find);

    public static string Path => LazyPath.Value;

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } binary)
        {
            var fullPath = System.IO.Path.GetFullPath(binary, RepoPaths.Root);
            return File.Exists(fullPath) ? fullPath : throw new FileNotFoundException($"{Variable}: no file at {fullPath}");
        }

        // The apphost of the Host project: the build copies it next to the tests that reference that project.
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "step_producer");
        if (File.Exists(beside))
        {
            return beside;
        }

        // With UseArtifactsOutput the Host's own output folder is artifacts/build/bin/StepProducer.Host/<config>;
        // the test assembly sits in artifacts/build/bin/<test project>/<config>.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Name;
        var hostOutput = RepoPaths.Combine("artifacts", "build", "bin", "StepProducer.Host", configuration, "step_producer");
        return File.Exists(hostOutput)
            ? hostOutput
            : throw new FileNotFoundException($"step_producer apphost not found beside the tests or at {hostOutput}");
    }
}
