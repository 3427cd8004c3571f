using System.Text;
using StepProducer.Host.Configuration;

namespace StepProducer.Host.Tests;

/// <summary>Config parsing and validation, one test per rule class, in process.</summary>
public sealed class ConfigValidationTests
{
    [Fact]
    public void Parse_MinimalConfig_TakesEveryDefault()
    {
        var config = ConfigLoader.Parse("""{"stationId": 42}"""u8);

        Assert.Equal(42, config.StationId);
        Assert.Equal(5, config.Timeout);
        Assert.Equal("step_producer", config.InstanceName);
        Assert.Null(config.Redis);
        Assert.IsType<ConsoleLogHandler>(Assert.Single(config.Log.Handlers));
    }

    [Fact]
    public void Parse_PartialSection_KeepsDefaultsOfTheKeysLeftOut()
    {
        var config = ConfigLoader.Parse("""{"stationId": 1, "redis": {"connection": {"port": 6380}}}"""u8);

        Assert.Equal(6380, config.Redis!.Connection.Port);
        Assert.Equal("localhost", config.Redis.Connection.Host);
        Assert.Equal(500, config.Redis.Connection.RetryIntervalMs);
        Assert.Equal(2, config.Redis.Streams.Inputs.Count);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var config = ConfigLoader.Parse("""
            // the roadside unit at the crossing
            { "stationId": 7, /* inline */ "timeout": 9, }
            """u8);

        Assert.Equal(9, config.Timeout);
    }

    [Theory]
    [InlineData("""{"stationId": -1}""", "stationId: -1 is below the minimum 0")]
    [InlineData("""{"stationId": 4294967296}""", "stationId: 4294967296 is above the maximum 4294967295")]
    [InlineData("""{"stationId": 1, "timeout": 301}""", "timeout: 301 is above the maximum 300")]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"batchSize": 1001}}}""",
        "redis.streams.batchSize: 1001 is above the maximum 1000")]
    [InlineData("""{"stationId": 1, "log": {"handlers": [{"type": "file", "maxFiles": 101}]}}""",
        "log.handlers[0].maxFiles: 101 is above the maximum 100")]
    public void Validate_OutOfRange_NamesPathAndBound(string json, string expected) =>
        Assert.Contains(expected, Errors(json));

    [Fact]
    public void Validate_MissingStationId_IsRequired() =>
        Assert.Contains("stationId: required (the StationID of this roadside unit, 0..4294967295)", Errors("{}"));

    [Theory]
    [InlineData("""{"stationId": 1, "log": {"level": "Verbose"}}""", "log.level")]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"inputs": [{"kind": "cam"}]}}}""", "redis.streams.inputs[0].kind")]
    [InlineData("""{"stationId": 1, "log": {"handlers": [{"type": "syslog"}]}}""", "log.handlers[0].type")]
    public void Parse_UnknownEnumValue_NamesThePath(string json, string path) =>
        Assert.StartsWith(path + ":", Assert.Single(Errors(json)));

    [Theory]
    [InlineData("""{"stationId": 1, "extra": 1}""", "extra: unknown key")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"hostname": "x"}}}""", "redis.connection.hostname: unknown key")]
    public void Parse_UnknownKey_IsAnError(string json, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Errors(json)));

    [Theory]
    [InlineData("""{"stationId": "1"}""", "stationId: not a valid value for this key")]
    [InlineData("""{"stationId": 1, "instanceName": null}""", "instanceName:")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"port": 99999999999}}}""", "redis.connection.port: not a valid value for this key")]
    [InlineData("""{"stationId": 1, "den": {"asn1": "v3"}}""", "den.asn1: not a valid value for this key")]
    public void Parse_WrongJsonType_NamesThePath(string json, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Errors(json)));

    [Theory]
    [InlineData("""{"stationId": 1, "instanceName": ""}""", "instanceName: \"\" must be 1..64 characters long")]
    [InlineData("""{"stationId": 1, "instanceName": "a b"}""", "instanceName: \"a b\" may hold only")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"host": " "}}}""", "redis.connection.host: must not be empty")]
    [InlineData("""{"stationId": 1, "redis": {"stateKeyPrefix": ""}}""", "redis.stateKeyPrefix: must not be empty")]
    public void Validate_StringRules_NamePathAndRule(string json, string expected) =>
        Assert.Contains(Errors(json), error => error.StartsWith(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"password": "a", "passwordFile": "/etc/hostname"}}}""",
        "redis.connection.passwordFile: set either password or passwordFile, not both")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"username": "u"}}}""",
        "redis.connection.username: needs password or passwordFile (Redis AUTH takes both)")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"caCertificate": "/etc/hostname"}}}""",
        "redis.connection.caCertificate: needs tls: true")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"retryIntervalMs": 1000, "maxRetryIntervalMs": 999}}}""",
        "redis.connection.maxRetryIntervalMs: 999 is below retryIntervalMs 1000")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"passwordFile": "/nonexistent/secret"}}}""",
        "redis.connection.passwordFile: file \"/nonexistent/secret\" does not exist")]
    public void Validate_CrossFieldRules_NameTheKeyAndTheOtherKey(string json, string expected) =>
        Assert.Contains(expected, Errors(json));

    [Theory]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"outputs": [{"name": "o"}, {"name": "o"}]}}}""",
        "redis.streams.outputs[1].name: \"o\" is already used by redis.streams.outputs[0].name; stream names must be unique")]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"inputs": [{"name": "x"}], "outputs": [{"name": "x"}]}}}""",
        "redis.streams.outputs[0].name: \"x\" is already used by redis.streams.inputs[0].name; stream names must be unique")]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"deadLetter": "step:denm"}}}""",
        "redis.streams.deadLetter: \"step:denm\" is already used by redis.streams.outputs[0].name; stream names must be unique")]
    [InlineData("""{"stationId": 1, "log": {"handlers": [{"type": "file", "path": "a.log"}, {"type": "file", "path": "a.log"}]}}""",
        "log.handlers[1].path: \"a.log\" is already used by log.handlers[0]")]
    [InlineData("""{"stationId": 1, "log": {"handlers": [{"type": "console"}, {"type": "console"}]}}""",
        "log.handlers[1].type: only one console handler is allowed")]
    public void Validate_Uniqueness_NamesBothPlaces(string json, string expected) =>
        Assert.Contains(expected, Errors(json));

    [Theory]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"inputs": []}}}""", "redis.streams.inputs: 0 items, need 1..16")]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"outputs": []}}}""", "redis.streams.outputs: 0 items, need 1..16")]
    [InlineData("""{"stationId": 1, "log": {"handlers": []}}""", "log.handlers: 0 items, need 1..8")]
    [InlineData("""{"stationId": 1, "redis": {"streams": {"inputs": [null]}}}""", "redis.streams.inputs[0]: must be an object, not null")]
    public void Validate_ListBounds_NameCountAndRange(string json, string expected) =>
        Assert.Contains(expected, Errors(json));

    [Fact]
    public void Parse_PartialDenSection_KeepsTheDefaultsOfTheOtherDenKeys()
    {
        // DenOptions has init-only properties, which source-generated System.Text.Json would reset to 0.
        var config = ConfigLoader.Parse("""{"stationId": 1, "den": {"asn1": "v1", "repetitionIntervalMs": 100}}"""u8);

        Assert.Equal(StepProducer.Den.Asn1Version.V1, config.Den.Asn1);
        Assert.Equal(100, config.Den.RepetitionIntervalMs);
        Assert.Equal(StepProducer.Den.DenOptions.Default with { Asn1 = StepProducer.Den.Asn1Version.V1, RepetitionIntervalMs = 100 },
            config.Den);
    }

    [Theory]
    [InlineData("""{"stationId": 1, "den": {"stationId": 5}}""", "den.stationId: unknown key")]
    [InlineData("""{"stationId": 1, "den": {"validityS": 5}}""", "den.validityS: unknown key")]
    [InlineData("""{"stationId": 1, "den": []}""", "den: must be a JSON object")]
    public void Parse_BadDenSection_NamesThePath(string json, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Errors(json)));

    [Theory]
    [InlineData("""{"stationId": 1, "den": {"validityDurationS": 0}}""", "den.validityDurationS: 0 is outside 1..86400")]
    [InlineData("""{"stationId": 1, "den": {"repetitionDurationMs": 1000}}""",
        "den.repetitionDurationMs: 1000 needs repetitionIntervalMs > 0 (repetition is off)")]
    [InlineData("""{"stationId": 1, "den": {"repetitionIntervalMs": 5}}""",
        "den.repetitionIntervalMs: 5 is shorter than den.cleanupIntervalMs (10), the timer resolution")]
    public void Validate_DenRules_NameTheDenKey(string json, string expected) =>
        Assert.Contains(expected, Errors(json));

    [Fact]
    public void DenSectionSchema_CoversExactlyTheDenKeys_AndItsRangesAreTheOnesDenOptionsEnforces()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(ConfigSchemaGenerator.Generate())!;
        var denKeys = schema["properties"]!["den"]!["properties"]!.AsObject().Select(property => property.Key).Order();

        Assert.Equal(DenSectionSchema.Keys.Keys.Order(), denKeys);
        foreach (var (key, (_, minimum, maximum)) in DenSectionSchema.Keys)
        {
            if (minimum is { } low)
            {
                Assert.True(DenKeyIsValid(key, low), $"den.{key} = {low} (the schema minimum) should pass");
                Assert.False(DenKeyIsValid(key, low - 1), $"den.{key} = {low - 1} should fail");
            }

            if (maximum is { } high)
            {
                Assert.True(DenKeyIsValid(key, high), $"den.{key} = {high} (the schema maximum) should pass");
                Assert.False(DenKeyIsValid(key, high + 1), $"den.{key} = {high + 1} should fail");
            }
        }
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllOfThem()
    {
        var errors = Errors("""{"stationId": -5, "timeout": 0, "redis": {"connection": {"port": 0}}}""");

        Assert.Equal(
            ["stationId: -5 is below the minimum 0", "timeout: 0 is below the minimum 1", "redis.connection.port: 0 is below the minimum 1"],
            errors);
    }

    [Fact]
    public void BuiltInDefaults_AreValid_AndHaveNoRedisSection()
    {
        Assert.Empty(ConfigValidator.Validate(ProducerConfig.BuiltInDefaults));
        Assert.Null(ProducerConfig.BuiltInDefaults.Redis);
        Assert.Equal(ProducerConfig.BuiltInStationId, ProducerConfig.BuiltInDefaults.StationId);
    }

    [Fact]
    public void Template_RoundTripsThroughTheLoader()
    {
        var text = Cli.ConfigTemplate.Generate(instance: "rsu-7");

        var config = ConfigLoader.Parse(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal("rsu-7", config.InstanceName);
        Assert.Equal(Cli.ConfigTemplate.Create("rsu-7").Redis!.Connection, config.Redis!.Connection);
    }

    /// <summary>Whether a config whose den section sets only <paramref name="key"/> passes validation.</summary>
    private static bool DenKeyIsValid(string key, long value)
    {
        // repetitionDurationMs needs an interval; a 10 ms interval (= cleanupIntervalMs) is the smallest allowed.
        var companion = key == "repetitionDurationMs" ? ", \"repetitionIntervalMs\": 10" : string.Empty;
        try
        {
            ConfigLoader.Parse(System.Text.Encoding.UTF8.GetBytes($"{{\"stationId\": 1, \"den\": {{\"{key}\": {value}{companion}}}}}"));
            return true;
        }
        catch (ConfigException)
        {
            return false;
        }
    }

    private static string[] Errors(string json)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
        return error.Errors.Select(item => item.ToString()).ToArray();
    }
}
