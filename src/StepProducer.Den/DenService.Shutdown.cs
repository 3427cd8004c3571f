namespace StepProducer.Den;

/// <summary>What <see cref="DenService.CancelAllOnShutdown"/> did.</summary>
/// <param name="Cancelled">ACTIVE events that got a cancellation DENM and were removed.</param>
/// <param name="Removed">Originating entries removed in all, the cancelled ones included.</param>
/// <param name="Kept">ACTIVE events whose cancellation could not be built; they stay in the table and the state.</param>
public readonly record struct ShutdownCancellation(int Cancelled, int Removed, int Kept);

public sealed partial class DenService
{
    /// <summary>
    /// den.onShutdown = cancel, on a graceful stop. Runs the due timers first (an event whose validity just
    /// ended gets its expire-cancel), then terminates every ACTIVE originating event with a cancellation DENM
    /// (kind <c>cancel</c>, source <c>shutdown</c>; termination isCancellation, EN 302 637-3 v1.3.1 clause 8.2.2
    /// / AppDENM_termination) and removes every originating entry: CANCELLED and NEGATED entries sent their
    /// termination already, and no repetition or expiry of ours may follow once the process is gone. The
    /// receiving table stays: it describes other stations' events. The caller hands the records on and
    /// calls <see cref="FlushState"/>; the call is for the end of the run, after it only the flush follows.
    /// </summary>
    public ShutdownCancellation CancelAllOnShutdown()
    {
        var nowTimestamp = _clock.Timestamp();
        var nowIts = _clock.NowIts();
        RunDueTimers(nowTimestamp, nowIts);
        var cancelled = 0;
        var removed = 0;
        var kept = 0;
        for (var slot = OriginatingTable.FirstSlot; slot < _originating.SlotLimit; slot++)
        {
            ref var entry = ref _originating[slot];
            if (!entry.Live)
            {
                continue;
            }

            if (entry.State == DenEntryState.Active)
            {
                // Never before the event's own detectionTime, or receivers would drop the cancellation as outdated.
                var detectionTime = Math.Max(nowIts, entry.Content.DetectionTime);
                if (Cancel(slot, detectionTime, nowTimestamp, nowIts, RecordSource.Shutdown).Outcome != DenOutcome.Cancelled)
                {
                    kept++;
                    continue;
                }

                cancelled++;
            }

            RemoveOriginating(slot);
            removed++;
        }

        DenLog.CancelledOnShutdown(_logger, cancelled, removed, kept);
        return new ShutdownCancellation(cancelled, removed, kept);
    }
}
