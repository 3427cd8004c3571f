using System.Text.Json;

namespace StepProducer.EndToEnd;

/// <summary>The stream names of a run, and the step_producer config file the harness generates for them.</summary>
public static class ProducerConfig
{
    public const string InputStream = "e2e:events";

    public const string ConsumerGroup = "step_producer";

    public const string OutputStream = "e2e:denm";

    public const string DeadLetterStream = "e2e:dead_letter";

    /// <summary>The producer's StationID; the event keys' station IDs start at 1000 and never meet it.</summary>
    public const uint StationId = 1;

    /// <summary>
    /// den.validityDurationS: 10 minutes, so no preloaded event goes stale while the backlog drains and no
    /// event expires during a run (an expiry would add expire-cancel DENMs and make the counts unpredictable).
    /// </summary>
    public const int ValidityDurationS = 600;

    /// <summary>den.maxActiveEvents: room for every event key the harness allows.</summary>
    public const int MaxActiveEvents = HarnessOptions.MaxEventKeys;

    /// <summary>
    /// Writes a config for a Redis on 127.0.0.1:<paramref name="port"/>: one events input read by the
    /// consumer group the harness creates, one output with the JER mirror (as the default config), and
    /// den.minUpdateIntervalMs 0 so every collision yields exactly one DENM (new or update).
    /// The output stream is not trimmed (maxLength 0) so the harness can count and time every entry.
    /// <paramref name="batchSize"/> sets redis.streams.batchSize; null leaves the producer's default.
    /// </summary>
    public static void Write(string path, int port, int? batchSize)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("instanceName", "step_producer_e2e");
        json.WriteNumber("stationId", StationId);
        json.WriteStartObject("den");
        json.WriteNumber("validityDurationS", ValidityDurationS);
        json.WriteNumber("minUpdateIntervalMs", 0);
        json.WriteNumber("maxActiveEvents", MaxActiveEvents);
        json.WriteEndObject();
        json.WriteStartObject("redis");
        json.WriteStartObject("connection");
        json.WriteString("host", "127.0.0.1");
        json.WriteNumber("port", port);
        json.WriteEndObject();
        json.WriteStartObject("streams");
        json.WriteStartArray("inputs");
        json.WriteStartObject();
        json.WriteString("name", InputStream);
        json.WriteString("kind", "events");
        json.WriteString("group", ConsumerGroup);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("outputs");
        json.WriteStartObject();
        json.WriteString("name", OutputStream);
        json.WriteBoolean("jer", true);
        json.WriteNumber("maxLength", 0);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("deadLetter", DeadLetterStream);
        if (batchSize is { } size)
        {
            json.WriteNumber("batchSize", size);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("log");
        json.WriteString("level", "Warning");
        json.WriteStartArray("handlers");
        json.WriteStartObject();
        json.WriteString("type", "console");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
