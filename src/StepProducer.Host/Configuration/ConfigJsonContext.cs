using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepProducer.Host.Configuration;

/// <summary>
/// Source-generated JSON metadata of the config file: camelCase keys, comments and trailing commas
/// allowed, unknown keys rejected, nullability respected (a null for a non-nullable key is an error).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowOutOfOrderMetadataProperties = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ProducerConfig))]
[JsonSerializable(typeof(StepProducer.Den.DenOptions))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
