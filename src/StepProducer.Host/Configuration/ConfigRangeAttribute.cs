namespace StepProducer.Host.Configuration;

/// <summary>
/// The inclusive range of a numeric config key, published as <c>minimum</c>/<c>maximum</c> in the JSON
/// schema. The validator checks the same <see cref="ConfigLimits"/> constants.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ConfigRangeAttribute(long minimum, long maximum) : Attribute
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;
}
