using System.Text.Json;
using StepProducer.Host.Configuration;

namespace StepProducer.Host.Cli;

/// <summary>The <c>--conf_template</c> output: every key with its default, a working localhost Redis section.</summary>
public static class ConfigTemplate
{
    public static ProducerConfig Create(string? instance) =>
        ProducerConfig.BuiltInDefaults with
        {
            InstanceName = instance ?? ProducerConfig.BuiltInDefaults.InstanceName,
            Redis = new RedisOptions(),
        };

    public static string Generate(string? instance) =>
        JsonSerializer.Serialize(Create(instance), ConfigJsonContext.Default.ProducerConfig) + "\n";
}
