using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// Runs the cross-compiled arm64 binary under qemu-aarch64 with the bullseye sysroot as its root for the
/// loader and libraries (this machine has no binfmt, so qemu is called explicitly) and compares it with
/// the x64 binary.
/// </summary>
public sealed class Arm64UnderQemuTests
{
    /// <summary>qemu user-mode emulation starts the arm64 binary in about 1.2 s here; allow for a busy CI.</summary>
    private static readonly TimeSpan QemuTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Version_matches_the_x64_binary()
    {
        var arm64 = await RunArm64Async(["--version"]);
        var x64 = await Tool.RunCheckedAsync(BuildArtifacts.Binary("linux-x64"), ["--version"]);

        Assert.Equal(x64.StandardOutput, arm64.StandardOutput);
        Assert.Equal($"step_producer {BuildArtifacts.Version}", arm64.StandardOutput.Trim());
    }

    [Fact]
    public async Task Config_template_matches_the_x64_binary()
    {
        using var directory = new TemporaryDirectory();
        var arm64Template = Path.Combine(directory.Path, "arm64.json");
        var x64Template = Path.Combine(directory.Path, "x64.json");

        await RunArm64Async(["--conf_template", arm64Template]);
        await Tool.RunCheckedAsync(BuildArtifacts.Binary("linux-x64"), ["--conf_template", x64Template]);

        Assert.Equal(await File.ReadAllTextAsync(x64Template), await File.ReadAllTextAsync(arm64Template));
        Assert.Contains("\"redis\"", await File.ReadAllTextAsync(arm64Template), StringComparison.Ordinal);
    }

    private static Task<ProcessResult> RunArm64Async(IEnumerable<string> arguments, string? standardInput = null) =>
        Tool.RunCheckedAsync(
            "qemu-aarch64",
            ["-L", BuildArtifacts.Sysroot("linux-arm64"), BuildArtifacts.Binary("linux-arm64"), .. arguments],
            standardInput: standardInput,
            timeout: QemuTimeout);
}
