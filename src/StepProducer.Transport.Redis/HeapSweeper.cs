namespace StepProducer.Transport.Redis;

/// <summary>
/// Runs a full blocking collection (compacting only where the GC sees fragmentation) after every
/// <see cref="Gen0CollectionsPerSweep"/> collections of generation 0, unless the GC ran a full one itself in the
/// meantime.
/// </summary>
/// <remarks>
/// Measured at 1,000 events/s (bench/README.md, "Where the RSS growth and the latency tail at 1,000 events/s come
/// from"): each event costs about 12 KB of short-lived StackExchange.Redis objects (the blocking read, WATCH and its
/// GETs, MULTI/EXEC), and each gen0 collection promotes the ones in flight. Left to its own budgets, the GC then
/// collected gen1 only with gen2: the dead objects there kept the young ones they point to alive, and the older
/// generations grew by up to 0.5 MB/s until a full collection every 20–40 s. That was the RSS growth over a run,
/// and gen0 pauses grew with gen1 (1.5 ms with 2 MB in it, 5–9 ms with 10 MB), which was the rising p99. No GC
/// setting compiled into the Native AOT binary bounded it (gen1 budget, heap hard limit: same section).
/// <para>
/// The sweep variants measured there: gen1 only did not stop the growth (survivors went on to gen2); compacting
/// full collections did, but twice showed a 0.5 s stall; a time limit between sweeps let RSS reach 42 MiB at
/// 10,000 events/s. Sweeping is part of the Redis transport only: the stdin/stdout mode has no client garbage of
/// this kind (22 MB at 10,000 lines/s).
/// </para>
/// </remarks>
internal sealed class HeapSweeper
{
    /// <summary>
    /// With the binary's 2 MiB gen0 budget (Host csproj, GCGen0MaxBudget) this is a full collection per 64 MiB
    /// allocated: about every 5 s at 1,000 events/s and every 2–3 s at 10,000 events/s (the batches are larger
    /// there, so each event allocates less), each over a live heap of about 9 MB.
    /// </summary>
    private const int Gen0CollectionsPerSweep = 32;

    private int _gen0CollectionsAtIntervalStart;
    private int _gen2CollectionsAtIntervalStart;

    /// <summary>The first interval starts now.</summary>
    public HeapSweeper()
        : this(GC.CollectionCount(0), GC.CollectionCount(2))
    {
    }

    /// <summary>The first interval starts at these collection counts.</summary>
    internal HeapSweeper(int gen0Collections, int gen2Collections) => StartInterval(gen0Collections, gen2Collections);

    /// <summary>Called between batches, where the pause holds up no commit in flight.</summary>
    public void SweepIfDue()
    {
        if (!IsDue(GC.CollectionCount(0), GC.CollectionCount(2)))
        {
            return;
        }

        // compacting: false does not force a compaction; the GC then compacts only when fragmentation calls for it
        // (seen in a test run: some sweeps compacted). A forced compaction every time showed 0.5 s stalls (remarks).
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        StartInterval(GC.CollectionCount(0), GC.CollectionCount(2));
    }

    /// <summary>
    /// The policy, over the process's collection counts so far: a sweep is due after
    /// <see cref="Gen0CollectionsPerSweep"/> gen0 collections since the interval started. A full collection the GC
    /// ran itself in the meantime starts a new interval instead.
    /// </summary>
    internal bool IsDue(int gen0Collections, int gen2Collections)
    {
        if (gen2Collections != _gen2CollectionsAtIntervalStart)
        {
            StartInterval(gen0Collections, gen2Collections);
            return false;
        }

        return gen0Collections - _gen0CollectionsAtIntervalStart >= Gen0CollectionsPerSweep;
    }

    private void StartInterval(int gen0Collections, int gen2Collections)
    {
        _gen0CollectionsAtIntervalStart = gen0Collections;
        _gen2CollectionsAtIntervalStart = gen2Collections;
    }
}
