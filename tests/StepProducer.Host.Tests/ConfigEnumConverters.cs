using StepProducer.Den;
using StepProducer.Host.Configuration;

namespace StepProducer.Host.Tests;

/// <summary>
/// The JSON names of every config enum, by enum type, from its converter. The schema generator lists them;
/// an enum missing here shows as a schema that differs from the checked-in file.
/// </summary>
internal static class ConfigEnumConverters
{
    public static readonly IReadOnlyDictionary<Type, ConfigEnumNames> NamesByType = new Dictionary<Type, ConfigEnumNames>
    {
        [typeof(Asn1Version)] = new Asn1VersionJson().Names,
        [typeof(OnExpiryAction)] = new OnExpiryActionJson().Names,
        [typeof(OnShutdownAction)] = new OnShutdownActionJson().Names,
        [typeof(RelevanceDistance)] = new RelevanceDistanceJson().Names,
        [typeof(RelevanceTrafficDirection)] = new RelevanceTrafficDirectionJson().Names,
        [typeof(LogLevelSetting)] = new LogLevelSettingJson().Names,
        [typeof(LogFormat)] = new LogFormatJson().Names,
        [typeof(RedisInputKind)] = new RedisInputKindJson().Names,
    };
}
