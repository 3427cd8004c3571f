using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;
using StepProducer.Encoding.Denm;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>One entry of an output stream, with its DENM decoded by the codec.</summary>
public sealed record OutputRecord(string Id, string Kind, string ActionId, long ReferenceTime, byte[] Uper, string? Jer, string Source)
{
    public V2.Denm Denm { get; } = DenmV2Codec.Decode(Uper);

    public string UperHex => Convert.ToHexStringLower(Uper);

    public static OutputRecord From(StreamEntry entry) => new(
        entry.Id!,
        entry["kind"]!,
        entry["actionId"]!,
        long.Parse((string)entry["referenceTime"]!, CultureInfo.InvariantCulture),
        (byte[])entry["uper"]!,
        entry["jer"].IsNull ? null : (string)entry["jer"]!,
        entry["source"]!);
}

/// <summary>Writing input entries and reading output streams in tests.</summary>
public static class Streams
{
    public static Task<RedisValue> AddEventAsync(IDatabase database, string cloudEvent, string stream = ProducerConfig.Events) =>
        database.StreamAddAsync(stream, "event", cloudEvent);

    public static Task<RedisValue> AddReceivedAsync(IDatabase database, byte[] uper, string stream = ProducerConfig.Received) =>
        database.StreamAddAsync(stream, "uper", uper);

    public static async Task<List<OutputRecord>> ReadOutputAsync(IDatabase database, string stream = ProducerConfig.Output)
    {
        var entries = await database.StreamRangeAsync(stream);
        return entries.Select(OutputRecord.From).ToList();
    }

    /// <summary>Polls the stream every 20 ms until <paramref name="done"/> holds; fails after <paramref name="limit"/>.</summary>
    public static async Task<List<OutputRecord>> WaitForOutputAsync(
        IDatabase database, Func<List<OutputRecord>, bool> done, TimeSpan? limit = null, string stream = ProducerConfig.Output)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((limit ?? TimeSpan.FromSeconds(30)).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var records = await ReadOutputAsync(database, stream);
            if (done(records))
            {
                return records;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                var deadLetters = await database.StreamRangeAsync(ProducerConfig.DeadLetter, count: 3);
                throw new TimeoutException(
                    $"output stream {stream} did not reach the expected state; it holds {records.Count} records ("
                    + string.Join(", ", records.GroupBy(record => record.Kind).Select(group => $"{group.Count()} {group.Key}"))
                    + $"); {await database.StreamLengthAsync(ProducerConfig.DeadLetter)} dead letters, first: "
                    + string.Join("; ", deadLetters.Select(entry => (string?)entry["error"])));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Encodes a v2 DENM with the codec.</summary>
    public static byte[] Encode(V2.Denm denm)
    {
        var writer = new ArrayBufferWriter<byte>();
        DenmV2Codec.Encode(denm, writer);
        return writer.WrittenSpan.ToArray();
    }
}

/// <summary>CloudEvents 1.0 input documents (the daemon issue's input contract).</summary>
public static class CloudEvents
{
    private static int counter;

    public static string Collision(uint first, uint second, string risk = "crossing", int? validityDurationS = null, DateTimeOffset? time = null)
    {
        var validity = validityDurationS is { } seconds ? $",\"validityDurationS\":{seconds}" : "";
        return Envelope("step.crash_prediction.station_collisions.v1", time,
            $"{{\"collisions\":[{{\"stationIds\":[{first},{second}],\"risk\":\"{risk}\","
            + $"\"position\":{{\"latitude\":48.137154,\"longitude\":11.576124}},\"probability\":0.8{validity}}}]}}");
    }

    public static string TerminateKey(uint first, uint second, string risk = "crossing") =>
        Envelope("step.den.termination.v1", null, $"{{\"stationIds\":[{first},{second}],\"risk\":\"{risk}\"}}");

    public static string TerminateActionId(string actionId)
    {
        var parts = actionId.Split(':');
        return Envelope("step.den.termination.v1", null,
            $"{{\"actionId\":{{\"originatingStationId\":{parts[0]},\"sequenceNumber\":{parts[1]}}}}}");
    }

    public static string Envelope(string type, DateTimeOffset? time, string data) =>
        $"{{\"specversion\":\"1.0\",\"id\":\"test-{Interlocked.Increment(ref counter)}\",\"source\":\"/test\","
        + $"\"type\":\"{type}\",\"time\":\"{(time ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\","
        + $"\"data\":{data}}}";
}
