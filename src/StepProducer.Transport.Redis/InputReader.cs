using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Reads one input stream with its consumer group, in the order the start-up contract asks for: this
/// consumer's own pending entries first (XREADGROUP from 0), entries left pending by dead consumers
/// (XAUTOCLAIM, idle at least <c>claimIdleMs</c>), then new entries (XREADGROUP &gt;).
/// </summary>
public sealed class InputReader(RedisInput input, RedisTransportOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// How often pending entries of other consumers are scanned for with XAUTOCLAIM. Entries of a dead
    /// consumer are taken over at most this long after they reach <c>claimIdleMs</c>; one XAUTOCLAIM that finds
    /// nothing costs Redis about as much as one empty XREADGROUP.
    /// </summary>
    public static readonly TimeSpan ClaimScanInterval = TimeSpan.FromSeconds(1);

    /// <summary>The stream ID that starts a scan of the pending entries list (XREADGROUP 0, XAUTOCLAIM 0-0).</summary>
    private const string StartOfPending = "0-0";

    /// <summary>New entries only, in XREADGROUP: those never delivered to any consumer of the group.</summary>
    private const string NewEntries = ">";

    /// <summary>XREADGROUP's arguments before the stream names: GROUP g c COUNT n BLOCK ms STREAMS.</summary>
    private const int BlockingReadFixedArguments = 8;

    private RedisValue pendingCursor = StartOfPending;
    private bool readingOwnPending = true;
    private RedisValue claimCursor = StartOfPending;
    private DateTimeOffset nextClaimScan;

    /// <summary>The last read of new entries returned less than a full batch: the stream held no more then.</summary>
    private bool caughtUp;

    /// <summary>
    /// Bumped by <see cref="RestartFromOwnPending"/>. A read that was in flight then (an overlapped read the
    /// producer abandoned) finds its generation stale and leaves the cursors alone, so it cannot undo the
    /// restart; the entries it read stay pending and are read again from 0.
    /// </summary>
    private int generation;

    public RedisInput Input => input;

    /// <summary>
    /// Whether <see cref="ReadAsync"/> has something to do now: own pending entries to read, a claim scan due,
    /// or new entries likely (the last read was a full batch). When not, only new entries can come, and the
    /// producer's blocking wait (<see cref="WaitForNewEntriesAsync"/>) picks them up without a poll.
    /// </summary>
    public bool ReadDue => readingOwnPending || !caughtUp || time.GetUtcNow() >= nextClaimScan;

    /// <summary>
    /// XGROUP CREATE ... $ MKSTREAM: on the group's first creation only entries added from now on are read;
    /// an existing group (BUSYGROUP) is used as it is.
    /// </summary>
    public async Task EnsureGroupAsync(IDatabase database)
    {
        try
        {
            await database.StreamCreateConsumerGroupAsync(input.Name, input.Group, StreamPosition.NewMessages, createStream: true);
            RedisLog.GroupCreated(logger, input.Name, input.Group);
        }
        catch (RedisServerException error) when (error.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: keep its position and its pending entries.
        }
    }

    /// <summary>After a failed or unknown commit: read this consumer's pending entries again from the start.</summary>
    public void RestartFromOwnPending()
    {
        generation++;
        caughtUp = false;
        pendingCursor = StartOfPending;
        readingOwnPending = true;
        claimCursor = StartOfPending;
        nextClaimScan = default;
    }

    /// <summary>The next entries to process (at most <c>batchSize</c>); empty when there is nothing now.</summary>
    public async Task<StreamEntry[]> ReadAsync(IDatabase database)
    {
        var readGeneration = generation;
        if (readingOwnPending)
        {
            var pending = await database.StreamReadGroupAsync(
                input.Name, input.Group, options.InstanceName, pendingCursor, options.BatchSize);
            if (readGeneration != generation)
            {
                return [];
            }

            if (pending.Length > 0)
            {
                pendingCursor = pending[^1].Id;
                return pending;
            }

            readingOwnPending = false;
        }

        var now = time.GetUtcNow();
        if (now >= nextClaimScan)
        {
            var claimed = await database.StreamAutoClaimAsync(
                input.Name, input.Group, options.InstanceName, (long)options.ClaimIdle.TotalMilliseconds,
                claimCursor, options.BatchSize);
            if (readGeneration != generation)
            {
                return [];
            }

            claimCursor = claimed.NextStartId;
            if (claimCursor == StartOfPending)
            {
                nextClaimScan = now + ClaimScanInterval;
            }

            if (claimed.ClaimedEntries.Length > 0)
            {
                RedisLog.EntriesClaimed(logger, claimed.ClaimedEntries.Length, input.Name, input.Group);
                return claimed.ClaimedEntries;
            }
        }

        var entries = await database.StreamReadGroupAsync(
            input.Name, input.Group, options.InstanceName, StreamPosition.NewMessages, options.BatchSize);
        Delivered(entries.Length, readGeneration);
        return entries;
    }

    /// <summary>Records how many new entries a read of this reader's generation returned.</summary>
    private void Delivered(int count, int readGeneration)
    {
        if (readGeneration == generation)
        {
            caughtUp = count < options.BatchSize;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="block"/> for new entries of any of <paramref name="readers"/> with one
    /// XREADGROUP ... BLOCK over all their streams, and returns them per reader (empty arrays for the others).
    /// The readers must share one group and have read their own pending entries (an idle round does both).
    /// <para>
    /// A blocking command holds its connection until it returns, so this runs only on the producer's read
    /// connection, never on the multiplexer that commits; StackExchange.Redis has no API for BLOCK (its
    /// multiplexer must never block), so the command is sent as it is and its reply parsed here.
    /// </para>
    /// </summary>
    public static async Task<StreamEntry[][]> WaitForNewEntriesAsync(
        IDatabase readDatabase, IReadOnlyList<InputReader> readers, RedisTransportOptions options, TimeSpan block)
    {
        // One array of exact size and no LINQ: at low rates this runs once per input entry.
        var arguments = new object[BlockingReadFixedArguments + (2 * readers.Count)];
        arguments[0] = "GROUP";
        arguments[1] = readers[0].Input.Group;
        arguments[2] = options.InstanceName;
        arguments[3] = "COUNT";
        arguments[4] = options.BatchSize;
        arguments[5] = "BLOCK";
        // BLOCK 0 would wait forever: at least 1 ms.
        arguments[6] = Math.Max(1, (long)block.TotalMilliseconds);
        arguments[7] = "STREAMS";
        var generations = new int[readers.Count];
        for (var index = 0; index < readers.Count; index++)
        {
            arguments[BlockingReadFixedArguments + index] = new RedisKey(readers[index].Input.Name);
            arguments[BlockingReadFixedArguments + readers.Count + index] = NewEntries;
            generations[index] = readers[index].generation;
        }

        var reply = await readDatabase.ExecuteAsync("XREADGROUP", arguments);
        var entries = new StreamEntry[readers.Count][];
        Array.Fill(entries, []);
        if (!reply.IsNull)
        {
            SortStreamReplies(reply, readers, entries);
        }

        for (var index = 0; index < readers.Count; index++)
        {
            readers[index].Delivered(entries[index].Length, generations[index]);
        }

        return entries;
    }

    /// <summary>
    /// Puts the entries of each stream of an XREADGROUP reply at its reader's index. RESP2 sends an array of
    /// [name, entries] pairs, RESP3 a map of name to entries. Each entry is [id, [field, value, ...]]; the
    /// fields are nil when the entry was deleted from the stream while it was pending (XREADGROUP from 0 only).
    /// </summary>
    private static void SortStreamReplies(RedisResult reply, IReadOnlyList<InputReader> readers, StreamEntry[][] entries)
    {
        var items = (RedisResult[])reply!;
        var isMap = reply.Resp3Type == ResultType.Map;
        var streams = isMap ? items.Length / 2 : items.Length;
        for (var stream = 0; stream < streams; stream++)
        {
            RedisResult name, streamEntries;
            if (isMap)
            {
                (name, streamEntries) = (items[2 * stream], items[(2 * stream) + 1]);
            }
            else
            {
                var pair = (RedisResult[])items[stream]!;
                (name, streamEntries) = (pair[0], pair[1]);
            }

            var index = IndexOfStream(readers, name);
            if (index >= 0)
            {
                var replyEntries = (RedisResult[])streamEntries!;
                var parsed = new StreamEntry[replyEntries.Length];
                for (var entry = 0; entry < parsed.Length; entry++)
                {
                    parsed[entry] = ToStreamEntry(replyEntries[entry]);
                }

                entries[index] = parsed;
            }
        }
    }

    /// <summary>The index of the reader of stream <paramref name="name"/>, or -1.</summary>
    private static int IndexOfStream(IReadOnlyList<InputReader> readers, RedisResult name)
    {
        var stream = (string)name!;
        for (var index = 0; index < readers.Count; index++)
        {
            if (readers[index].Input.Name == stream)
            {
                return index;
            }
        }

        return -1;
    }

    private static StreamEntry ToStreamEntry(RedisResult entry)
    {
        var parts = (RedisResult[])entry!;
        var fields = parts[1].IsNull ? [] : (RedisResult[])parts[1]!;
        var values = new NameValueEntry[fields.Length / 2];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = new NameValueEntry((RedisValue)fields[2 * index], (RedisValue)fields[(2 * index) + 1]);
        }

        return new StreamEntry((RedisValue)parts[0], values);
    }
}
