using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>The schemas of schemas/: their own examples, the samples, and the config template.</summary>
public sealed class SchemaTests
{
    public static TheoryData<string> SchemaFiles() =>
        new(Directory.GetFiles(RepoPaths.Combine("schemas"), "*_schema.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Schema_EveryExample_IsValid(string fileName)
    {
        var schema = JsonSchemas.Load(fileName);
        var document = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("schemas", fileName)))!;
        var examples = document["examples"]?.AsArray() ?? [];

        // The config schema is generated from the types and carries no examples; the template test covers it.
        Assert.True(examples.Count > 0 || fileName == "step_producer_config_v1_schema.json", $"{fileName} has no example");
        foreach (var example in examples)
        {
            JsonSchemas.AssertValid(schema, example!.ToJsonString());
        }
    }

    [Fact]
    public void Samples_EveryGoodLine_IsValidAgainstItsSchema_AndTheBadLineIsNot()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("samples", "stdin_demo.jsonl"));
        var invalid = new List<int>();
        for (var index = 0; index < lines.Length; index++)
        {
            var problems = JsonSchemas.Problems(SchemaFor(lines[index]), lines[index]);
            if (problems is not null)
            {
                invalid.Add(index + 1);
            }
        }

        // Line 4 is the deliberate bad line (one station ID); the schema rejects it as the program does.
        Assert.Equal([4], invalid);
        Assert.True(lines.Length >= 7);
    }

    [Fact]
    public void ConfigSchema_GeneratedFromTheConfigTypes_EqualsCheckedInSchemaByteForByte()
    {
        // The program embeds the checked-in file for --conf_schema; this keeps that file equal to the types.
        var checkedIn = File.ReadAllText(RepoPaths.Combine("schemas", "step_producer_config_v1_schema.json"));

        Assert.Equal(checkedIn, ConfigSchemaGenerator.Generate());
    }

    [Fact]
    public void ConfigTemplate_And_BuiltInDefaults_AreValidAgainstTheConfigSchema()
    {
        JsonSchemas.AssertValid(JsonSchemas.Config, Cli.ConfigTemplate.Generate(instance: null));
        JsonSchemas.AssertValid(JsonSchemas.Config, """{"stationId": 1}""");
    }

    [Theory]
    [InlineData("""{"stationId": 1, "timeout": 0}""")]
    [InlineData("""{"stationId": 1, "unknown": 0}""")]
    [InlineData("""{"timeout": 5}""")]
    [InlineData("""{"stationId": 1, "redis": {"connection": {"port": 70000}}}""")]
    [InlineData("""{"stationId": 1, "log": {"handlers": [{"type": "file", "maxFiles": 0}]}}""")]
    public void ConfigSchema_RejectsWhatTheValidatorRejects(string json) =>
        Assert.NotNull(JsonSchemas.Problems(JsonSchemas.Config, json));

    private static JsonSchema SchemaFor(string line)
    {
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.TryGetProperty("uper", out _))
        {
            return JsonSchemas.ReceivedDenm;
        }

        return document.RootElement.GetProperty("type").GetString() == "step.den.termination.v1"
            ? JsonSchemas.Termination
            : JsonSchemas.StationCollisions;
    }
}
