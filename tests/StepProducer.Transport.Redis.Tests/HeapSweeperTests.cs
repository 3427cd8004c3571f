namespace StepProducer.Transport.Redis.Tests;

public sealed class HeapSweeperTests
{
    /// <summary>The sweeper's interval (HeapSweeper.Gen0CollectionsPerSweep).</summary>
    private const int Gen0CollectionsPerSweep = 32;

    /// <summary>Arbitrary process counts at the start: the policy only looks at what was added since.</summary>
    private const int Gen0AtStart = 1_000;
    private const int Gen2AtStart = 40;

    [Fact]
    public void IsDue_AfterThirtyTwoGen0Collections_AndNotBefore()
    {
        var sweeper = new HeapSweeper(Gen0AtStart, Gen2AtStart);

        Assert.False(sweeper.IsDue(Gen0AtStart + Gen0CollectionsPerSweep - 1, Gen2AtStart));
        Assert.True(sweeper.IsDue(Gen0AtStart + Gen0CollectionsPerSweep, Gen2AtStart));
    }

    [Fact]
    public void IsDue_AfterAFullCollectionOfTheGc_CountsTheIntervalFromThere()
    {
        var sweeper = new HeapSweeper(Gen0AtStart, Gen2AtStart);
        var gen0AtTheGcsFullCollection = Gen0AtStart + 20;

        Assert.False(sweeper.IsDue(gen0AtTheGcsFullCollection, Gen2AtStart + 1));
        Assert.False(sweeper.IsDue(gen0AtTheGcsFullCollection + Gen0CollectionsPerSweep - 1, Gen2AtStart + 1));
        Assert.True(sweeper.IsDue(gen0AtTheGcsFullCollection + Gen0CollectionsPerSweep, Gen2AtStart + 1));
    }

    /// <summary>
    /// The real collection: once due, SweepIfDue runs one blocking full collection, and the next
    /// interval starts after it. Other tests' threads allocate too, and a full collection the GC runs itself in
    /// between restarts the interval (seen in a clean-clone run: a background gen2 collection), so an attempt
    /// whose counts moved under it is run again (bounded).
    /// </summary>
    [Fact]
    public void SweepIfDue_WhenDue_RunsOneBlockingFullCollection()
    {
        const int attempts = 5;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var sweeper = new HeapSweeper();
            var gen2AtStart = GC.CollectionCount(2);
            for (var collection = 0; collection < Gen0CollectionsPerSweep; collection++)
            {
                GC.Collect(0);
            }

            var lastFullBlockingBefore = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
            sweeper.SweepIfDue();
            var sweep = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var gen2AfterSweep = GC.CollectionCount(2);
            sweeper.SweepIfDue();
            var gen2AfterSecondCall = GC.CollectionCount(2);

            // A background collection the GC started itself also counts as a gen2 one: only a new full blocking
            // collection is the sweep's.
            var sweptOnce = gen2AfterSweep == gen2AtStart + 1 && sweep.Index > lastFullBlockingBefore;
            if (sweptOnce && gen2AfterSecondCall == gen2AfterSweep)
            {
                Assert.Equal(2, sweep.Generation);
                return;
            }

            Assert.True(attempt < attempts, $"no attempt of {attempts} saw exactly one full collection from the sweep (last: {gen2AtStart} -> {gen2AfterSweep} -> {gen2AfterSecondCall})");
        }
    }
}
