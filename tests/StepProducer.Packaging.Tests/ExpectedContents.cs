namespace StepProducer.Packaging.Tests;

/// <summary>What the packages install, exactly (issue 6, "Contents"). Both formats ship the same files
/// except for the distribution's places for the unit and the licence.</summary>
internal static class ExpectedContents
{
    public const string ConfigFile = "/etc/step-producer/config.json";

    public const string ServiceUser = "step-producer";

    /// <summary><c>dpkg -c</c> paths, folders included. Debian 12 keeps units in /lib/systemd/system.</summary>
    public static readonly string[] DebianPaths =
    [
        "./",
        "./etc/",
        "./etc/step-producer/",
        "./etc/step-producer/config.json",
        "./lib/",
        "./lib/systemd/",
        "./lib/systemd/system/",
        "./lib/systemd/system/step-producer.service",
        "./usr/",
        "./usr/bin/",
        "./usr/bin/step_producer",
        "./usr/share/",
        "./usr/share/doc/",
        "./usr/share/doc/step-producer/",
        "./usr/share/doc/step-producer/README.md",
        "./usr/share/doc/step-producer/changelog.gz",
        "./usr/share/doc/step-producer/copyright",
        "./usr/share/man/",
        "./usr/share/man/man1/",
        "./usr/share/man/man1/step_producer.1.gz",
        "./usr/share/step-producer/",
        "./usr/share/step-producer/schemas/",
        "./usr/share/step-producer/schemas/step_producer_config_v1_schema.json",
    ];

    /// <summary><c>rpm -qlp</c> paths: the files and the folders the package owns.</summary>
    public static readonly string[] RpmPaths =
    [
        "/etc/step-producer",
        "/etc/step-producer/config.json",
        "/usr/bin/step_producer",
        "/usr/lib/systemd/system/step-producer.service",
        "/usr/share/doc/step-producer",
        "/usr/share/doc/step-producer/README.md",
        "/usr/share/licenses/step-producer",
        "/usr/share/licenses/step-producer/copyright",
        "/usr/share/man/man1/step_producer.1.gz",
        "/usr/share/step-producer",
        "/usr/share/step-producer/schemas",
        "/usr/share/step-producer/schemas/step_producer_config_v1_schema.json",
    ];

    /// <summary>An admin's edit of the installed config (the Redis host); returns the changed text.</summary>
    public static async Task<string> ChangeRedisHostAsync(string configPath)
    {
        var changed = (await File.ReadAllTextAsync(configPath)).Replace("\"localhost\"", "\"redis.rsu.example\"", StringComparison.Ordinal);
        Assert.Contains("redis.rsu.example", changed, StringComparison.Ordinal);
        await File.WriteAllTextAsync(configPath, changed);
        return changed;
    }
}
