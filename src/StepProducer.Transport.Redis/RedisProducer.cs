using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StepProducer.Den;

namespace StepProducer.Transport.Redis;

/// <summary>
/// The Redis streams transport: one loop that owns the <see cref="DenService"/>, reads the input streams
/// with consumer groups, and commits every effect in fenced batches (see <see cref="StateKeys"/>).
/// <para>
/// Start-up order (issue 5): connect (waiting out an outage), take ownership and restore the state, commit
/// the expiries of entries whose validity ended while no producer ran, process this consumer's pending
/// entries, claim entries of dead consumers (XAUTOCLAIM), then read new entries. After any failed or unknown
/// commit, or a lost connection, the service is rebuilt from Redis and the pending entries are read again,
/// so the in-memory tables never run ahead of Redis.
/// </para>
/// </summary>
public sealed class RedisProducer : IDenRecordSink, IDenStateStore, IDisposable
{
    /// <summary>
    /// Idle back-off of the read loop: after an empty round it sleeps 1 ms, doubling to 4 ms. At 1,000
    /// events/s the loop never idles; at lower rates an entry waits at most ~4 ms plus one round trip, which
    /// keeps the issue's p99 input-to-output target of 5 ms, for ~250 empty XREADGROUPs per second per input.
    /// </summary>
    public static readonly TimeSpan MinIdleDelay = TimeSpan.FromMilliseconds(1);

    /// <inheritdoc cref="MinIdleDelay"/>
    public static readonly TimeSpan MaxIdleDelay = TimeSpan.FromMilliseconds(4);

    /// <summary>
    /// How often an idle producer checks that it still owns the station. A busy one learns it at its next
    /// commit; an idle one (nothing to read, no timer due) would otherwise never notice a replacement.
    /// </summary>
    public static readonly TimeSpan OwnershipCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>How much of an over-size value the dead-letter entry keeps, so the dead-letter stream stays small.</summary>
    public const int DeadLetterValuePrefixBytes = 256;

    private readonly RedisTransportOptions options;
    private readonly DenOptions denOptions;
    private readonly IRedisInputHandler handler;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly StateKeys keys;
    private readonly RedisConnector connector;
    private readonly RedisBatch batch = new();
    private readonly RedisRecordFields recordFields = new();
    private readonly bool anyJerOutput;
    private DenService? service;

    /// <summary>Totals up to the last commit, over every service instance of this run (see <see cref="RedisCounters"/>).</summary>
    private DenCounters committedCounters;

    /// <summary><see cref="committedCounters"/> when the current service instance was built by a restore.</summary>
    private DenCounters countersBeforeRestore;

    private long committedDeadLetters;
    private long deadLettersInBatch;
    private Action<RedisCounters>? countersReport;
    private long countersIntervalTimestamps;
    private long nextCountersReport;

    public RedisProducer(
        RedisTransportOptions options, DenOptions denOptions, IRedisInputHandler handler, ILoggerFactory loggerFactory, TimeProvider time)
    {
        this.options = options;
        this.denOptions = denOptions;
        this.handler = handler;
        this.loggerFactory = loggerFactory;
        this.time = time;
        logger = loggerFactory.CreateLogger("StepProducer.Transport.Redis");
        keys = new StateKeys(options.StateKeyPrefix);
        connector = new RedisConnector(options, logger, time, () => Heartbeat?.Invoke());
        anyJerOutput = options.Outputs.Any(output => output.Jer);
    }

    /// <summary>Called once the producer owns the station's state and starts reading (systemd READY=1).</summary>
    public event Action? Running;

    /// <summary>
    /// Called on every round of the read loop and, while Redis is away, every <see cref="RedisConnector.HeartbeatSlice"/>
    /// of the retry wait (the systemd watchdog ping: a stuck loop stops it). A command waits at most
    /// <c>timeout</c> without a heartbeat.
    /// </summary>
    public event Action? Heartbeat;

    /// <summary>The DEN service's counters (of the current service instance; it is rebuilt after each restore).</summary>
    public DenCounters Counters => service?.Counters ?? default;

    /// <summary>
    /// Calls <paramref name="report"/> every <paramref name="interval"/> (on the producer's clock) with the
    /// committed totals of this run. It runs on the producer's loop, which owns the DEN service, between two
    /// batches; while Redis is away no report is made (the outage log speaks instead). Call before <see cref="RunAsync"/>.
    /// </summary>
    public void ReportCountersEvery(TimeSpan interval, Action<RedisCounters> report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        countersReport = report;
        countersIntervalTimestamps = (long)(interval.TotalSeconds * time.TimestampFrequency);
        nextCountersReport = time.GetTimestamp() + countersIntervalTimestamps;
    }

    /// <summary>
    /// Runs until <paramref name="stop"/> fires (a graceful stop: the batch in flight commits; with
    /// den.onShutdown = keep the active DENMs stay in the state for the next start, with cancel they are
    /// cancelled in one last batch, see <see cref="StopOutcome"/>). Throws <see cref="OwnershipLostException"/>
    /// when another producer took the station, <see cref="RedisMisconfigurationException"/> for a failed
    /// command or keys that break the Redis Cluster rule. Never returns or throws because Redis is away.
    /// </summary>
    public async Task<StopOutcome> RunAsync(CancellationToken stop)
    {
        ConnectionMultiplexer connection;
        try
        {
            connection = await connector.ConnectAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return StoppedWithoutCancellations("stopped before Redis could be reached");
        }

        await using var disposeConnection = connection;
        ThrowIfClusterRuleBroken(connection);
        var database = connection.GetDatabase(options.Database);
        var committer = new BatchCommitter(database, keys, logger);
        var readers = options.Inputs.Select(input => new InputReader(input, options, time, logger)).ToArray();
        var owned = false;
        // Null while the service is current (no commit failed since the last restore).
        string? restoreReason = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var reader in readers)
                {
                    await reader.EnsureGroupAsync(database);
                    reader.RestartFromOwnPending();
                }

                var snapshot = owned ? await committer.RestoreAsync(restoreReason!) : await committer.TakeOwnershipAsync();
                owned = true;
                connector.Outage.Recovered();
                connector.Backoff.Reset();
                RebuildService(snapshot);
                if (await CommitAsync(committer) == CommitOutcome.NotApplied)
                {
                    restoreReason = "the commit of the restore's expiries did not apply";
                    continue;
                }

                Running?.Invoke();
                restoreReason = await ProcessUntilFailureAsync(database, committer, readers, stop);
            }
            catch (Exception error) when (RedisConnector.IsTransient(error))
            {
                restoreReason = $"Redis failed: {error.GetType().Name}";
                if (stop.IsCancellationRequested)
                {
                    // Stopping while Redis is away: the batch in flight either applied or never will after
                    // another commit (the WATCH on the batch number), and the next start restores either way.
                    break;
                }

                await WaitOutAsync(error, stop);
            }
        }

        if (denOptions.OnShutdown != OnShutdownAction.Cancel)
        {
            return StopOutcome.Stopped;
        }

        return owned
            ? await CancelActiveOnShutdownAsync(committer, restoreReason)
            : StoppedWithoutCancellations("this process never took the station's state (Redis was away)");
    }

    void IDenRecordSink.Emit(in DenRecord record)
    {
        try
        {
            var (withoutJer, withJer) = recordFields.Build(record, anyJerOutput);
            foreach (var output in options.Outputs)
            {
                batch.Append(output.Name, output.Jer ? withJer! : withoutJer, output.MaxLength);
            }
        }
        finally
        {
            record.Uper.Return();
        }
    }

    void IDenStateStore.Apply(DenStateBatch changes)
    {
        foreach (var key in changes.Removals)
        {
            batch.DeleteHashField(TableKey(key.Table), DenStateEntryCodec.FieldName(key.ActionId));
        }

        foreach (var entry in changes.Upserts)
        {
            batch.SetHashField(TableKey(entry.Table), DenStateEntryCodec.FieldName(entry.ActionId), DenStateEntryCodec.Encode(entry));
        }

        batch.SequenceCounter = changes.NextSequenceNumber;
    }

    public void Dispose() => recordFields.Dispose();

    /// <summary>The read/commit loop; returns the reason to restore when a commit did not apply.</summary>
    private async Task<string?> ProcessUntilFailureAsync(
        IDatabase database, BatchCommitter committer, InputReader[] readers, CancellationToken stop)
    {
        var idleDelay = MinIdleDelay;
        var nextOwnershipCheck = time.GetUtcNow() + OwnershipCheckInterval;
        while (!stop.IsCancellationRequested)
        {
            Heartbeat?.Invoke();
            ReportCountersIfDue();
            var busy = false;
            service!.Advance();
            if (await CommitAsync(committer) == CommitOutcome.NotApplied)
            {
                return "a timer batch did not apply";
            }

            foreach (var reader in readers)
            {
                var entries = await reader.ReadAsync(database);
                if (entries.Length == 0)
                {
                    continue;
                }

                busy = true;
                foreach (var entry in entries)
                {
                    ProcessEntry(reader.Input, entry);
                }

                if (await CommitAsync(committer) == CommitOutcome.NotApplied)
                {
                    return $"a batch of {entries.Length} entries of '{reader.Input.Name}' did not apply";
                }
            }

            if (busy)
            {
                idleDelay = MinIdleDelay;
                continue;
            }

            if (time.GetUtcNow() >= nextOwnershipCheck)
            {
                await committer.ThrowIfReplacedAsync();
                nextOwnershipCheck = time.GetUtcNow() + OwnershipCheckInterval;
            }

            try
            {
                await Task.Delay(idleDelay, time, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }

            idleDelay = idleDelay * 2 > MaxIdleDelay ? MaxIdleDelay : idleDelay * 2;
        }

        return null;
    }

    /// <summary>Flushes the service's state changes into the batch and commits it; an empty batch is a no-op.</summary>
    private async Task<CommitOutcome> CommitAsync(BatchCommitter committer)
    {
        service!.FlushState();
        if (batch.IsEmpty)
        {
            return CommitOutcome.Committed;
        }

        try
        {
            var outcome = await committer.CommitAsync(batch);
            if (outcome == CommitOutcome.Committed)
            {
                CountCommitted();
            }

            return outcome;
        }
        finally
        {
            batch.Clear();
            deadLettersInBatch = 0;
        }
    }

    /// <summary>
    /// den.onShutdown = cancel: cancels every active DENM and removes our originating entries, committed in
    /// one last fenced batch within <c>timeout</c>. A service that is not current (a commit failed since the
    /// last restore) is restored first, in the same time budget. When Redis does not answer in time, nothing
    /// is known to be sent, and the state still holds the entries for the next start; a commit still in
    /// flight then applies whole or not at all, like any batch.
    /// </summary>
    private async Task<StopOutcome> CancelActiveOnShutdownAsync(BatchCommitter committer, string? staleReason)
    {
        try
        {
            return await CommitShutdownCancellationsAsync(committer, staleReason).WaitAsync(options.Timeout);
        }
        catch (TimeoutException)
        {
            return StoppedWithoutCancellations(
                $"Redis did not confirm them within timeout {options.Timeout.TotalSeconds:0.###} s; a commit still in flight applies all or none of them");
        }
        catch (Exception error) when (RedisConnector.IsTransient(error))
        {
            return StoppedWithoutCancellations($"Redis failed: {error.Message}");
        }
    }

    private async Task<StopOutcome> CommitShutdownCancellationsAsync(BatchCommitter committer, string? staleReason)
    {
        if (staleReason is not null)
        {
            RebuildService(await committer.RestoreAsync($"{staleReason}; restoring before the shutdown cancellations"));
        }

        var cancellation = service!.CancelAllOnShutdown();
        if (await CommitAsync(committer) == CommitOutcome.NotApplied)
        {
            return StoppedWithoutCancellations("the batch of cancellations did not apply (the batch number in Redis moved)");
        }

        RedisLog.ShutdownCancellationsCommitted(logger, cancellation.Cancelled, cancellation.Removed, committer.LastBatch);
        return cancellation.Kept == 0 ? StopOutcome.Stopped : StopOutcome.CancellationsNotSent;
    }

    private StopOutcome StoppedWithoutCancellations(string reason)
    {
        if (denOptions.OnShutdown != OnShutdownAction.Cancel)
        {
            return StopOutcome.Stopped;
        }

        RedisLog.ShutdownCancellationsNotSent(logger, reason, keys.Prefix);
        return StopOutcome.CancellationsNotSent;
    }

    /// <summary>A batch committed: its effects count (a batch that did not apply is processed again after a restore).</summary>
    private void CountCommitted()
    {
        var current = service!.Counters;
        committedCounters = new DenCounters
        {
            EventsIn = countersBeforeRestore.EventsIn + current.EventsIn,
            NewOut = countersBeforeRestore.NewOut + current.NewOut,
            UpdateOut = countersBeforeRestore.UpdateOut + current.UpdateOut,
            RepeatOut = countersBeforeRestore.RepeatOut + current.RepeatOut,
            CancelOut = countersBeforeRestore.CancelOut + current.CancelOut,
            NegateOut = countersBeforeRestore.NegateOut + current.NegateOut,
            ExpireCancelOut = countersBeforeRestore.ExpireCancelOut + current.ExpireCancelOut,
            Coalesced = countersBeforeRestore.Coalesced + current.Coalesced,
            Outdated = countersBeforeRestore.Outdated + current.Outdated,
            Rejected = countersBeforeRestore.Rejected + current.Rejected,
            ReceivedIn = countersBeforeRestore.ReceivedIn + current.ReceivedIn,
            ReceivedDiscarded = countersBeforeRestore.ReceivedDiscarded + current.ReceivedDiscarded,
            ActiveEntries = current.ActiveEntries,
            OriginatingEntries = current.OriginatingEntries,
            ReceivingEntries = current.ReceivingEntries,
        };
        committedDeadLetters += deadLettersInBatch;
    }

    private void ReportCountersIfDue()
    {
        if (countersReport is null || time.GetTimestamp() < nextCountersReport)
        {
            return;
        }

        nextCountersReport = time.GetTimestamp() + countersIntervalTimestamps;
        countersReport(new RedisCounters(committedCounters, committedDeadLetters));
    }

    private void ProcessEntry(RedisInput input, StreamEntry entry)
    {
        batch.Acknowledge(input, entry.Id);
        var error = CheckEntry(input, entry, out var payload);
        if (error is null)
        {
            var source = Source(input, entry.Id);
            error = input.Kind == RedisInputKind.Events
                ? handler.Apply(service!, payload, source)
                : Rejection(service!.Receive(payload, source));
        }

        if (error is not null)
        {
            DeadLetter(input, entry, error);
        }
    }

    /// <summary>Checks size and the kind's field; null when the entry can be processed.</summary>
    private string? CheckEntry(RedisInput input, StreamEntry entry, out byte[] payload)
    {
        payload = [];
        var size = EntrySize(entry);
        if (size > options.MaxEntryBytes)
        {
            return $"entry: {size} bytes is more than maxEntryBytes {options.MaxEntryBytes}";
        }

        var fieldName = input.Kind == RedisInputKind.Events ? "event" : "uper";
        var value = entry[fieldName];
        if (value.IsNull)
        {
            var present = entry.Values.Length == 0 ? "none (the entry was deleted from the stream)" : string.Join(", ", entry.Values.Select(pair => pair.Name));
            return $"{fieldName}: missing field (a {(input.Kind == RedisInputKind.Events ? "events" : "receivedDenm")} entry needs it; fields present: {present})";
        }

        payload = (byte[])value!;
        return null;
    }

    private static string? Rejection(DenResult result) => result.IsRejected ? result.Reason ?? "uper: rejected" : null;

    private void DeadLetter(RedisInput input, StreamEntry entry, string error)
    {
        RedisLog.EntryDeadLettered(logger, input.Name, entry.Id.ToString(), error);
        deadLettersInBatch++;
        var oversize = EntrySize(entry) > options.MaxEntryBytes;
        var fields = new NameValueEntry[3 + entry.Values.Length];
        fields[0] = new("stream", input.Name);
        fields[1] = new("id", entry.Id);
        fields[2] = new("error", error);
        for (var index = 0; index < entry.Values.Length; index++)
        {
            var original = entry.Values[index];
            fields[3 + index] = oversize ? new(original.Name, Prefix(original.Value)) : original;
        }

        batch.Append(options.DeadLetter, fields, options.DeadLetterMaxLength);
    }

    private static RedisValue Prefix(RedisValue value)
    {
        var bytes = (byte[])value!;
        return bytes.Length <= DeadLetterValuePrefixBytes ? bytes : bytes.AsSpan(0, DeadLetterValuePrefixBytes).ToArray();
    }

    private static long EntrySize(StreamEntry entry)
    {
        long size = 0;
        foreach (var pair in entry.Values)
        {
            size += pair.Name.Length() + pair.Value.Length();
        }

        return size;
    }

    /// <summary>The record source "&lt;stream&gt;/&lt;ms&gt;-&lt;seq&gt;" of an entry ID.</summary>
    private static RecordSource Source(RedisInput input, RedisValue id)
    {
        var text = (string)id!;
        var dash = text.IndexOf('-');
        return RecordSource.StreamEntry(
            input.Name,
            ulong.Parse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture),
            ulong.Parse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private void RebuildService(StateSnapshot snapshot)
    {
        batch.Clear();
        var entries = new List<DenStateEntry>(snapshot.Originating.Length + snapshot.Receiving.Length);
        foreach (var stored in snapshot.Originating.Concat(snapshot.Receiving))
        {
            try
            {
                entries.Add(DenStateEntryCodec.Decode((byte[])stored.Value!));
            }
            catch (FormatException error)
            {
                RedisLog.StateEntrySkipped(logger, stored.Name.ToString(), error.Message);
            }
        }

        countersBeforeRestore = committedCounters;
        service = new DenService(denOptions, time, this, this, loggerFactory.CreateLogger<DenService>());
        service.Restore(new DenStateSnapshot { NextSequenceNumber = (int)snapshot.Sequence, Entries = entries });
    }

    private async Task WaitOutAsync(Exception error, CancellationToken stop)
    {
        try
        {
            await connector.WaitBeforeRetryAsync(error, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping while Redis is away: nothing is in flight that could still commit under our epoch
            // except a late EXEC, which the WATCH on the batch number keeps harmless.
        }
    }

    private void ThrowIfClusterRuleBroken(ConnectionMultiplexer connection)
    {
        if (!connection.GetServers().Any(server => server.ServerType == ServerType.Cluster))
        {
            return;
        }

        List<string> allKeys = [.. options.Inputs.Select(input => input.Name), .. options.Outputs.Select(output => output.Name),
            options.DeadLetter, .. keys.All.Select(key => key.ToString())];
        if (ClusterHashSlots.CheckOneSlot(allKeys) is { } error)
        {
            throw new RedisMisconfigurationException(error, isClusterRule: true);
        }
    }

    private RedisKey TableKey(DenTable table) => table == DenTable.Originating ? keys.Originating : keys.Receiving;
}
