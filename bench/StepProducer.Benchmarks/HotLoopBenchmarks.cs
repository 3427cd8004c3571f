using BenchmarkDotNet.Attributes;
using StepProducer.Benchmarks.Shared;

namespace StepProducer.Benchmarks;

/// <summary>
/// The whole in-process DENM path for a batch of 256 collisions: one station-collisions CloudEvent (UTF-8
/// bytes, as read from Redis or stdin) parsed, each collision applied to the DEN service (UPER encode
/// inside), and each emitted DENM's output record built with its JER mirror. One operation = 256 DENMs.
/// After the first operation every collision updates an ACTIVE event, which is the steady state of a
/// producer fed a stable set of predicted collisions.
/// </summary>
[MemoryDiagnoser]
public class HotLoopBenchmarks
{
    /// <summary>The batch: 256 collisions, also the most one CloudEvent may hold (input contract).</summary>
    public const int CollisionsPerBatch = 256;

    private PipelineFixture _jsonLine = null!;
    private PipelineFixture _redisFields = null!;
    private byte[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        _batch = new StationCollisionEvents().Write(1, DateTimeOffset.UtcNow, PipelineFixture.EventKeys(CollisionsPerBatch)).ToArray();
        _jsonLine = new PipelineFixture(OutputRecordFormat.JsonLine, CollisionsPerBatch);
        _redisFields = new PipelineFixture(OutputRecordFormat.RedisFields, CollisionsPerBatch);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _jsonLine.Dispose();
        _redisFields.Dispose();
    }

    /// <summary>256 collisions to 256 JSON-line records (stdin/stdout mode); the 0 B path.</summary>
    [Benchmark]
    public long Batch256ToJsonLines()
    {
        _jsonLine.Apply(_batch);
        return _jsonLine.RecordsOut;
    }

    /// <summary>
    /// 256 collisions to 256 Redis output entries' fields, in the batch arena (reused per batch, as the
    /// producer does after each commit); the 0 B path up to the Redis client's own messages.
    /// </summary>
    [Benchmark]
    public long Batch256ToRedisFields()
    {
        _redisFields.Apply(_batch);
        return _redisFields.RecordsOut;
    }
}
