using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StepProducer.Den;
using StepProducer.Host.Configuration;

namespace StepProducer.Host.Tests;

/// <summary>
/// The config enums' own converter (<see cref="ConfigEnumConverter{TEnum}"/>, smaller in the AOT binary) against
/// System.Text.Json's <see cref="JsonStringEnumConverter{TEnum}"/> on the enums as they were declared before
/// (the <see cref="Before"/> copies, with their [JsonStringEnumMemberName] names): every input must give the
/// same value, the same written JSON, or the same error message.
/// </summary>
public sealed class ConfigEnumConverterTests
{
    public static TheoryData<string> Inputs =>
    [
        "\"v1\"", "\"V1\"", "\"v2\"", "\" v2 \"", "\"v1,v2\"", "\"v1, v2\"", "\"v1,\"", "\"v1 , \"", "\",v1\"", "\"v1,,v2\"",
        "\",\"", "\"cancel\"", "\"Cancel\"", "\"drop\"", "\"keep\"", "\"keep, cancel\"",
        "\"lessThan50m\"", "\"LessThan50m\"", "\"over10km\"", "\"lessThan5km \"",
        "\"allTrafficDirections\"", "\"oppositeTraffic\"", "\"OPPOSITETRAFFIC\"",
        "\"Information\"", "\"information\"", "\"CRITICAL\"", "\"Info\"", "\"Trace, Debug\"", "\"warning,error,\"",
        "\"simple\"", "\"Json\"", "\"systemd\"", "\"events\"", "\"receivedDenm\"", "\"ReceivedDenm\"",
        "\"0\"", "\"1\"", "\"01\"", "\"+1\"", "\"-1\"", "\" 7 \"", "\"99\"", "\"2147483648\"", "\"0x1\"", "\"1.0\"",
        "\"1,v1\"", "\"+\"", "\"\"", "\" \"",
        "0", "1", "7", "99", "-1", "2147483647", "2147483648", "1.0", "1.5", "1e0",
        "null", "true", "[]", "{}",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ReadAndWrite_EveryConfigEnum_AsJsonStringEnumConverterBefore(string json)
    {
        AssertSameAsBefore<Asn1Version, Before.Asn1Version>(new Asn1VersionJson(), json);
        AssertSameAsBefore<OnExpiryAction, Before.OnExpiryAction>(new OnExpiryActionJson(), json);
        AssertSameAsBefore<OnShutdownAction, Before.OnShutdownAction>(new OnShutdownActionJson(), json);
        AssertSameAsBefore<RelevanceDistance, Before.RelevanceDistance>(new RelevanceDistanceJson(), json);
        AssertSameAsBefore<RelevanceTrafficDirection, Before.RelevanceTrafficDirection>(new RelevanceTrafficDirectionJson(), json);
        AssertSameAsBefore<LogLevelSetting, LogLevelSetting>(new LogLevelSettingJson(), json);
        AssertSameAsBefore<LogFormat, Before.LogFormat>(new LogFormatJson(), json);
        AssertSameAsBefore<RedisInputKind, Before.RedisInputKind>(new RedisInputKindJson(), json);
    }

    [Fact]
    public void Names_AreOnePerMember_InValueOrder_AsBefore()
    {
        AssertSameNames<Asn1Version, Before.Asn1Version>(new Asn1VersionJson());
        AssertSameNames<OnExpiryAction, Before.OnExpiryAction>(new OnExpiryActionJson());
        AssertSameNames<OnShutdownAction, Before.OnShutdownAction>(new OnShutdownActionJson());
        AssertSameNames<RelevanceDistance, Before.RelevanceDistance>(new RelevanceDistanceJson());
        AssertSameNames<RelevanceTrafficDirection, Before.RelevanceTrafficDirection>(new RelevanceTrafficDirectionJson());
        AssertSameNames<LogLevelSetting, LogLevelSetting>(new LogLevelSettingJson());
        AssertSameNames<LogFormat, Before.LogFormat>(new LogFormatJson());
        AssertSameNames<RedisInputKind, Before.RedisInputKind>(new RedisInputKindJson());
    }

    private static void AssertSameNames<TEnum, TBefore>(ConfigEnumConverter<TEnum> converter)
        where TEnum : struct, Enum
        where TBefore : struct, Enum
    {
        Assert.Equal(Enum.GetNames<TBefore>(), Enum.GetNames<TEnum>());
        Assert.Equal(Enum.GetValues<TEnum>().Select(value => Convert.ToInt32(value, CultureInfo.InvariantCulture)), Enumerable.Range(0, converter.Names.Names.Count));
        var written = Enum.GetValues<TBefore>().Select(value => OutcomeOf<TBefore>(new JsonStringEnumConverter<TBefore>(), $"{Convert.ToInt32(value, CultureInfo.InvariantCulture)}"));
        Assert.Equal(written, converter.Names.Names.Select((name, value) => $"{value} \"{name}\""));
    }

    private static void AssertSameAsBefore<TEnum, TBefore>(ConfigEnumConverter<TEnum> converter, string json)
        where TEnum : struct, Enum
        where TBefore : struct, Enum =>
        Assert.Equal(OutcomeOf<TBefore>(new JsonStringEnumConverter<TBefore>(), json), OutcomeOf<TEnum>(converter, json));

    /// <summary>The value read and written back, or the error's message (the enum's name left out).</summary>
    private static string OutcomeOf<TEnum>(JsonConverter converter, string json)
        where TEnum : struct, Enum
    {
        // The type info is made from the converter alone; the options need some resolver all the same.
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
        var typedConverter = converter as JsonConverter<TEnum>
            ?? (JsonConverter<TEnum>)((JsonConverterFactory)converter).CreateConverter(typeof(TEnum), options)!;
        var typeInfo = JsonMetadataServices.CreateValueInfo<TEnum>(options, typedConverter);
        try
        {
            var value = JsonSerializer.Deserialize(json, typeInfo);
            return $"{Convert.ToInt64(value, CultureInfo.InvariantCulture)} {JsonSerializer.Serialize(value, typeInfo)}";
        }
        catch (JsonException error)
        {
            return "JsonException: " + error.Message.Replace(typeof(TEnum).FullName!, "TEnum", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The renamed config enums as declared before <see cref="ConfigEnumConverter{TEnum}"/>. (LogLevelSetting had
    /// no names of its own; it is its own "before".)
    /// </summary>
    private static class Before
    {
        public enum Asn1Version
        {
            [JsonStringEnumMemberName("v1")] V1,
            [JsonStringEnumMemberName("v2")] V2,
        }

        public enum OnExpiryAction
        {
            [JsonStringEnumMemberName("cancel")] Cancel,
            [JsonStringEnumMemberName("drop")] Drop,
        }

        public enum OnShutdownAction
        {
            [JsonStringEnumMemberName("keep")] Keep,
            [JsonStringEnumMemberName("cancel")] Cancel,
        }

        public enum RelevanceDistance
        {
            [JsonStringEnumMemberName("lessThan50m")] LessThan50m,
            [JsonStringEnumMemberName("lessThan100m")] LessThan100m,
            [JsonStringEnumMemberName("lessThan200m")] LessThan200m,
            [JsonStringEnumMemberName("lessThan500m")] LessThan500m,
            [JsonStringEnumMemberName("lessThan1000m")] LessThan1000m,
            [JsonStringEnumMemberName("lessThan5km")] LessThan5km,
            [JsonStringEnumMemberName("lessThan10km")] LessThan10km,
            [JsonStringEnumMemberName("over10km")] Over10km,
        }

        public enum RelevanceTrafficDirection
        {
            [JsonStringEnumMemberName("allTrafficDirections")] AllTrafficDirections,
            [JsonStringEnumMemberName("upstreamTraffic")] UpstreamTraffic,
            [JsonStringEnumMemberName("downstreamTraffic")] DownstreamTraffic,
            [JsonStringEnumMemberName("oppositeTraffic")] OppositeTraffic,
        }

        public enum LogFormat
        {
            [JsonStringEnumMemberName("simple")] Simple,
            [JsonStringEnumMemberName("json")] Json,
            [JsonStringEnumMemberName("systemd")] Systemd,
        }

        public enum RedisInputKind
        {
            [JsonStringEnumMemberName("events")] Events,
            [JsonStringEnumMemberName("receivedDenm")] ReceivedDenm,
        }
    }
}
