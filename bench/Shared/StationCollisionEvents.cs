using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace StepProducer.Benchmarks.Shared;

/// <summary>
/// Writes station-collision CloudEvents (type step.crash_prediction.station_collisions.v1, the input
/// contract of schemas/) as UTF-8 JSON, for the in-process benchmarks and the end-to-end harness.
/// Event key <c>k</c> is the station pair (<see cref="FirstStationId"/> + 2k, + 2k + 1) with risk
/// "crossing"; reusing a key while its event is ACTIVE makes the DEN service update it, a key seen for
/// the first time triggers a new event.
/// </summary>
public sealed class StationCollisionEvents
{
    /// <summary>Station IDs start here so they never meet the producer's own StationID in the configs (1).</summary>
    public const uint FirstStationId = 1000;

    /// <summary>
    /// The predictor's collision point: a fixed WGS84 position (Munich, as in samples/) moved by up to
    /// 0.001° per key, so each event gets its own coordinates without leaving the area.
    /// </summary>
    private const double BaseLatitudeDeg = 48.137154;

    /// <inheritdoc cref="BaseLatitudeDeg"/>
    private const double BaseLongitudeDeg = 11.576124;

    /// <inheritdoc cref="BaseLatitudeDeg"/>
    private const double KeyOffsetDeg = 0.000001;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    public StationCollisionEvents() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>
    /// One CloudEvent with one collision per entry of <paramref name="eventKeys"/>. The bytes are valid
    /// until the next call.
    /// </summary>
    /// <param name="eventId">The CloudEvent id (unique per event).</param>
    /// <param name="time">The CloudEvent time, taken by the parser as each collision's detectionTime.</param>
    /// <param name="eventKeys">The event key of each collision, 0 and up.</param>
    /// <param name="validityDurationS">Each collision's validityDurationS, or null for the config's.</param>
    public ReadOnlySpan<byte> Write(long eventId, DateTimeOffset time, ReadOnlySpan<int> eventKeys, int? validityDurationS = null)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("specversion"u8, "1.0"u8);
        _json.WriteString("id"u8, eventId.ToString(CultureInfo.InvariantCulture));
        _json.WriteString("source"u8, "/step/crash-predictor/bench"u8);
        _json.WriteString("type"u8, "step.crash_prediction.station_collisions.v1"u8);
        _json.WriteString("time"u8, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        _json.WriteString("datacontenttype"u8, "application/json"u8);
        _json.WriteStartObject("data"u8);
        _json.WriteStartArray("collisions"u8);
        foreach (var key in eventKeys)
        {
            WriteCollision(key, validityDurationS);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenSpan;
    }

    private void WriteCollision(int key, int? validityDurationS)
    {
        var first = FirstStationId + (2 * (uint)key);
        _json.WriteStartObject();
        _json.WriteStartArray("stationIds"u8);
        _json.WriteNumberValue(first);
        _json.WriteNumberValue(first + 1);
        _json.WriteEndArray();
        _json.WriteString("risk"u8, "crossing"u8);
        _json.WriteStartObject("position"u8);
        _json.WriteNumber("latitude"u8, BaseLatitudeDeg + (KeyOffsetDeg * (key % 1000)));
        _json.WriteNumber("longitude"u8, BaseLongitudeDeg + (KeyOffsetDeg * (key % 1000)));
        // Altitude, probability and time to collision as in samples/stdin_demo.jsonl: a typical prediction.
        _json.WriteNumber("altitude"u8, 519.0);
        _json.WriteEndObject();
        _json.WriteNumber("probability"u8, 0.72);
        _json.WriteNumber("timeToCollisionMs"u8, 2600);
        if (validityDurationS is int validity)
        {
            _json.WriteNumber("validityDurationS"u8, validity);
        }

        _json.WriteEndObject();
    }
}
