using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>The .rpm packages: rpmlint, contents, file flags and modes, requirements, version.</summary>
public sealed class RpmPackageTests
{
    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    public async Task Rpmlint_reports_no_errors(string arch)
    {
        // The rpmlintrc filters only the findings that depend on rpmlint's configuration, each with its reason.
        var result = await ProcessRunner.RunAsync(
            "rpmlint", ["-r", RepoPaths.Combine("rpm", "step-producer.rpmlintrc"), BuildArtifacts.RpmPackage(arch)]);

        Assert.Matches(@" 0 errors, \d+ warnings", result.StandardOutput);
        Assert.DoesNotMatch(@"(?m): E: ", result.StandardOutput);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    public async Task Package_holds_exactly_the_expected_files(string arch)
    {
        var listing = await Tool.RunCheckedAsync("rpm", ["-qlp", BuildArtifacts.RpmPackage(arch)]);

        Assert.Equal(ExpectedContents.RpmPaths.Order(StringComparer.Ordinal), listing.StandardOutputLines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Config_is_noreplace_and_readable_by_the_service_group_only()
    {
        var files = await Tool.RunCheckedAsync(
            "rpm", ["-qp", "--qf", "[%{FILENAMES} %{FILEFLAGS:fflags} %{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME}\n]", BuildArtifacts.RpmPackage("x86_64")]);

        // "c" is %config, "n" is noreplace.
        Assert.Contains($"{ExpectedContents.ConfigFile} cn -rw-r----- root step-producer", files.StandardOutputLines);
    }

    [Theory]
    [InlineData("x86_64", "linux-x64")]
    [InlineData("aarch64", "linux-arm64")]
    public async Task Requires_glibc_floor_and_openssl_and_recommends_redis(string arch, string rid)
    {
        var package = BuildArtifacts.RpmPackage(arch);
        var floor = await Tool.GlibcFloorAsync(BuildArtifacts.Binary(rid));

        var requires = (await Tool.RunCheckedAsync("rpm", ["-qp", "--requires", package])).StandardOutputLines;
        var recommends = (await Tool.RunCheckedAsync("rpm", ["-qp", "--recommends", package])).StandardOutputLines;

        Assert.Contains($"glibc >= {floor}", requires);
        Assert.Contains("openssl-libs", requires);
        Assert.Contains("shadow-utils", requires);
        Assert.Equal(["redis"], recommends);
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    public async Task Metadata_carries_the_product_version_and_the_architecture(string arch)
    {
        var metadata = await Tool.RunCheckedAsync(
            "rpm", ["-qp", "--qf", "%{NAME} %{VERSION} %{RELEASE} %{ARCH}", BuildArtifacts.RpmPackage(arch)]);

        Assert.Equal($"step-producer {BuildArtifacts.Version} {BuildArtifacts.Release} {arch}", metadata.StandardOutput);
    }

    [Fact]
    public async Task Scriptlets_create_the_user_before_install_and_manage_the_unit()
    {
        var scripts = (await Tool.RunCheckedAsync("rpm", ["-qp", "--scripts", BuildArtifacts.RpmPackage("x86_64")])).StandardOutput;

        Assert.Matches(@"preinstall scriptlet[^\n]*\n(.*\n)*?.*useradd --system --gid step-producer", scripts);
        Assert.Matches(@"preuninstall scriptlet[^\n]*\n(.*\n)*?.*disable --now step-producer\.service", scripts);
        Assert.Matches(@"postuninstall scriptlet[^\n]*\n(.*\n)*?.*try-restart step-producer\.service", scripts);
    }
}
