using BenchmarkDotNet.Attributes;
using StepProducer.Benchmarks.Shared;
using StepProducer.Host.Input;

namespace StepProducer.Benchmarks;

/// <summary>
/// Parsing a station-collisions CloudEvent from UTF-8 bytes into the reused DEN service requests
/// (Host InputLineParser, the parser of both transports): one collision, and the 256 of a full batch.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly InputLineParser _parser = new();
    private byte[] _oneCollision = [];
    private byte[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        var events = new StationCollisionEvents();
        var now = DateTimeOffset.UtcNow;
        _oneCollision = events.Write(1, now, PipelineFixture.EventKeys(1)).ToArray();
        _batch = events.Write(2, now, PipelineFixture.EventKeys(HotLoopBenchmarks.CollisionsPerBatch)).ToArray();
    }

    [Benchmark]
    public int ParseOneCollision()
    {
        _parser.Parse(_oneCollision);
        return _parser.CollisionCount;
    }

    [Benchmark]
    public int Parse256Collisions()
    {
        _parser.Parse(_batch);
        return _parser.CollisionCount;
    }
}
