using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// The packaged step-producer.service, taken out of the amd64 .deb: systemd-analyze security and verify,
/// and the settings issue 6 asks for.
/// </summary>
public sealed class SystemdUnitTests : IClassFixture<SystemdUnitTests.PackagedTree>
{
    /// <summary>The hardening target of issue 6: systemd rates 2.0 and below "OK".</summary>
    private const double MaximumExposure = 2.0;

    private readonly PackagedTree tree;

    public SystemdUnitTests(PackagedTree tree)
    {
        this.tree = tree;
    }

    [Fact]
    public async Task Security_exposure_is_at_most_2_0()
    {
        var result = await Tool.RunCheckedAsync("systemd-analyze", ["security", "--offline=yes", tree.UnitPath]);

        var exposure = Regex.Match(result.StandardOutput, @"Overall exposure level for step-producer\.service: (\d+\.\d+)");
        Assert.True(exposure.Success, result.StandardOutput);
        var level = double.Parse(exposure.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(level <= MaximumExposure, $"exposure {level} is above {MaximumExposure}\n{result.StandardOutput}");
    }

    [Fact]
    public async Task Verify_prints_nothing()
    {
        // verify exits 0 even on unknown keys, so any output is a failure. It resolves the ExecStart
        // binary and the targets inside --root, and runs man for Documentation=, which finds the packaged
        // man page through MANPATH.
        var result = await Tool.RunCheckedAsync(
            "systemd-analyze",
            ["verify", $"--root={tree.Path}", "step-producer.service"],
            environment: new Dictionary<string, string> { ["MANPATH"] = Path.Join(tree.Path, "usr/share/man") });

        Assert.Equal(string.Empty, result.StandardOutput + result.StandardError);
    }

    [Fact]
    public void Service_is_type_notify_and_runs_the_packaged_binary_as_the_service_user()
    {
        var service = tree.Unit["Service"];

        Assert.Equal(["notify"], service["Type"]);
        Assert.Equal(["main"], service["NotifyAccess"]);
        Assert.Equal(["/usr/bin/step_producer --config /etc/step-producer/config.json"], service["ExecStart"]);
        Assert.Equal([ExpectedContents.ServiceUser], service["User"]);
        Assert.Equal([ExpectedContents.ServiceUser], service["Group"]);
        Assert.Equal(["yes"], service["MemoryDenyWriteExecute"]);
        Assert.Equal(["journal"], service["StandardOutput"]);
        Assert.True(service.ContainsKey("WatchdogSec"));
    }

    [Fact]
    public void Restart_is_on_failure_except_for_usage_config_and_lost_ownership()
    {
        var service = tree.Unit["Service"];

        Assert.Equal(["on-failure"], service["Restart"]);
        // Exit codes 2 (usage), 3 (config) and 4 (Redis ownership lost): a restart cannot fix them.
        Assert.Equal(["2 3 4"], service["RestartPreventExitStatus"]);
    }

    [Fact]
    public void Stop_timeout_covers_the_packaged_config_timeout()
    {
        var stopTimeout = ParseSeconds(tree.Unit["Service"]["TimeoutStopSec"].Single());
        var config = JsonNode.Parse(File.ReadAllText(Path.Join(tree.Path, ExpectedContents.ConfigFile)))!;
        var drainTimeout = config["timeout"]!.GetValue<int>();

        Assert.True(stopTimeout > drainTimeout, $"TimeoutStopSec={stopTimeout}s does not cover timeout={drainTimeout}s");
    }

    private static int ParseSeconds(string timeSpan)
    {
        var match = Regex.Match(timeSpan, @"^(\d+)s?$");
        Assert.True(match.Success, $"'{timeSpan}' is not a plain number of seconds");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The amd64 .deb unpacked (dpkg-deb -x) over a copy of the host's systemd units, so that verify can
    /// resolve the targets the unit is ordered after and wanted by.
    /// </summary>
    public sealed class PackagedTree : IDisposable
    {
        private readonly TemporaryDirectory directory = new();

        public PackagedTree()
        {
            var hostUnits = System.IO.Path.Join(Path, "usr/lib/systemd/system");
            Directory.CreateDirectory(hostUnits);
            Tool.RunCheckedAsync("cp", ["-a", "/usr/lib/systemd/system/.", hostUnits]).GetAwaiter().GetResult();
            Tool.RunCheckedAsync("dpkg-deb", ["-x", BuildArtifacts.DebianPackage("amd64"), Path]).GetAwaiter().GetResult();
            UnitPath = System.IO.Path.Join(Path, "lib/systemd/system/step-producer.service");
            Unit = SystemdUnitFile.Parse(File.ReadAllText(UnitPath));
        }

        public string Path => directory.Path;

        public string UnitPath { get; }

        /// <summary>Section → key → values, in file order (keys such as SystemCallFilter repeat).</summary>
        public IReadOnlyDictionary<string, Dictionary<string, List<string>>> Unit { get; }

        public void Dispose() => directory.Dispose();
    }
}
