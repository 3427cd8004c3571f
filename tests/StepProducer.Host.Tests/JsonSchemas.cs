using System.Text.Json;
using Json.Schema;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests;

/// <summary>The checked-in JSON schemas of schemas/, evaluated with JsonSchema.Net (formats asserted).</summary>
internal static class JsonSchemas
{
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    public static JsonSchema Config => Load("step_producer_config_v1_schema.json");

    public static JsonSchema StationCollisions => Load("station_collisions_v1_schema.json");

    public static JsonSchema Termination => Load("termination_v1_schema.json");

    public static JsonSchema ReceivedDenm => Load("received_denm_v1_schema.json");

    public static JsonSchema DenmRecord => Load("denm_record_v1_schema.json");

    /// <summary>JsonSchema.Net registers every schema globally by its URI; loading one twice is an error.</summary>
    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    public static JsonSchema Load(string fileName)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(fileName, out var schema))
            {
                schema = JsonSchema.FromFile(RepoPaths.Combine("schemas", fileName));
                Loaded[fileName] = schema;
            }

            return schema;
        }
    }

    /// <summary>Null when <paramref name="json"/> is valid, else the failed locations and their errors.</summary>
    public static string? Problems(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Problems(schema, document.RootElement);
    }

    public static string? Problems(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return null;
        }

        return string.Join("; ", (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")));
    }

    public static void AssertValid(JsonSchema schema, string json)
    {
        var problems = Problems(schema, json);
        Assert.True(problems is null, $"{problems}\nin {json}");
    }
}
