using StackExchange.Redis;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>A bad-input corpus over every class of the issue goes to the dead-letter stream; good entries around it are processed.</summary>
public sealed class DeadLetterTests : RedisServerTest
{
    /// <summary>maxEntryBytes for this test: small, so an over-size entry is cheap to make.</summary>
    private const int MaxEntryBytes = 4096;

    private static readonly string Over = new('x', MaxEntryBytes + 1);

    private static readonly string Good = CloudEvents.Collision(5001, 5002);

    /// <summary>(stream, field, value, the error's expected start): every class of bad input.</summary>
    public static TheoryData<string, string, string, string> Corpus => new()
    {
        { ProducerConfig.Events, "payload", "{}", "event: missing field" },
        { ProducerConfig.Events, "event", "{", "$:" },
        { ProducerConfig.Events, "event", "hello", "$: not valid JSON" },
        { ProducerConfig.Events, "event", "[]", "$: expected a JSON object" },
        { ProducerConfig.Events, "event", "", "$:" },
        { ProducerConfig.Events, "event", Good + " trailing", "$: not valid JSON" },
        { ProducerConfig.Events, "event", Without("specversion"), "specversion" },
        { ProducerConfig.Events, "event", Replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""), "specversion: must be \"1.0\"" },
        { ProducerConfig.Events, "event", Without("id"), "id" },
        { ProducerConfig.Events, "event", Without("type"), "type" },
        { ProducerConfig.Events, "event", Replace("step.crash_prediction.station_collisions.v1", "step.meteor.v1"), "type:" },
        { ProducerConfig.Events, "event", Without("time"), "time" },
        { ProducerConfig.Events, "event", Replace("\"time\":\"", "\"time\":\"yesterday"), "time" },
        { ProducerConfig.Events, "event", CloudEvents.Envelope("step.crash_prediction.station_collisions.v1", null, "\"text\""), "data: must be a JSON object" },
        { ProducerConfig.Events, "event", CloudEvents.Envelope("step.crash_prediction.station_collisions.v1", null, "{}"), "data.collisions: required" },
        { ProducerConfig.Events, "event", CloudEvents.Envelope("step.crash_prediction.station_collisions.v1", null, "{\"collisions\":[]}"), "data.collisions:" },
        { ProducerConfig.Events, "event", Replace("[5001,5002]", "[5001]"), "data.collisions[0].stationIds" },
        { ProducerConfig.Events, "event", Replace("[5001,5002]", "[5001,5001]"), "data.collisions[0].stationIds" },
        { ProducerConfig.Events, "event", Replace("\"crossing\"", "\"meteor\""), "data.collisions[0].risk" },
        { ProducerConfig.Events, "event", Replace("48.137154", "91"), "data.collisions[0].position.latitude" },
        { ProducerConfig.Events, "event", Replace("11.576124", "-181"), "data.collisions[0].position.longitude" },
        { ProducerConfig.Events, "event", Replace("0.8", "1.5"), "data.collisions[0].probability" },
        { ProducerConfig.Events, "event", CloudEvents.Collision(5001, 5002, validityDurationS: 0), "data.collisions[0].validityDurationS" },
        { ProducerConfig.Events, "event", CloudEvents.Envelope("step.den.termination.v1", null,
            "{\"actionId\":{\"originatingStationId\":1,\"sequenceNumber\":2},\"stationIds\":[1,2],\"risk\":\"crossing\"}"), "data" },
        { ProducerConfig.Events, "event", CloudEvents.Envelope("step.den.termination.v1", null,
            "{\"actionId\":{\"originatingStationId\":1}}"), "data.actionId" },
        { ProducerConfig.Events, "event", CloudEvents.TerminateActionId("4242:7"), "data: actionId" },
        { ProducerConfig.Events, "event", "{\"uper\":\"00\"}", "event: holds a received-DENM line" },
        { ProducerConfig.Events, "event", Over, "entry: " },
        { ProducerConfig.Received, "event", "00", "uper: missing field" },
        { ProducerConfig.Received, "uper", "\u0001\u0002garbage", "uper:" },
        { ProducerConfig.Received, "uper", "", "uper:" },
        { ProducerConfig.Received, "uper", Over, "entry: " },
    };

    [Fact]
    public async Task BadInputCorpus_GoesToTheDeadLetterStreamWithPathAndReason_GoodEntriesAroundItAreProcessed()
    {
        var config = new ProducerConfig(Server);
        config.Streams["maxEntryBytes"] = MaxEntryBytes;
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");

        var corpus = Corpus.Select(row => ((string)row[0], (string)row[1], (string)row[2], (string)row[3])).ToList();
        var badIds = new List<(string Stream, RedisValue Id, string Field, string Value, string Expected)>();
        var goodIds = new List<RedisValue>();
        for (var index = 0; index < corpus.Count; index++)
        {
            var (stream, field, value, expected) = corpus[index];
            badIds.Add((stream, await Database.StreamAddAsync(stream, field, value), field, value, expected));
            // A good event after each bad one, with its own event key.
            goodIds.Add(await Streams.AddEventAsync(Database, CloudEvents.Collision((uint)(100 + index), 9000)));
        }

        // A received DENM that is truncated: real bytes of a DENM, cut in half.
        var first = (await Streams.WaitForOutputAsync(Database, records => records.Count >= 1))[0];
        var truncatedId = await Streams.AddReceivedAsync(Database, first.Uper[..(first.Uper.Length / 2)]);
        badIds.Add((ProducerConfig.Received, truncatedId, "uper", "", "uper:"));

        var records = await Streams.WaitForOutputAsync(Database, records => records.Count >= goodIds.Count);
        var deadLetters = await WaitForDeadLettersAsync(badIds.Count);

        Assert.True(badIds.Count >= 25);
        Assert.Equal(goodIds.Select(id => $"{ProducerConfig.Events}/{id}").Order(), records.Select(record => record.Source).Order());
        Assert.All(records, record => Assert.Equal("new", record.Kind));
        var byId = deadLetters.ToDictionary(entry => $"{entry["stream"]}/{entry["id"]}");
        var wrong = badIds.Where(bad => !byId.TryGetValue($"{bad.Stream}/{bad.Id}", out var letter) || !((string)letter["error"]!).StartsWith(bad.Expected, StringComparison.Ordinal))
            .Select(bad => $"{bad.Id}: expected \"{bad.Expected}\", got \"{(byId.TryGetValue($"{bad.Stream}/{bad.Id}", out var letter) ? (string?)letter["error"] : "no dead letter")}\"");
        Assert.True(!wrong.Any(), string.Join("\n", wrong));
        foreach (var (stream, id, field, value, expected) in badIds)
        {
            Assert.True(byId.TryGetValue($"{stream}/{id}", out var deadLetter), $"no dead letter for {stream}/{id} ({expected})");
            Assert.Equal(stream, (string?)deadLetter["stream"]);
            var error = (string)deadLetter["error"]!;
            Assert.True(error.StartsWith(expected, StringComparison.Ordinal), $"{stream}/{id}: error \"{error}\" does not start with \"{expected}\"");
            Assert.False(deadLetter[field].IsNull, $"{stream}/{id}: the original field {field} is missing from the dead letter");
            if (value.Length <= MaxEntryBytes && id != truncatedId)
            {
                Assert.Equal(value, (string?)deadLetter[field]);
            }
        }

        foreach (var stream in new[] { ProducerConfig.Events, ProducerConfig.Received })
        {
            Assert.Equal(0, (await Database.StreamPendingAsync(stream, "producers")).PendingMessageCount);
        }

        Assert.False(producer.HasExited);
    }

    private static string Without(string attribute)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(Good)!.AsObject();
        document.Remove(attribute);
        return document.ToJsonString();
    }

    private static string Replace(string from, string to)
    {
        var good = Good;
        Assert.Contains(from, good);
        return good.Replace(from, to, StringComparison.Ordinal);
    }

    private async Task<StreamEntry[]> WaitForDeadLettersAsync(int count)
    {
        for (var attempt = 0; attempt < 1500; attempt++)
        {
            var entries = await Database.StreamRangeAsync(ProducerConfig.DeadLetter);
            if (entries.Length >= count)
            {
                return entries;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the dead-letter stream did not reach {count} entries in 30 s");
    }
}
