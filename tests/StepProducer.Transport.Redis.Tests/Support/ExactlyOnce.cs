using StackExchange.Redis;

namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>The exactly-once checks on an output stream, given the input entries that were added.</summary>
public static class ExactlyOnce
{
    /// <summary>
    /// Every input entry caused exactly one <c>new</c> (each event has its own event key), the actionIds are
    /// unique, no (kind, actionId) appears twice, every DENM decodes, and nothing was dead-lettered.
    /// </summary>
    public static void AssertOneNewPerInput(IReadOnlyList<OutputRecord> records, IEnumerable<RedisValue> inputIds, string inputStream = ProducerConfig.Events)
    {
        var expectedSources = inputIds.Select(id => $"{inputStream}/{id}").ToHashSet();
        var created = records.Where(record => record.Kind == "new").ToList();
        var duplicatedSources = created.GroupBy(record => record.Source).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(duplicatedSources.Count == 0, $"inputs processed twice: {string.Join(", ", duplicatedSources.Take(10))}");
        var missing = expectedSources.Except(created.Select(record => record.Source)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} inputs lost, e.g. {string.Join(", ", missing.Take(10))}");
        Assert.Equal(expectedSources.Count, created.Count);
        Assert.Equal(created.Count, created.Select(record => record.ActionId).Distinct().Count());
        var duplicated = records.GroupBy(record => (record.Kind, record.ActionId)).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(duplicated.Count == 0, $"duplicated DENMs: {string.Join(", ", duplicated.Take(10))}");
    }

    /// <summary>Every <c>new</c> has exactly one <c>expire-cancel</c> with its actionId.</summary>
    public static void AssertEveryEventExpiredOnce(IReadOnlyList<OutputRecord> records)
    {
        var created = records.Where(record => record.Kind == "new").Select(record => record.ActionId).Order().ToList();
        var expired = records.Where(record => record.Kind == "expire-cancel").Select(record => record.ActionId).Order().ToList();
        Assert.Equal(created, expired);
    }

    /// <summary>Waits until no input entry is pending or unread for the group (bounded by <paramref name="limit"/>).</summary>
    public static async Task WaitUntilDrainedAsync(IDatabase database, string stream, string group, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            var info = (await database.StreamGroupInfoAsync(stream)).Single(candidate => candidate.Name == group);
            if (info.PendingMessageCount == 0 && info.Lag == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{stream} not drained by group {group} within {limit}");
    }
}
