using System.Buffers;
using BenchmarkDotNet.Attributes;
using StepProducer.Benchmarks.Shared;
using StepProducer.Den;
using StepProducer.Host.Stdio;
using StepProducer.Transport.Redis;

namespace StepProducer.Benchmarks;

/// <summary>
/// Building the output record of one emitted DENM (a new collision-risk event, DENM v2 by default, with its
/// JER mirror): the stdin/stdout JSON line and the Redis output entry's fields.
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks : IDenRecordSink
{
    private readonly ArrayBufferWriter<byte> _jsonLine = new(8 * 1024);
    private readonly RedisRecordFields _redisFields = new();
    private readonly BatchArena _redisArena = new();
    private RecordJsonWriter _jsonWriter = null!;
    private DenRecord _record;

    /// <summary>
    /// Emits one DENM from a real <see cref="DenService"/> and keeps the record. Its model stays valid
    /// because the service is not called again, and its UPER rental is kept for the whole run.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _jsonWriter = new RecordJsonWriter(_jsonLine);
        var service = new DenService(new DenOptions { StationId = 1 }, TimeProvider.System, this);
        var parser = new Host.Input.InputLineParser();
        parser.Parse(new StationCollisionEvents().Write(1, DateTimeOffset.UtcNow, PipelineFixture.EventKeys(1)));
        var result = service.ReportCollision(parser.Collisions[0], RecordSource.StreamEntry(PipelineFixture.InputStream, 1_700_000_000_000, 1));
        if (result.Outcome != DenOutcome.New)
        {
            throw new InvalidOperationException($"the benchmark DENM was not emitted: {result}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _record.Uper.Return();
        _redisFields.Dispose();
    }

    void IDenRecordSink.Emit(in DenRecord record) => _record = record;

    /// <summary>The stdin/stdout mode's JSON line (schemas/denm_record_v1_schema.json).</summary>
    [Benchmark]
    public int JsonLine()
    {
        _jsonLine.ResetWrittenCount();
        _jsonWriter.Write(_record);
        return _jsonLine.WrittenCount;
    }

    /// <summary>
    /// The Redis output entry's fields, in a batch arena that is reused after each record, as the producer
    /// reuses it after each commit.
    /// </summary>
    [Benchmark]
    public int RedisFields()
    {
        _redisArena.Reuse();
        return _redisFields.Build(_record, anyJer: true, _redisArena).WithJer!.Length;
    }
}
