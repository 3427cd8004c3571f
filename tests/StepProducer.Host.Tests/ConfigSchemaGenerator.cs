using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using StepProducer.Den;

using StepProducer.Host.Configuration;

namespace StepProducer.Host.Tests;

/// <summary>
/// Generates the config JSON schema from the config types with <see cref="JsonSchemaExporter"/>. Descriptions
/// come from <see cref="DescriptionAttribute"/>, ranges from <see cref="ConfigRangeAttribute"/> and defaults
/// from a default instance of each record. A test holds schemas/step_producer_config_v1_schema.json, which the
/// program embeds for --conf_schema, equal to this output, so the schema cannot drift from the types. It lives
/// in the tests so that the exporter stays out of the AOT binary (README "Footprint").
/// </summary>
internal static class ConfigSchemaGenerator
{
    private const string DialectUri = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema as indented UTF-8 JSON text ending with a newline.</summary>
    public static string Generate()
    {
        var exporter = new SchemaTransformer();
        var typeInfo = ConfigJsonContext.Default.ProducerConfig;
        var schema = (JsonObject)JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = exporter.Transform,
        });

        var document = new JsonObject
        {
            ["$schema"] = DialectUri,
            ["title"] = "step_producer configuration, version 1",
        };
        foreach (var (key, value) in schema.ToArray())
        {
            schema.Remove(key);
            document[key] = value;
        }

        document["required"] = new JsonArray("stationId");
        return ToText(document);
    }

    /// <summary>Writes a JSON node indented by two spaces, without HTML-escaping quotes and '+', newline-terminated.</summary>
    internal static string ToText(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            node.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private sealed class SchemaTransformer
    {
        /// <summary>
        /// One default-constructed instance of every config record, the source of the schema's defaults.
        /// Source generation sets init-only properties through a constructor, so the metadata offers no
        /// parameterless factory; a record missing here fails schema generation (and its test) loudly.
        /// </summary>
        private static readonly Dictionary<Type, object> DefaultInstances = new()
        {
            [typeof(ProducerConfig)] = new ProducerConfig(),
            [typeof(DenOptions)] = DenOptions.Default,
            [typeof(RedisOptions)] = new RedisOptions(),
            [typeof(RedisConnectionOptions)] = new RedisConnectionOptions(),
            [typeof(RedisStreamsOptions)] = new RedisStreamsOptions(),
            [typeof(RedisInputStream)] = new RedisInputStream(),
            [typeof(RedisOutputStream)] = new RedisOutputStream(),
            [typeof(LogOptions)] = new LogOptions(),
            [typeof(ConsoleLogHandler)] = new ConsoleLogHandler(),
            [typeof(FileLogHandler)] = new FileLogHandler(),
        };

        public JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
        {
            if (EnumNames(context.TypeInfo) is { } names)
            {
                // The exporter knows nothing of a custom converter and allows any value; a config enum
                // accepts its names (ConfigEnumNames), listed as System.Text.Json's own enum converter lists them.
                schema = new JsonObject { ["enum"] = new JsonArray([.. names.Names.Select(name => (JsonNode)name)]) };
            }

            if (schema is not JsonObject node)
            {
                return schema;
            }

            if (context.PropertyInfo is { } property)
            {
                if (property.DeclaringType == typeof(DenOptions))
                {
                    AddDenKeywords(property, node);
                }
                else if (property.AttributeProvider is { } attributes)
                {
                    AddPropertyKeywords(property, attributes, node);
                }
            }

            if (context.TypeInfo.Type == typeof(DenOptions) && node["properties"] is JsonObject denProperties)
            {
                // The station ID is the top-level stationId (DenSectionConverter).
                denProperties.Remove(DenSectionConverter.HiddenKey);
            }

            if (context.PropertyInfo?.PropertyType == typeof(DenOptions) && node["default"] is JsonObject denDefault)
            {
                denDefault.Remove(DenSectionConverter.HiddenKey);
            }

            if (node.ContainsKey("properties"))
            {
                // Unknown keys are errors when the config is read (UnmappedMemberHandling.Disallow).
                node["additionalProperties"] = false;
            }

            return node;
        }

        private void AddPropertyKeywords(JsonPropertyInfo property, ICustomAttributeProvider attributes, JsonObject node)
        {
            if (FindAttribute<DescriptionAttribute>(attributes) is { } description)
            {
                node.Insert(0, "description", description.Description);
            }

            if (FindAttribute<ConfigRangeAttribute>(attributes) is { } range)
            {
                // A range-checked key is an integer; a nullable one (stationId) is nullable only so that a
                // missing key can be reported by name, not because null is a valid value.
                node["type"] = "integer";
                node["minimum"] = range.Minimum;
                node["maximum"] = range.Maximum;
            }

            if (DefaultValue(property) is { } defaultValue)
            {
                node["default"] = defaultValue;
            }
            else if (AllowsNull(node))
            {
                node["default"] = null;
            }
        }

        private void AddDenKeywords(JsonPropertyInfo property, JsonObject node)
        {
            if (DenSectionSchema.Keys.TryGetValue(property.Name, out var key))
            {
                node.Insert(0, "description", key.Description);
                if (key.Minimum is { } minimum)
                {
                    node["minimum"] = minimum;
                }

                if (key.Maximum is { } maximum)
                {
                    node["maximum"] = maximum;
                }
            }

            node["default"] = DefaultValue(property);
        }

        private JsonNode? DefaultValue(JsonPropertyInfo property)
        {
            if (!DefaultInstances.TryGetValue(property.DeclaringType, out var instance))
            {
                throw new InvalidOperationException(
                    $"{property.DeclaringType.Name} has no entry in {nameof(DefaultInstances)}; add one so its defaults reach the schema");
            }

            var value = property.Get?.Invoke(instance);
            return value is null ? null : JsonSerializer.SerializeToNode(value, property.Options.GetTypeInfo(property.PropertyType));
        }

        /// <summary>The names of a config enum read by a <see cref="ConfigEnumConverter{TEnum}"/>, or null.</summary>
        private static ConfigEnumNames? EnumNames(JsonTypeInfo typeInfo) =>
            ConfigEnumConverters.NamesByType.GetValueOrDefault(typeInfo.Type);

        private static bool AllowsNull(JsonObject node) =>
            node["type"] is JsonArray types && types.Any(type => type?.GetValue<string>() == "null");

        private static T? FindAttribute<T>(ICustomAttributeProvider attributes)
            where T : Attribute =>
            attributes.GetCustomAttributes(typeof(T), inherit: false) is [T attribute, ..] ? attribute : null;
    }
}
