using System.Buffers.Text;
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
    /// The idle wait when the inputs do not share one group, so one blocking XREADGROUP cannot cover them all:
    /// the others are polled after at most 4 ms, which keeps the issue's p99 input-to-output target of 5 ms.
    /// </summary>
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
    private readonly HeapSweeper heapSweeper = new();
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

    /// <summary>
    /// The longest gap between two <see cref="Heartbeat"/>s that the subscriber can afford (the watchdog's ping
    /// period), or null for none. An idle round then blocks for at most half of it, so a ping is never late.
    /// </summary>
    public TimeSpan? MaxHeartbeatGap { get; set; }

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
        await using var readConnection = await connector.ConnectAsync(stop, RedisConnectionRole.Reads);
        var database = connection.GetDatabase(options.Database);
        var readDatabase = readConnection.GetDatabase(options.Database);
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
                restoreReason = await ProcessUntilFailureAsync(readDatabase, committer, readers, stop);
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
            var (withoutJer, withJer) = recordFields.Build(record, anyJerOutput, batch.Arena);
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
            batch.DeleteHashField(TableKey(key.Table), DenStateEntryCodec.FieldName(key.ActionId, batch.Arena));
        }

        foreach (var entry in changes.Upserts)
        {
            var field = DenStateEntryCodec.FieldName(entry.ActionId, batch.Arena);
            var value = batch.Arena.Take(DenStateEntryCodec.EncodedLength(entry));
            DenStateEntryCodec.Encode(entry, value.Span);
            batch.SetHashField(TableKey(entry.Table), field, batch.Arena.Commit(value, value.Length));
        }

        batch.SequenceCounter = changes.NextSequenceNumber;
    }

    public void Dispose() => recordFields.Dispose();

    /// <summary>
    /// The read/commit loop; returns the reason to restore when a commit did not apply.
    /// <para>
    /// Reads run on their own connection (<paramref name="readDatabase"/>); ownership, commits and restores
    /// stay on the commit connection. Why that is safe: a read only moves entries into this consumer's pending
    /// list (XREADGROUP &gt;, XAUTOCLAIM); it changes neither the DEN state nor an output, and nothing is
    /// acknowledged except inside a commit, which is fenced by the WATCH on the epoch and the batch number on
    /// the commit connection. Entries read but not committed stay pending: after a failed or unknown commit,
    /// or a lost connection, the restore runs on the commit connection (after any late EXEC there), and only
    /// then are the readers restarted from their own pending entries (XREADGROUP 0), which includes every
    /// entry a read returned that was never committed. A fenced process commits nothing, whatever it read;
    /// its pending entries go to the replacement through XAUTOCLAIM, as they would without a second connection.
    /// </para>
    /// <para>
    /// Overlap: once a batch of entries is processed, the next read of that input is sent before the batch
    /// commits (when one is due: <see cref="InputReader.ReadDue"/>), so the read's round trip hides behind the
    /// commit's. Its entries are processed only after the commit returned <see cref="CommitOutcome.Committed"/>,
    /// so the in-memory tables never run ahead of Redis; when the commit did not apply or threw, the read is
    /// abandoned (its entries are pending and read again after the restore, and
    /// <see cref="InputReader.RestartFromOwnPending"/> keeps its late reply from moving the cursors).
    /// </para>
    /// <para>
    /// Idle: when a round finds no entry, one blocking XREADGROUP waits on every input for up to
    /// <see cref="IdleBlock"/>, so an entry is picked up the moment it arrives and an idle producer sends one
    /// command per block instead of polling. An input whose last read returned less than a full batch is not
    /// polled again before that wait: the wait covers its new entries.
    /// </para>
    /// </summary>
    private async Task<string?> ProcessUntilFailureAsync(
        IDatabase readDatabase, BatchCommitter committer, InputReader[] readers, CancellationToken stop)
    {
        var reads = new Task<StreamEntry[]>?[readers.Length];
        var nextOwnershipCheck = time.GetUtcNow() + OwnershipCheckInterval;
        var blockingReaders = readers.Where(reader => reader.Input.Group == readers[0].Input.Group).ToArray();
        var coveredByWait = readers.Select(reader => blockingReaders.Contains(reader)).ToArray();
        while (!stop.IsCancellationRequested)
        {
            Heartbeat?.Invoke();
            ReportCountersIfDue();
            heapSweeper.SweepIfDue();
            var busy = false;
            service!.Advance();
            if (await CommitAsync(committer) == CommitOutcome.NotApplied)
            {
                return "a timer batch did not apply";
            }

            for (var index = 0; index < readers.Length; index++)
            {
                var reader = readers[index];
                if (reads[index] is null && !reader.ReadDue && coveredByWait[index])
                {
                    continue;
                }

                var entries = await (reads[index] ?? reader.ReadAsync(readDatabase));
                reads[index] = null;
                if (entries.Length == 0)
                {
                    continue;
                }

                busy = true;
                foreach (var entry in entries)
                {
                    ProcessEntry(reader.Input, entry);
                }

                if (reader.ReadDue)
                {
                    reads[index] = reader.ReadAsync(readDatabase);
                }

                if (await CommitAsync(committer) == CommitOutcome.NotApplied)
                {
                    return $"a batch of {entries.Length} entries of '{reader.Input.Name}' did not apply";
                }
            }

            if (busy)
            {
                continue;
            }

            if (time.GetUtcNow() >= nextOwnershipCheck)
            {
                await committer.ThrowIfReplacedAsync();
                nextOwnershipCheck = time.GetUtcNow() + OwnershipCheckInterval;
            }

            StreamEntry[][] arrived;
            try
            {
                arrived = await InputReader.WaitForNewEntriesAsync(
                    readDatabase, blockingReaders, options, IdleBlock(blockingReaders.Length == readers.Length)).WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // What the wait still returns stays pending for the next start (XREADGROUP 0).
                return null;
            }

            for (var index = 0; index < readers.Length; index++)
            {
                var waited = Array.IndexOf(blockingReaders, readers[index]);
                if (waited >= 0 && arrived[waited].Length > 0)
                {
                    reads[index] = Task.FromResult(arrived[waited]);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// How long an idle round waits for new entries. Timers (repetitions, expiries) run on the loop, so while
    /// the service holds entries the wait is one timer tick (<c>den.cleanupIntervalMs</c>, the timers' own
    /// resolution); with no entry there is no timer, and the wait is <see cref="OwnershipCheckInterval"/>.
    /// Never more than half of <c>timeout</c>, so the blocked read never reaches its command timeout, nor more
    /// than half of <see cref="MaxHeartbeatGap"/>, so the watchdog's pings stay on time. When some
    /// input has another group than the first, the wait does not cover it, and the wait is
    /// <see cref="MaxIdleDelay"/> so that input is polled as often as before the blocking reads.
    /// </summary>
    private TimeSpan IdleBlock(bool coversEveryInput)
    {
        if (!coversEveryInput)
        {
            return MaxIdleDelay;
        }

        var counters = service!.Counters;
        var wait = counters.OriginatingEntries + counters.ReceivingEntries > 0
            ? TimeSpan.FromMilliseconds(denOptions.CleanupIntervalMs)
            : OwnershipCheckInterval;
        wait = wait < options.Timeout / 2 ? wait : options.Timeout / 2;
        return MaxHeartbeatGap is { } gap && gap / 2 < wait ? gap / 2 : wait;
    }

    /// <summary>Flushes the service's state changes into the batch and commits it; an empty batch is a no-op.</summary>
    private async Task<CommitOutcome> CommitAsync(BatchCommitter committer)
    {
        service!.FlushState();
        if (batch.IsEmpty)
        {
            return CommitOutcome.Committed;
        }

        var returned = false;
        try
        {
            var outcome = await committer.CommitAsync(batch);
            returned = true;
            if (outcome == CommitOutcome.Committed)
            {
                CountCommitted();
            }

            return outcome;
        }
        finally
        {
            batch.Clear(commitReturned: returned);
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
        committedCounters = service!.Counters.ContinuedFrom(countersBeforeRestore);
        committedDeadLetters += deadLettersInBatch;
    }

    private void ReportCountersIfDue()
    {
        var now = time.GetTimestamp();
        if (countersReport is null || now < nextCountersReport)
        {
            return;
        }

        nextCountersReport = now + countersIntervalTimestamps;
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

    /// <summary>
    /// The record source "&lt;stream&gt;/&lt;ms&gt;-&lt;seq&gt;" of an entry ID, read from the ID's bytes as the reply
    /// holds them (no string per entry). Redis stream IDs are two 64-bit decimal numbers joined by '-'.
    /// </summary>
    private static RecordSource Source(RedisInput input, RedisValue id)
    {
        var text = ((ReadOnlyMemory<byte>)id).Span;
        var dash = text.IndexOf((byte)'-');
        if (dash < 0
            || !Utf8Parser.TryParse(text[..dash], out ulong milliseconds, out var millisecondsLength) || millisecondsLength != dash
            || !Utf8Parser.TryParse(text[(dash + 1)..], out ulong sequence, out var sequenceLength) || sequenceLength != text.Length - dash - 1)
        {
            throw new FormatException($"stream entry ID '{id}' of '{input.Name}' is not <ms>-<seq>");
        }

        return RecordSource.StreamEntry(input.Name, milliseconds, sequence);
    }

    private void RebuildService(StateSnapshot snapshot)
    {
        // What the batch held was never committed; its memory may still back a commit that threw.
        batch.Clear(commitReturned: false);
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
