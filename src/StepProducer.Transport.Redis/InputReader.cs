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

    private RedisValue pendingCursor = StartOfPending;
    private bool readingOwnPending = true;
    private RedisValue claimCursor = StartOfPending;
    private DateTimeOffset nextClaimScan;

    public RedisInput Input => input;

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
        pendingCursor = StartOfPending;
        readingOwnPending = true;
        claimCursor = StartOfPending;
        nextClaimScan = default;
    }

    /// <summary>The next entries to process (at most <c>batchSize</c>); empty when there is nothing now.</summary>
    public async Task<StreamEntry[]> ReadAsync(IDatabase database)
    {
        if (readingOwnPending)
        {
            var pending = await database.StreamReadGroupAsync(
                input.Name, input.Group, options.InstanceName, pendingCursor, options.BatchSize);
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

        return await database.StreamReadGroupAsync(
            input.Name, input.Group, options.InstanceName, StreamPosition.NewMessages, options.BatchSize);
    }
}
