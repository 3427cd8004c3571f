namespace StepProducer.Host.Configuration;

/// <summary>
/// The config JSON schema that <c>--conf_schema</c> prints: schemas/step_producer_config_v1_schema.json, embedded
/// byte for byte. It is generated from the config types by a Host test (ConfigSchemaGenerator), which keeps the
/// checked-in file equal to the types; the program itself carries no schema exporter (README "Footprint").
/// </summary>
public static class ConfigSchema
{
    /// <summary>The resource's LogicalName in StepProducer.Host.csproj.</summary>
    private const string ResourceName = "step_producer_config_v1_schema.json";

    /// <summary>The schema as indented UTF-8 JSON text ending with a newline.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
