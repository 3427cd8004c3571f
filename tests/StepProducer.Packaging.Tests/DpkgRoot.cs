using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// A disposable root folder that dpkg installs into with <c>--root --force-script-chrootless</c>: the
/// maintainer scripts run on the host with DPKG_ROOT set, so the host's packages, users and systemd stay
/// untouched. It starts with an empty dpkg database and an account database holding only root.
/// </summary>
internal sealed class DpkgRoot : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public DpkgRoot()
    {
        Directory.CreateDirectory(PathOf("/var/lib/dpkg/updates"));
        Directory.CreateDirectory(PathOf("/var/lib/dpkg/info"));
        File.WriteAllText(PathOf("/var/lib/dpkg/status"), string.Empty);
        Directory.CreateDirectory(PathOf("/etc"));
        File.WriteAllText(PathOf("/etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        File.WriteAllText(PathOf("/etc/group"), "root:x:0:\n");
        File.WriteAllText(PathOf("/etc/shadow"), "root:*:19000:0:99999:7:::\n");
        File.WriteAllText(PathOf("/etc/gshadow"), "root:*::\n");
    }

    public string Path => directory.Path;

    /// <summary>The host path of an absolute path inside this root.</summary>
    public string PathOf(string absolutePath) => System.IO.Path.Join(Path, absolutePath);

    /// <summary>
    /// dpkg -i. The root has no libc6 or libssl packages registered, so dependencies are not checked
    /// (--force-depends); --force-confold keeps a changed conffile without asking, as an admin would.
    /// </summary>
    public Task InstallAsync(string package) =>
        DpkgAsync("--force-depends", "--force-confold", "-i", package);

    public Task PurgeAsync() => DpkgAsync("--purge", ExpectedContents.ServiceUser);

    /// <summary>The account-database entry (name:x:id:...) of a name, or null.</summary>
    public string[]? FindEntry(string database, string name) =>
        File.ReadAllLines(PathOf(database))
            .Select(line => line.Split(':'))
            .FirstOrDefault(fields => fields[0] == name);

    public void Dispose() => directory.Dispose();

    private Task DpkgAsync(params string[] arguments) =>
        Tool.RunCheckedAsync("dpkg", [$"--root={Path}", "--force-script-chrootless", .. arguments]);
}
