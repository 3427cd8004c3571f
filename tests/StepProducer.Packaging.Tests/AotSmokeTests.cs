using System.Xml.Linq;
using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// Publishes tests/StepProducer.AotSmoke, which roots every src assembly, so the trim and AOT analysis
/// covers all of our code and not only what step_producer reaches. Any warning fails.
/// </summary>
public sealed class AotSmokeTests : IClassFixture<AotSmokeTests.SmokePublish>
{
    private readonly SmokePublish publish;

    public AotSmokeTests(SmokePublish publish)
    {
        this.publish = publish;
    }

    [Fact]
    public void Publish_succeeds_without_any_warning()
    {
        Assert.True(publish.Result.ExitCode == 0, publish.Output);
        var warnings = publish.Output.Split('\n').Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Every_src_assembly_is_a_root_of_the_native_compilation()
    {
        var response = File.ReadAllLines(Path.Join(
            publish.ArtifactsPath, "obj", "StepProducer.AotSmoke", "release_linux-x64", "native", "step_producer_aot_smoke.ilc.rsp"));

        var srcAssemblies = Directory.GetFiles(RepoPaths.Combine("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(project => XDocument.Load(project).Descendants("AssemblyName").SingleOrDefault()?.Value
                ?? Path.GetFileNameWithoutExtension(project))
            .ToList();
        Assert.Contains("step_producer", srcAssemblies);
        Assert.All(srcAssemblies, assembly => Assert.Contains($"--root:{assembly}", response));
    }

    [Fact]
    public async Task Smoke_binary_runs_the_real_program()
    {
        var smoke = await Tool.RunCheckedAsync(publish.Binary, ["--version"]);

        Assert.Equal($"step_producer {BuildArtifacts.Version}", smoke.StandardOutput.Trim());
    }

    /// <summary>
    /// One publish for the class. It builds under artifacts/aot-smoke with its own ArtifactsPath, so it
    /// never rewrites the assemblies that other test projects are running from artifacts/build.
    /// </summary>
    public sealed class SmokePublish
    {
        /// <summary>A first Native AOT publish takes about 85 s on 2 cores (toolchain.md); allow for a busy CI.</summary>
        private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

        public SmokePublish()
        {
            var root = RepoPaths.Combine("artifacts", "aot-smoke");
            ArtifactsPath = Path.Join(root, "build");
            var publishDirectory = Path.Join(root, "publish");
            Result = ProcessRunner.RunAsync(
                "dotnet",
                [
                    "publish", RepoPaths.Combine("tests", "StepProducer.AotSmoke"), "-c", "Release", "-r", "linux-x64",
                    "-nologo", "-clp:NoSummary", $"-p:ArtifactsPath={ArtifactsPath}", $"-p:PublishDir={publishDirectory}/",
                ],
                timeout: PublishTimeout).GetAwaiter().GetResult();
            Output = Result.StandardOutput + Result.StandardError;
            Binary = Path.Join(publishDirectory, "step_producer_aot_smoke");
        }

        public ProcessResult Result { get; }

        public string Output { get; }

        public string ArtifactsPath { get; }

        public string Binary { get; }
    }
}
