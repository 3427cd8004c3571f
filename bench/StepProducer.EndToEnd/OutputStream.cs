using System.Globalization;
using StackExchange.Redis;

namespace StepProducer.EndToEnd;

/// <summary>One output entry as the harness needs it: when it was added and what caused it.</summary>
public readonly record struct OutputEntry(long AddedMs, long SourceInputMs, bool IsNew);

/// <summary>Reads the producer's output stream.</summary>
public static class OutputStream
{
    /// <summary>Entries per XRANGE call: large enough to page quickly, small enough to keep each reply a few MB.</summary>
    private const int PageSize = 5000;

    /// <summary>The source field of an entry read from the input: "&lt;input stream&gt;/&lt;ms&gt;-&lt;seq&gt;".</summary>
    private static readonly string SourcePrefix = ProducerConfig.InputStream + "/";

    /// <summary>Every entry of the output stream, oldest first.</summary>
    public static async Task<List<OutputEntry>> ReadAllAsync(IDatabase database)
    {
        var entries = new List<OutputEntry>();
        RedisValue start = "-";
        // Bounded by the stream's length: each page moves the start past the entries it returned.
        var length = await database.StreamLengthAsync(ProducerConfig.OutputStream);
        for (var pages = 0; pages <= (length / PageSize) + 1; pages++)
        {
            var page = await database.StreamRangeAsync(ProducerConfig.OutputStream, start, "+", PageSize);
            foreach (var entry in page)
            {
                entries.Add(Parse(entry));
            }

            if (page.Length < PageSize)
            {
                break;
            }

            start = "(" + page[^1].Id;
        }

        return entries;
    }

    /// <summary>The field names and values of the newest output entry, for redis-benchmark's XADD.</summary>
    public static async Task<NameValueEntry[]> NewestFieldsAsync(IDatabase database)
    {
        var newest = await database.StreamRangeAsync(ProducerConfig.OutputStream, "-", "+", 1, Order.Descending);
        return newest.Length == 1 ? newest[0].Values : throw new InvalidOperationException($"{ProducerConfig.OutputStream} is empty");
    }

    /// <summary>The milliseconds part of a stream entry ID "&lt;ms&gt;-&lt;seq&gt;".</summary>
    public static long IdMilliseconds(string id) => long.Parse(id.AsSpan(0, id.IndexOf('-')), CultureInfo.InvariantCulture);

    private static OutputEntry Parse(StreamEntry entry)
    {
        string source = entry["source"]!;
        if (!source.StartsWith(SourcePrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output entry {entry.Id}: source '{source}' is not an entry of {ProducerConfig.InputStream}");
        }

        return new OutputEntry(IdMilliseconds(entry.Id!), IdMilliseconds(source[SourcePrefix.Length..]), entry["kind"] == "new");
    }
}
