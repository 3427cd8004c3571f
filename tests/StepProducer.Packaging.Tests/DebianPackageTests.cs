using System.Text.RegularExpressions;
using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>The .deb packages: lintian, contents, metadata, and install, upgrade and purge into a temp root.</summary>
public sealed class DebianPackageTests
{
    [Theory]
    [InlineData("amd64")]
    [InlineData("arm64")]
    public async Task Lintian_reports_no_errors_or_warnings(string arch)
    {
        var result = await Tool.RunCheckedAsync(
            "lintian", ["--fail-on", "error,warning", "--pedantic", BuildArtifacts.DebianPackage(arch)]);

        // lintian prints one "X: package: tag" line per hint; pedantic and info hints are allowed.
        Assert.DoesNotMatch(@"(?m)^[EW]: ", result.StandardOutput);
    }

    [Theory]
    [InlineData("amd64")]
    [InlineData("arm64")]
    public async Task Package_holds_exactly_the_expected_files(string arch)
    {
        var listing = await Tool.RunCheckedAsync("dpkg-deb", ["-c", BuildArtifacts.DebianPackage(arch)]);

        // dpkg -c: "mode owner/group size date time path", and paths hold no spaces here.
        var paths = listing.StandardOutputLines.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[5]);
        Assert.Equal(ExpectedContents.DebianPaths.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("amd64", "linux-x64")]
    [InlineData("arm64", "linux-arm64")]
    public async Task Control_names_the_version_and_the_glibc_floor_read_from_the_binary(string arch, string rid)
    {
        var package = BuildArtifacts.DebianPackage(arch);
        var floor = await Tool.GlibcFloorAsync(BuildArtifacts.Binary(rid));

        Assert.Equal(BuildArtifacts.Version, await FieldAsync(package, "Version"));
        Assert.Equal(arch, await FieldAsync(package, "Architecture"));
        Assert.Equal($"libc6 (>= {floor}), libssl3 | libssl1.1", await FieldAsync(package, "Depends"));
        Assert.Equal("redis-server", await FieldAsync(package, "Recommends"));
        Assert.Equal(ExpectedContents.ConfigFile, (await Tool.RunCheckedAsync("dpkg-deb", ["-I", package, "conffiles"])).StandardOutput.Trim());
    }

    [Fact]
    public async Task Install_puts_the_files_in_place_creates_the_user_and_enables_the_unit()
    {
        using var root = new DpkgRoot();

        await root.InstallAsync(BuildArtifacts.DebianPackage("amd64"));

        var user = root.FindEntry("/etc/passwd", ExpectedContents.ServiceUser);
        var group = root.FindEntry("/etc/group", ExpectedContents.ServiceUser);
        Assert.NotNull(user);
        Assert.NotNull(group);
        Assert.Equal(group[2], user[3]);
        Assert.Equal("/usr/sbin/nologin", user[6]);
        // A system account: below the first regular user id (login.defs UID_MIN default 1000).
        Assert.InRange(int.Parse(user[2]), 1, 999);

        var config = root.PathOf(ExpectedContents.ConfigFile);
        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Combine("deb", "config.json")), await File.ReadAllTextAsync(config));
        var status = await Tool.RunCheckedAsync("stat", ["-c", "%a %u %g", config]);
        Assert.Equal($"640 0 {group[2]}", status.StandardOutput.Trim());

        var binary = root.PathOf("/usr/bin/step_producer");
        Assert.Equal(await File.ReadAllBytesAsync(BuildArtifacts.Binary("linux-x64")), await File.ReadAllBytesAsync(binary));
        Assert.True(File.Exists(root.PathOf("/lib/systemd/system/step-producer.service")));
        Assert.True(File.Exists(root.PathOf("/usr/share/step-producer/schemas/step_producer_config_v1_schema.json")));
        Assert.Equal(
            "/lib/systemd/system/step-producer.service",
            new FileInfo(root.PathOf("/etc/systemd/system/multi-user.target.wants/step-producer.service")).LinkTarget);
    }

    [Fact]
    public async Task Upgrade_keeps_a_changed_conffile_and_purge_removes_it()
    {
        using var root = new DpkgRoot();
        using var work = new TemporaryDirectory();
        await root.InstallAsync(BuildArtifacts.DebianPackage("amd64"));
        var config = root.PathOf(ExpectedContents.ConfigFile);
        var changed = await ExpectedContents.ChangeRedisHostAsync(config);

        await root.InstallAsync(await RepackAsNewerVersionAsync(BuildArtifacts.DebianPackage("amd64"), work.Path));

        Assert.Equal(changed, await File.ReadAllTextAsync(config));
        Assert.Matches(@"^640 0 \d+$", (await Tool.RunCheckedAsync("stat", ["-c", "%a %u %g", config])).StandardOutput.Trim());
        var installedVersion = await Tool.RunCheckedAsync(
            "dpkg-query", [$"--root={root.Path}", "-f", "${Version}", "-W", ExpectedContents.ServiceUser]);
        Assert.Equal($"{BuildArtifacts.Version}+upgrade1", installedVersion.StandardOutput);

        await root.PurgeAsync();

        Assert.False(File.Exists(config), $"{config} survived the purge");
        Assert.False(File.Exists(root.PathOf("/usr/bin/step_producer")));
        Assert.False(File.Exists(root.PathOf("/etc/systemd/system/multi-user.target.wants/step-producer.service")));
    }

    /// <summary>
    /// The same package as a newer version whose default config also changed, so that dpkg has to choose
    /// between the admin's file and the new default, as in a real upgrade.
    /// </summary>
    private static async Task<string> RepackAsNewerVersionAsync(string package, string workDirectory)
    {
        var tree = Path.Join(workDirectory, "tree");
        await Tool.RunCheckedAsync("dpkg-deb", ["-R", package, tree]);
        var control = Path.Join(tree, "DEBIAN", "control");
        await File.WriteAllTextAsync(
            control, Regex.Replace(await File.ReadAllTextAsync(control), @"(?m)^Version: (.+)$", "Version: $1+upgrade1"));
        var newDefault = Path.Join(tree, ExpectedContents.ConfigFile);
        await File.AppendAllTextAsync(newDefault, "\n");
        // The md5sums list is optional; dropping it beats keeping a stale one.
        File.Delete(Path.Join(tree, "DEBIAN", "md5sums"));
        var newer = Path.Join(workDirectory, "newer.deb");
        await Tool.RunCheckedAsync("dpkg-deb", ["--root-owner-group", "--build", tree, newer]);
        return newer;
    }

    private static async Task<string> FieldAsync(string package, string field) =>
        Regex.Replace((await Tool.RunCheckedAsync("dpkg-deb", ["-f", package, field])).StandardOutput, @"\s+$", string.Empty);
}
