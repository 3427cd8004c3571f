using System.Text.Json;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>The command line of the real program: spellings, outputs and exit codes.</summary>
public sealed class CommandLineProcessTests
{
    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public async Task Version_PrintsNameAndSemver_ExitsZero(string option)
    {
        var result = await StepProducerProcess.RunAsync([option]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^step_producer \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$", result.StandardOutput);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_ListsEveryOptionAndSubcommand_ExitsZero(string option)
    {
        var result = await StepProducerProcess.RunAsync([option]);

        Assert.Equal(0, result.ExitCode);
        foreach (var expected in new[]
                 {
                     "--version", "-v,", "--help", "-h,", "--conf_schema", "-s,", "--conf_template", "-t,",
                     "--config", "-c,", "--instance", "-i,", "denm decode", "denm encode",
                 })
        {
            Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "'--bogus'")]
    [InlineData(new[] { "--config" }, "--config")]
    [InlineData(new[] { "-t" }, "--conf_template")]
    [InlineData(new[] { "--instance" }, "--instance")]
    [InlineData(new[] { "--version", "--help" }, "--help")]
    [InlineData(new[] { "-c", "a.json", "-c", "b.json" }, "--config")]
    [InlineData(new[] { "stray" }, "'stray'")]
    [InlineData(new[] { "--instance", "bad name!" }, "--instance")]
    public async Task UsageError_NamesTheOption_ExitsTwo(string[] arguments, string named)
    {
        var result = await StepProducerProcess.RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task ConfSchema_ToStdout_EqualsCheckedInSchemaByteForByte()
    {
        var result = await StepProducerProcess.RunAsync(["--conf_schema"]);

        Assert.Equal(0, result.ExitCode);
        var checkedIn = await File.ReadAllTextAsync(RepoPaths.Combine("schemas", "step_producer_config_v1_schema.json"));
        Assert.Equal(checkedIn, result.StandardOutput);
    }

    [Fact]
    public async Task ConfSchema_ShortOptionWithFile_WritesTheSameSchema()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.File("schema.json");

        var result = await StepProducerProcess.RunAsync(["-s", file]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        var checkedIn = await File.ReadAllTextAsync(RepoPaths.Combine("schemas", "step_producer_config_v1_schema.json"));
        Assert.Equal(checkedIn, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task ConfTemplate_WritesEveryKeyWithRedisAndOneConsoleHandler()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.File("template.json");

        var result = await StepProducerProcess.RunAsync(["--conf_template", file]);

        Assert.Equal(0, result.ExitCode);
        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var root = template.RootElement;
        foreach (var key in new[] { "instanceName", "stationId", "timeout", "redis", "log" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"template lacks {key}");
        }

        var connection = root.GetProperty("redis").GetProperty("connection");
        Assert.Equal("localhost", connection.GetProperty("host").GetString());
        Assert.Equal(6379, connection.GetProperty("port").GetInt32());
        foreach (var key in new[] { "database", "username", "password", "passwordFile", "tls", "caCertificate",
                     "retryIntervalMs", "maxRetryIntervalMs" })
        {
            Assert.True(connection.TryGetProperty(key, out _), $"template lacks redis.connection.{key}");
        }

        var handlers = root.GetProperty("log").GetProperty("handlers");
        Assert.Equal("""[{"type":"console"}]""", System.Text.Json.Nodes.JsonNode.Parse(handlers.GetRawText())!.ToJsonString());
    }

    [Fact]
    public async Task ConfTemplate_IsAValidConfig_ThatRunsTheRedisTransportAndWaitsForRedis()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.File("template.json");
        Assert.Equal(0, (await StepProducerProcess.RunAsync(["-t", file])).ExitCode);
        // Point the template's redis section at a loopback port nobody listens on.
        var config = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            config["redis"]!["connection"]!["host"] = "127.0.0.1";
            config["redis"]!["connection"]!["port"] = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        await File.WriteAllTextAsync(file, config.ToJsonString());
        using var producer = StepProducerProcess.Start(["-c", file]);

        await producer.WaitForLogAsync("is unavailable");
        producer.Terminate();

        Assert.Equal(0, await producer.WaitForExitAsync());
        Assert.DoesNotContain(producer.StandardErrorLines, line => line.Contains("config error", StringComparison.Ordinal));
        Assert.Empty(producer.StandardOutputLines);
    }

    [Theory]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"port": 70000}}}""",
        "redis.connection.port: 70000 is above the maximum 65535")]
    [InlineData("""{"timeout": 5}""", "stationId: required")]
    [InlineData("""{"stationId": 1, "unknownKey": true}""", "unknownKey: unknown key")]
    [InlineData("""{"stationId": 1, "log": {"format": "xml"}}""", "log.format:")]
    [InlineData("""{"stationId": 1, "log": {"handlers": [{"type": "file", "maxSizeMb": 0}]}}""",
        "log.handlers[0].maxSizeMb: 0 is below the minimum 1")]
    [InlineData("""{"stationId": 1, "log": {"handlers": [{"type": "file", "path": "/dev/null/producer.log"}]}}""",
        "log.handlers[0].path: cannot write '/dev/null/producer.log'")]
    [InlineData("""{"stationId": 1,""", "$:")]
    public async Task ConfigError_NamesPathAndRule_ExitsThree(string json, string expected)
    {
        using var directory = new TemporaryDirectory();
        var file = directory.File("config.json");
        await File.WriteAllTextAsync(file, json);

        var result = await StepProducerProcess.RunAsync(["--config", file]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Theory]
    [InlineData("--instance")]
    [InlineData("-i")]
    public async Task Instance_OverridesInstanceNameInTheStartLine(string option)
    {
        var result = await StepProducerProcess.RunAsync([option, "rsu-munich-0042"], standardInput: string.Empty);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("started: instance rsu-munich-0042, station 1, transport stdio", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denm_Subcommand_IsDispatchedToTheCodecTool()
    {
        var sample = File.ReadLines(RepoPaths.Combine("samples", "stdin_demo.jsonl")).Single(line => line.StartsWith("{\"uper\"", StringComparison.Ordinal));
        var hex = JsonDocument.Parse(sample).RootElement.GetProperty("uper").GetString()!;

        var result = await StepProducerProcess.RunAsync(["denm", "decode", hex]);

        Assert.Equal(0, result.ExitCode);
        var jer = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(5555u, jer.GetProperty("header").GetProperty("stationId").GetUInt32());
    }

    [Fact]
    public async Task ConfigFile_Missing_ExitsThreeNamingTheFile()
    {
        var result = await StepProducerProcess.RunAsync(["-c", "/nonexistent/step_producer.json"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("/nonexistent/step_producer.json", result.StandardError, StringComparison.Ordinal);
    }
}
