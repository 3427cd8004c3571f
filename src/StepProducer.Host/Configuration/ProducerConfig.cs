using System.ComponentModel;
using System.Text.Json.Serialization;
using StepProducer.Den;

namespace StepProducer.Host.Configuration;

/// <summary>
/// The step_producer configuration file, version 1 (JSON). Every key is optional except
/// <see cref="StationId"/>; a left-out key takes the default written here. The JSON schema in
/// schemas/step_producer_config_v1_schema.json is generated from these types.
/// </summary>
public sealed record ProducerConfig
{
    /// <summary>
    /// The station ID of the built-in defaults (no --config). Station ID 1 is not assigned to real roadside
    /// units in this project; it marks output that came from an unconfigured demo run.
    /// </summary>
    public const long BuiltInStationId = 1;

    /// <summary>The configuration used when the program runs without --config.</summary>
    public static ProducerConfig BuiltInDefaults { get; } = new() { StationId = BuiltInStationId };

    [Description("Name of this producer instance in logs and in the start line; --instance overrides it.")]
    public string InstanceName { get; set; } = "step_producer";

    [Description("StationId of this roadside unit (CDD StationID, ETSI TS 102 894-2): the originatingStationId "
        + "of every ActionId and the header stationId of every DENM. Required in a config file.")]
    [ConfigRange(ConfigLimits.StationIdMin, ConfigLimits.StationIdMax)]
    public long? StationId { get; set; }

    [Description("Seconds allowed for connects and for the shutdown drain after SIGTERM/SIGINT.")]
    [ConfigRange(ConfigLimits.TimeoutMinS, ConfigLimits.TimeoutMaxS)]
    public int Timeout { get; set; } = 5;

    [Description("The DEN basic service (EN 302 637-3 / TS 103 831): DENM version, validity, repetition, expiry.")]
    [JsonConverter(typeof(DenSectionConverter))]
    public DenOptions Den { get; set; } = DenOptions.Default;

    [Description("Redis transport. Without this section the program runs in stdin/stdout mode.")]
    public RedisOptions? Redis { get; set; }

    [Description("Logging: level, console format and handlers.")]
    public LogOptions Log { get; set; } = new();
}
