using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StepProducer.Den;

/// <summary>
/// The DEN basic service (EN 302 637-3 v1.3.1 clause 8; TS 103 831 v2.2.1) for predicted collisions: the
/// originating and receiving tables, ActionID allocation, validity expiry, repetition and coalescing.
/// <para>
/// Single-threaded: one loop owns the instance and calls every method, including <see cref="Advance"/>
/// every den.cleanupIntervalMs. It does no I/O: DENMs go to the <see cref="IDenRecordSink"/>, durable
/// changes to the <see cref="IDenStateStore"/> on <see cref="FlushState"/>. Timers run on the
/// <see cref="TimeProvider"/>'s monotonic timestamp; DENM times come from its wall clock.
/// </para>
/// </summary>
public sealed partial class DenService
{
    private const long MillisecondsPerSecond = 1000;

    /// <summary>Timer payloads at or above 0 are originating slots; receiving slots are stored as ~slot.</summary>
    private const int FirstOriginatingPayload = 0;

    /// <summary>Room for this many received events before the receiving table first grows.</summary>
    private const int InitialReceivingCapacity = 1024;

    private readonly DenOptions _options;
    private readonly IDenRecordSink _sink;
    private readonly IDenStateStore? _stateStore;
    private readonly ILogger _logger;
    private readonly DenClock _clock;
    private readonly DenmBuilder _builder;
    private readonly OriginatingTable _originating;
    private readonly ReceivingTable _receiving;
    private readonly TimerWheel<int> _timers;
    private readonly DenStateBatch _batch = new();
    private readonly StateChanges _changes;
    private int _nextSequenceNumber;

    private long _eventsIn;
    private long _coalesced;
    private long _outdated;
    private long _rejected;
    private long _receivedIn;
    private long _receivedDiscarded;
    private readonly long[] _emittedByKind = new long[(int)DenRecordKind.ExpireCancel + 1];

    /// <param name="options">The den config section; invalid options throw <see cref="ArgumentException"/>.</param>
    /// <param name="timeProvider">Clock for timers (monotonic timestamp) and DENM times (wall clock).</param>
    /// <param name="sink">Receives every emitted DENM.</param>
    /// <param name="stateStore">Durable state; null keeps the state in memory only.</param>
    /// <param name="logger">Null logs nothing.</param>
    public DenService(DenOptions options, TimeProvider timeProvider, IDenRecordSink sink, IDenStateStore? stateStore = null, ILogger<DenService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(sink);
        options.ThrowIfInvalid();
        _options = options;
        _sink = sink;
        _stateStore = stateStore;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _clock = new DenClock(timeProvider, options.LeapSeconds, options.CleanupIntervalMs);
        _builder = new DenmBuilder(options);

        // Sized for maxActiveEvents up front so the steady state never grows an array; CANCELLED and NEGATED
        // entries beyond that grow the table by doubling.
        _originating = new OriginatingTable(options.MaxActiveEvents);

        // Received events are not bounded by maxActiveEvents; their table starts small and doubles as needed.
        _receiving = new ReceivingTable(InitialReceivingCapacity);

        // One timer per entry of either table.
        _timers = new TimerWheel<int>(options.MaxActiveEvents + InitialReceivingCapacity, startTick: 0);
        _changes = new StateChanges(stateStore is not null);
    }

    public DenOptions Options => _options;

    /// <summary>Entries in the originating table in any state; the stdin mode waits until this is 0 at end of input.</summary>
    public int OriginatingEntryCount => _originating.Count;

    /// <summary>ACTIVE originating entries (at most den.maxActiveEvents).</summary>
    public int ActiveEventCount => _originating.ActiveCount;

    public int ReceivingEntryCount => _receiving.Count;

    /// <summary>The sequence number the next trigger tries first.</summary>
    public int NextSequenceNumber => _nextSequenceNumber;

    public DenCounters Counters => new()
    {
        EventsIn = _eventsIn,
        NewOut = _emittedByKind[(int)DenRecordKind.New],
        UpdateOut = _emittedByKind[(int)DenRecordKind.Update],
        RepeatOut = _emittedByKind[(int)DenRecordKind.Repeat],
        CancelOut = _emittedByKind[(int)DenRecordKind.Cancel],
        NegateOut = _emittedByKind[(int)DenRecordKind.Negate],
        ExpireCancelOut = _emittedByKind[(int)DenRecordKind.ExpireCancel],
        Coalesced = _coalesced,
        Outdated = _outdated,
        Rejected = _rejected,
        ReceivedIn = _receivedIn,
        ReceivedDiscarded = _receivedDiscarded,
        ActiveEntries = _originating.ActiveCount,
        OriginatingEntries = _originating.Count,
        ReceivingEntries = _receiving.Count,
    };

    /// <summary>
    /// Runs every timer due by now: repetitions, coalesced updates, silence cancellations and validity
    /// expiry, in due-time order. A late call (a stalled process) runs everything overdue at once.
    /// Returns the number of timers run.
    /// </summary>
    public int Advance()
    {
        var nowTimestamp = _clock.Timestamp();
        return RunDueTimers(nowTimestamp, _clock.NowIts());
    }

    /// <summary>
    /// How every request starts: reads the clocks and runs the timers due by now, so that it sees current
    /// tables whatever the owner's Advance cadence. False, with the rejection, when the wall clock lies
    /// outside TimestampIts and no DENM time can be set.
    /// </summary>
    private bool TryStartRequest(out long nowTimestamp, out long nowIts, out DenResult rejected)
    {
        nowTimestamp = _clock.Timestamp();
        if (!_clock.TryNowIts(out nowIts, out var wallClock))
        {
            rejected = RejectWallClock(wallClock);
            return false;
        }

        RunDueTimers(nowTimestamp, nowIts);
        rejected = default;
        return true;
    }

    /// <summary>
    /// A request's detectionTime as TimestampIts, <paramref name="nowIts"/> when it has none. Returns the
    /// rejection reason when the instant lies outside TimestampIts, else null.
    /// </summary>
    private string? ToDetectionTime(DateTimeOffset? detected, long nowIts, out long detectionTime)
    {
        detectionTime = nowIts;
        return detected is { } instant && !_clock.TryToIts(instant, out detectionTime)
            ? $"detectionTime: {instant:O} is outside TimestampIts (2004-01-01T00:00:00Z onwards)"
            : null;
    }

    /// <summary>Runs the due timers (see <see cref="TryStartRequest"/>).</summary>
    private int RunDueTimers(long nowTimestamp, long nowIts)
    {
        var nowTick = _clock.TickAt(nowTimestamp);
        var fired = 0;
        while (_timers.TryPopDue(nowTick, out var payload))
        {
            fired++;
            if (payload >= FirstOriginatingPayload)
            {
                OnOriginatingTimer(payload, nowTimestamp, nowIts, RecordSource.Timer);
            }
            else
            {
                OnReceivingTimer(~payload, nowTimestamp);
            }
        }

        return fired;
    }

    private void Emit(DenRecordKind kind, int slot, RecordSource source)
    {
        ref var entry = ref _originating[slot];
        _emittedByKind[(int)kind]++;
        var record = new DenRecord(
            kind,
            entry.ActionId,
            entry.Content.ReferenceTime,
            entry.Content.DetectionTime,
            DenmBytes.CopyOf(_originating.Denm(slot)),
            source,
            _options.Asn1,
            _options.Asn1 == Asn1Version.V1 ? _builder.ModelV1 : null,
            _options.Asn1 == Asn1Version.V2 ? _builder.ModelV2 : null);
        _sink.Emit(record);
    }

    private DenResult Reject(string reason)
    {
        _rejected++;
        return DenResult.Reject(reason);
    }

    private DenResult Reject(ActionId actionId, string reason)
    {
        _rejected++;
        return DenResult.Reject(actionId, reason);
    }

    private DenResult RejectWallClock(DateTimeOffset wallClock) =>
        Reject($"clock: the wall clock reads {wallClock:O}, outside TimestampIts (2004-01-01T00:00:00Z onwards); DENM times cannot be set");

    private DenResult Outdated(ActionId actionId)
    {
        _outdated++;
        return new DenResult(DenOutcome.Outdated, actionId);
    }

    private static long ValidityEndIts(long detectionTime, int validityDurationS) => detectionTime + (validityDurationS * MillisecondsPerSecond);
}
