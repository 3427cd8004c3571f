using System.Text.Json.Nodes;
using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// deb/config.json, the default config both packages install as /etc/step-producer/config.json: the
/// program's own complete template (a working Redis config for localhost:6379), logging in the systemd
/// console format so the journal gets the priority of each line.
/// </summary>
public sealed class DefaultConfigTests
{
    private static JsonNode PackagedConfig => JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("deb", "config.json")))!;

    [Fact]
    public async Task Packaged_config_is_the_program_template_with_the_systemd_log_format()
    {
        using var directory = new TemporaryDirectory();
        var templatePath = Path.Join(directory.Path, "template.json");
        await Tool.RunCheckedAsync(BuildArtifacts.Binary("linux-x64"), ["--conf_template", templatePath]);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(templatePath))!;
        expected["log"]!["format"] = "systemd";

        var packaged = PackagedConfig;

        Assert.True(JsonNode.DeepEquals(expected, packaged), $"expected\n{expected}\nbut deb/config.json is\n{packaged}");
    }

    [Fact]
    public void Packaged_config_uses_the_local_redis_and_logs_to_the_console_only()
    {
        var config = PackagedConfig;

        Assert.Equal("localhost", config["redis"]!["connection"]!["host"]!.GetValue<string>());
        Assert.Equal(6379, config["redis"]!["connection"]!["port"]!.GetValue<int>());
        Assert.Equal("console", config["log"]!["handlers"]!.AsArray().Single()!["type"]!.GetValue<string>());
    }
}
