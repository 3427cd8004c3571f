using System.Text.Json;
using StepProducer.Benchmarks;
using StepProducer.Benchmarks.Shared;

namespace StepProducer.Bench.Tests;

/// <summary>The benchmarked path does the work it claims: a zero-allocation figure of a path that emits nothing would be worthless.</summary>
public sealed class HotLoopTests
{
    [Fact]
    public void PipelineFixture_Batch256TwiceAsJsonLines_EmitsOneUpdateRecordPerCollision()
    {
        using var pipeline = new PipelineFixture(OutputRecordFormat.JsonLine, HotLoopBenchmarks.CollisionsPerBatch);
        var batch = new StationCollisionEvents()
            .Write(1, DateTimeOffset.UtcNow, PipelineFixture.EventKeys(HotLoopBenchmarks.CollisionsPerBatch)).ToArray();

        pipeline.Apply(batch);
        pipeline.Apply(batch);

        Assert.Equal(2 * HotLoopBenchmarks.CollisionsPerBatch, pipeline.RecordsOut);
        var counters = pipeline.Service.Counters;
        Assert.Equal(HotLoopBenchmarks.CollisionsPerBatch, counters.NewOut);
        Assert.Equal(HotLoopBenchmarks.CollisionsPerBatch, counters.UpdateOut);
        using var lastRecord = JsonDocument.Parse(pipeline.LastJsonLine.ToArray());
        Assert.Equal("update", lastRecord.RootElement.GetProperty("kind").GetString());
        Assert.Equal($"{PipelineFixture.InputStream}/1700000000000-2", lastRecord.RootElement.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Object, lastRecord.RootElement.GetProperty("jer").ValueKind);
    }

    [Fact]
    public void PipelineFixture_RejectedInput_ThrowsWithTheFieldPath()
    {
        using var pipeline = new PipelineFixture(OutputRecordFormat.RedisFields, maxActiveEvents: 4);

        var error = Assert.Throws<InvalidOperationException>(() => pipeline.Apply("{\"specversion\":\"0.3\"}"u8));

        Assert.Contains("specversion", error.Message);
        Assert.Equal(0, pipeline.RecordsOut);
    }
}
