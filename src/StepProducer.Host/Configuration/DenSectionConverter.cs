using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using StepProducer.Den;

namespace StepProducer.Host.Configuration;

/// <summary>
/// Reads and writes the <c>den</c> section as the DEN service's own <see cref="DenOptions"/>.
/// <para>
/// DenOptions has init-only properties, and System.Text.Json source generation cannot set those after
/// construction: a key left out would silently become 0 instead of its default (and
/// <see cref="JsonObjectCreationHandling.Populate"/> is refused for init-only properties). So the section
/// is laid over the serialized defaults, and DenOptions is read from a complete object.
/// </para>
/// <para>
/// The station ID is the config's top-level <c>stationId</c>, so the section has no <c>stationId</c> key.
/// Errors are thrown as <see cref="ConfigException"/> with the full path (<c>den.asn1: ...</c>).
/// </para>
/// </summary>
internal sealed class DenSectionConverter : JsonConverter<DenOptions>
{
    /// <summary>The DenOptions property that the config sets from its top-level key instead.</summary>
    public const string HiddenKey = "stationId";

    private const string SectionPath = "den";

    public override DenOptions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(SectionPath, "must be a JSON object");
        }

        var section = JsonNode.Parse(ref reader)!.AsObject();
        var merged = Serialize(DenOptions.Default);
        foreach (var (key, value) in section)
        {
            if (!merged.ContainsKey(key))
            {
                throw Error($"{SectionPath}.{key}", "unknown key (see --conf_schema for the keys of version 1)");
            }

            merged[key] = value?.DeepClone();
        }

        try
        {
            return merged.Deserialize(ConfigJsonContext.Default.DenOptions)
                ?? throw Error(SectionPath, "must be a JSON object");
        }
        catch (JsonException error)
        {
            // The path inside the section ("$.asn1") is right; line numbers refer to the merged copy and are dropped.
            var key = ConfigLoader.ToConfigPath(error.Path);
            throw Error($"{SectionPath}.{key}", ConfigLoader.Reason(error.Message));
        }
    }

    public override void Write(Utf8JsonWriter writer, DenOptions value, JsonSerializerOptions options) =>
        Serialize(value).WriteTo(writer);

    private static JsonObject Serialize(DenOptions value)
    {
        var node = JsonSerializer.SerializeToNode(value, ConfigJsonContext.Default.DenOptions)!.AsObject();
        node.Remove(HiddenKey);
        return node;
    }

    private static ConfigException Error(string path, string message) => new([new ConfigError(path, message)]);
}
