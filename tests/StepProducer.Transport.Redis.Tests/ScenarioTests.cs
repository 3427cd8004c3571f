using StepProducer.Encoding.Denm;
using StepProducer.TestSupport;
using StepProducer.Transport.Redis.Tests.Support;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>
/// The DEN scenarios end to end: the real step_producer against a real redis-server, every output DENM
/// decoded by the codec and a sample dissected by tshark.
/// </summary>
public sealed class ScenarioTests : RedisServerTest
{
    [Fact]
    public async Task Collisions_UpdatesTerminationAndExpiry_BecomeNewUpdateCancelAndExpireCancel()
    {
        var config = new ProducerConfig(Server);
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");

        var first = await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        var created = await Streams.WaitForOutputAsync(Database, records => records.Count == 1);
        Assert.Equal("new", created[0].Kind);
        Assert.Equal($"{ProducerConfig.Events}/{first}", created[0].Source);
        var actionId = created[0].ActionId;

        await Streams.AddEventAsync(Database, CloudEvents.Collision(2002, 1001));
        await Streams.AddEventAsync(Database, CloudEvents.TerminateKey(1001, 2002));
        await Streams.AddEventAsync(Database, CloudEvents.Collision(3003, 4004, "pedestrian", validityDurationS: 1));
        var records = await Streams.WaitForOutputAsync(Database, records => records.Any(record => record.Kind == "expire-cancel"));

        Assert.Equal(["new", "update", "cancel", "new", "expire-cancel"], records.Select(record => record.Kind));
        Assert.Equal([actionId, actionId, actionId], records.Take(3).Select(record => record.ActionId));
        Assert.NotEqual(actionId, records[3].ActionId);
        Assert.Equal(records[3].ActionId, records[4].ActionId);
        Assert.Equal("timer", records[4].Source);
        Assert.Equal(Termination.IsCancellation, records[2].Denm.Payload.Management.Termination);
        Assert.Equal(Termination.IsCancellation, records[4].Denm.Payload.Management.Termination);
        AssertRecordsMatchTheirDenms(records, stationId: 1234);
        Assert.All(records, record => Assert.NotNull(record.Jer));
        await AssertDissectedAsync(records);
    }

    [Fact]
    public async Task ReceivedForeignDenm_ThenTerminationOfItsActionId_IsNegatedWithItsReferenceTime()
    {
        var config = new ProducerConfig(Server);
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");
        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        var own = (await Streams.WaitForOutputAsync(Database, records => records.Count == 1))[0];

        var foreign = DenmV2Codec.Decode(own.Uper);
        foreign.Header = foreign.Header with { StationId = 777 };
        foreign.Payload.Management.ActionId = new V2.ActionId { OriginatingStationId = 777, SequenceNumber = 5 };
        await Streams.AddReceivedAsync(Database, Streams.Encode(foreign));
        // Entries of different input streams have no order between them: wait until the reception is stored.
        await WaitUntilAsync(() => Database.HashExistsAsync("step_producer:{1234}:state:receiving", "777:5"));
        await Streams.AddEventAsync(Database, CloudEvents.TerminateActionId("777:5"));

        var records = await Streams.WaitForOutputAsync(Database, records => records.Count >= 2);
        var negation = records[1];
        Assert.Equal("negate", negation.Kind);
        Assert.Equal("777:5", negation.ActionId);
        Assert.Equal(foreign.Payload.Management.ReferenceTime, negation.ReferenceTime);
        Assert.Equal(Termination.IsNegation, negation.Denm.Payload.Management.Termination);
        Assert.Equal(1234u, negation.Denm.Header.StationId);
        await AssertDissectedAsync(records);
    }

    [Fact]
    public async Task ReceivedNegationOfOurActionId_RemovesOurEntry()
    {
        var config = new ProducerConfig(Server);
        config.Den["validityDurationS"] = 3;
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");
        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        var own = (await Streams.WaitForOutputAsync(Database, records => records.Count == 1))[0];
        var stateKey = "step_producer:{1234}:state:originating";
        Assert.True(await Database.HashExistsAsync(stateKey, own.ActionId));

        var negation = DenmV2Codec.Decode(own.Uper);
        negation.Header = negation.Header with { StationId = 777 };
        negation.Payload.Management.Termination = Termination.IsNegation;
        negation.Payload.Management.ReferenceTime = own.ReferenceTime + 1;
        negation.Payload.Situation = null;
        negation.Payload.Location = null;
        negation.Payload.Alacarte = null;
        await Streams.AddReceivedAsync(Database, Streams.Encode(negation));

        await WaitUntilAsync(async () => !await Database.HashExistsAsync(stateKey, own.ActionId));
        // Past the 3 s validity: a removed entry gets no expire-cancel.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Single(await Streams.ReadOutputAsync(Database));
        Assert.Equal(0, await Database.StreamLengthAsync(ProducerConfig.DeadLetter));
    }

    /// <summary>Every record's fields agree with the DENM it carries.</summary>
    internal static void AssertRecordsMatchTheirDenms(IEnumerable<OutputRecord> records, uint stationId)
    {
        foreach (var record in records)
        {
            var management = record.Denm.Payload.Management;
            Assert.Equal(stationId, record.Denm.Header.StationId);
            Assert.Equal(record.ActionId, $"{management.ActionId.OriginatingStationId}:{management.ActionId.SequenceNumber}");
            Assert.Equal(record.ReferenceTime, management.ReferenceTime);
        }
    }

    /// <summary>tshark (the independent oracle) decodes every record as a DENM without errors.</summary>
    internal static async Task AssertDissectedAsync(IEnumerable<OutputRecord> records)
    {
        var result = await DenmDissect.RunAsync(records.Select(record => record.UperHex));
        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; fails after 10 s.</summary>
    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("condition not met within 10 s");
    }
}
