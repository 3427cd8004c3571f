using System.Globalization;
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

    [Fact]
    public async Task Install_into_a_scratch_root_puts_the_files_in_place_with_their_modes()
    {
        using var root = await RpmRoot.CreateAsync();

        await root.UpgradeAsync(BuildArtifacts.RpmPackage("x86_64"));

        var installed = await root.RpmAsync("-ql", ExpectedContents.ServiceUser);
        Assert.Equal(ExpectedContents.RpmPaths.Order(StringComparer.Ordinal), installed.StandardOutputLines.Order(StringComparer.Ordinal));
        var config = root.PathOf(ExpectedContents.ConfigFile);
        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Combine("deb", "config.json")), await File.ReadAllTextAsync(config));
        Assert.Equal($"640 0 {RpmRoot.ServiceGroupId}", (await Tool.RunCheckedAsync("stat", ["-c", "%a %u %g", config])).StandardOutput.Trim());
        var binary = root.PathOf("/usr/bin/step_producer");
        Assert.Equal(await File.ReadAllBytesAsync(BuildArtifacts.Binary("linux-x64")), await File.ReadAllBytesAsync(binary));
        Assert.Equal("755 0 0", (await Tool.RunCheckedAsync("stat", ["-c", "%a %u %g", binary])).StandardOutput.Trim());
        Assert.Equal(
            await File.ReadAllTextAsync(RepoPaths.Combine("deb", "step-producer.service")),
            await File.ReadAllTextAsync(root.PathOf("/usr/lib/systemd/system/step-producer.service")));
    }

    /// <summary>
    /// %config(noreplace) on an upgrade whose default config changed: the admin's file stays and the new
    /// default goes beside it as .rpmnew; on erase rpm keeps the changed file as .rpmsave (rpm has no purge).
    /// </summary>
    [Fact]
    public async Task Upgrade_keeps_a_changed_config_and_erase_saves_it_aside()
    {
        using var root = await RpmRoot.CreateAsync();
        using var work = new TemporaryDirectory();
        await root.UpgradeAsync(BuildArtifacts.RpmPackage("x86_64"));
        var config = root.PathOf(ExpectedContents.ConfigFile);
        var changed = await ExpectedContents.ChangeRedisHostAsync(config);

        var (newer, newDefault) = await BuildNextReleaseAsync(work.Path);
        await root.UpgradeAsync(newer);

        Assert.Equal(changed, await File.ReadAllTextAsync(config));
        Assert.Equal(newDefault, await File.ReadAllTextAsync(config + ".rpmnew"));
        Assert.Equal($"640 0 {RpmRoot.ServiceGroupId}", (await Tool.RunCheckedAsync("stat", ["-c", "%a %u %g", config])).StandardOutput.Trim());
        var installed = await root.RpmAsync("-q", "--qf", "%{VERSION}-%{RELEASE}", ExpectedContents.ServiceUser);
        Assert.Equal($"{BuildArtifacts.Version}-{NextRelease}", installed.StandardOutput);

        await root.EraseAsync();

        Assert.False(File.Exists(config), $"{config} survived the erase");
        Assert.Equal(changed, await File.ReadAllTextAsync(config + ".rpmsave"));
        Assert.False(File.Exists(root.PathOf("/usr/bin/step_producer")));
    }

    private static string NextRelease => (int.Parse(BuildArtifacts.Release, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The x86_64 package again from rpm/step-producer.spec, as the next release with a changed default
    /// config, built the way build.sh builds it; returns the package and its new default config.
    /// </summary>
    private static async Task<(string Package, string NewDefault)> BuildNextReleaseAsync(string workDirectory)
    {
        var shared = Path.Join(workDirectory, "shared");
        Directory.CreateDirectory(shared);
        foreach (var file in Directory.GetFiles(RepoPaths.Combine("deb")))
        {
            File.Copy(file, Path.Join(shared, Path.GetFileName(file)));
        }

        var newDefault = await File.ReadAllTextAsync(Path.Join(shared, "config.json")) + "\n";
        await File.WriteAllTextAsync(Path.Join(shared, "config.json"), newDefault);
        var binary = BuildArtifacts.Binary("linux-x64");
        var defines = new Dictionary<string, string>
        {
            ["_topdir"] = Path.Join(workDirectory, "rpmbuild"),
            ["_rpmdir"] = workDirectory,
            ["_build_name_fmt"] = "next.rpm",
            ["step_version"] = BuildArtifacts.Version,
            ["step_release"] = NextRelease,
            ["step_binary"] = binary,
            ["step_shared"] = shared,
            ["step_schema"] = RepoPaths.Combine("schemas", "step_producer_config_v1_schema.json"),
            ["step_readme"] = RepoPaths.Combine("README.md"),
            ["step_glibc_floor"] = (await Tool.GlibcFloorAsync(binary)).ToString(),
            ["step_changelog_date"] = DateTime.UtcNow.ToString("ddd MMM dd yyyy", CultureInfo.InvariantCulture),
        };
        await Tool.RunCheckedAsync(
            "rpmbuild",
            ["-bb", "--quiet", "--target", "x86_64", .. defines.SelectMany(define => new[] { "--define", $"{define.Key} {define.Value}" }),
                RepoPaths.Combine("rpm", "step-producer.spec")]);
        return (Path.Join(workDirectory, "next.rpm"), newDefault);
    }
}
