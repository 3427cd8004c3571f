using System.Text.Json.Serialization;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>Source-generated JSON metadata for the few values the JER tests decode independently.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class JerTestJsonContext : JsonSerializerContext;
