using System.Text.Json.Serialization;

namespace StepProducer.Den;

/// <summary>
/// Source-generated JSON metadata for the <c>den</c> config section (read, so <c>Metadata</c> mode). The
/// daemon may list <see cref="DenOptions"/> in its own context instead; the enum converters travel with the
/// enum types.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    GenerationMode = JsonSourceGenerationMode.Metadata,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(DenOptions))]
public sealed partial class DenJsonContext : JsonSerializerContext;
