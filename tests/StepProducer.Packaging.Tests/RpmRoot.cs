using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// A disposable root folder with its own RPM database (<c>rpm --root DIR --initdb</c>), so the host's
/// packages stay untouched. Its account database holds root and the service group, so rpm can give the
/// config its <c>%attr</c> group. Packages go in with <c>--noscripts</c>: the scriptlets run inside the
/// root and need /bin/sh, useradd and systemctl there, which an empty root lacks; RpmPackageTests checks
/// what they do (<c>rpm -qp --scripts</c>). <c>--nodeps</c>: glibc and openssl-libs are not registered here.
/// </summary>
internal sealed class RpmRoot : IDisposable
{
    /// <summary>A system group id (below login.defs GID_MIN, 1000), as %pre's groupadd --system would pick.</summary>
    public const int ServiceGroupId = 999;

    private readonly TemporaryDirectory directory = new();

    private RpmRoot()
    {
    }

    public string Path => directory.Path;

    public static async Task<RpmRoot> CreateAsync()
    {
        var root = new RpmRoot();
        Directory.CreateDirectory(root.PathOf("/etc"));
        await File.WriteAllTextAsync(root.PathOf("/etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        await File.WriteAllTextAsync(root.PathOf("/etc/group"), $"root:x:0:\n{ExpectedContents.ServiceUser}:x:{ServiceGroupId}:\n");
        await root.RpmAsync("--initdb");
        return root;
    }

    /// <summary>The host path of an absolute path inside this root.</summary>
    public string PathOf(string absolutePath) => System.IO.Path.Join(Path, absolutePath);

    /// <summary>rpm -U: installs, or upgrades the installed version.</summary>
    public Task UpgradeAsync(string package) => RpmAsync("-U", "--nodeps", "--noscripts", package);

    public Task EraseAsync() => RpmAsync("-e", "--nodeps", "--noscripts", ExpectedContents.ServiceUser);

    public Task<ProcessResult> RpmAsync(params string[] arguments) =>
        Tool.RunCheckedAsync("rpm", ["--root", Path, .. arguments]);

    public void Dispose() => directory.Dispose();
}
