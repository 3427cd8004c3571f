namespace StepProducer.Transport.Redis.Tests;

/// <summary>
/// The sweeper reads the process-wide collection counts, so these tests run alone: a collection another test
/// caused in between would change what they count.
/// </summary>
[CollectionDefinition(nameof(HeapSweeperTests), DisableParallelization = true)]
[Collection(nameof(HeapSweeperTests))]
public sealed class HeapSweeperTests
{
    /// <summary>The sweeper's interval (HeapSweeper.Gen0CollectionsPerSweep).</summary>
    private const int Gen0CollectionsPerSweep = 32;

    [Fact]
    public void SweepIfDue_AfterThirtyTwoGen0Collections_RunsOneFullCollection()
    {
        var sweeper = new HeapSweeper();
        for (var collection = 0; collection < Gen0CollectionsPerSweep - 1; collection++)
        {
            GC.Collect(0);
        }

        var fullCollections = GC.CollectionCount(2);
        sweeper.SweepIfDue();
        Assert.Equal(fullCollections, GC.CollectionCount(2));

        GC.Collect(0);
        sweeper.SweepIfDue();
        Assert.Equal(fullCollections + 1, GC.CollectionCount(2));

        // The interval starts again after the sweep.
        sweeper.SweepIfDue();
        Assert.Equal(fullCollections + 1, GC.CollectionCount(2));
    }

    [Fact]
    public void SweepIfDue_AfterAFullCollectionOfTheGc_CountsTheIntervalFromThere()
    {
        var sweeper = new HeapSweeper();
        GC.Collect(2);
        for (var collection = 0; collection < Gen0CollectionsPerSweep; collection++)
        {
            GC.Collect(0);
        }

        var fullCollections = GC.CollectionCount(2);
        sweeper.SweepIfDue();
        Assert.Equal(fullCollections, GC.CollectionCount(2));
    }
}
