using System.Buffers;
using StepProducer.Benchmarks.Shared;
using StepProducer.Den;
using StepProducer.Host.Redis;
using StepProducer.Host.Stdio;
using StepProducer.Transport.Redis;

namespace StepProducer.Benchmarks;

/// <summary>Which output record the fixture builds for each emitted DENM.</summary>
public enum OutputRecordFormat
{
    /// <summary>The stdin/stdout mode's JSON line with the JER mirror (Host RecordJsonWriter).</summary>
    JsonLine,

    /// <summary>The Redis output entry's fields with the JER mirror (Transport.Redis RedisRecordFields).</summary>
    RedisFields,
}

/// <summary>
/// The producer's in-process DENM path, built from the shipped pieces: the CloudEvent input handler of the
/// Redis mode (the same parser as stdin/stdout mode) applies each collision to a <see cref="DenService"/>,
/// and every emitted DENM is turned into its output record and its rented UPER bytes are returned, as the
/// transports do. Nothing leaves the process.
/// </summary>
public sealed class PipelineFixture : IDenRecordSink, IDisposable
{
    /// <summary>The input stream name in the records' source ("&lt;stream&gt;/&lt;ms&gt;-&lt;seq&gt;"), the config default.</summary>
    public const string InputStream = "step:events";

    /// <summary>The producer's StationID in the fixture (any valid StationID; 1 is the config placeholder).</summary>
    private const uint StationId = 1;

    private readonly CloudEventInputHandler _handler = new();
    private readonly ArrayBufferWriter<byte> _jsonLines = new(64 * 1024);
    private readonly RecordJsonWriter _jsonWriter;
    private readonly RedisRecordFields _redisFields = new();
    private readonly BatchArena _redisArena = new();
    private readonly OutputRecordFormat _format;
    private ulong _entrySequence;

    /// <param name="format">The output record built per DENM.</param>
    /// <param name="maxActiveEvents">den.maxActiveEvents: at least the number of event keys the input uses.</param>
    public PipelineFixture(OutputRecordFormat format, int maxActiveEvents)
    {
        _format = format;
        _jsonWriter = new RecordJsonWriter(_jsonLines);
        Service = new DenService(
            new DenOptions
            {
                StationId = StationId,
                // Every collision emits a DENM at once (no coalescing), and no event expires during a run,
                // so the measured work per collision is the same in every iteration.
                MinUpdateIntervalMs = 0,
                ValidityDurationS = DenOptions.MaxValidityS,
                MaxActiveEvents = maxActiveEvents,
            },
            TimeProvider.System,
            this);
    }

    public DenService Service { get; }

    /// <summary>DENMs emitted since the fixture was made.</summary>
    public long RecordsOut { get; private set; }

    /// <summary>The last record's JSON line (with <see cref="OutputRecordFormat.JsonLine"/>).</summary>
    public ReadOnlySpan<byte> LastJsonLine => _jsonLines.WrittenSpan;

    /// <summary>
    /// Applies one CloudEvent as the Redis mode does for one input entry; throws when the handler reports an
    /// error, since a benchmark of a rejected input would measure the wrong path. The Redis fields' arena is
    /// reused per input entry, as the producer reuses it per committed batch.
    /// </summary>
    public void Apply(ReadOnlySpan<byte> cloudEvent)
    {
        _redisArena.Reuse();
        var source = RecordSource.StreamEntry(InputStream, 1_700_000_000_000, ++_entrySequence);
        if (_handler.Apply(Service, cloudEvent, source) is { } error)
        {
            throw new InvalidOperationException($"the benchmark input was rejected: {error}");
        }
    }

    void IDenRecordSink.Emit(in DenRecord record)
    {
        try
        {
            RecordsOut++;
            if (_format == OutputRecordFormat.JsonLine)
            {
                _jsonLines.ResetWrittenCount();
                _jsonWriter.Write(record);
            }
            else
            {
                _redisFields.Build(record, anyJer: true, _redisArena);
            }
        }
        finally
        {
            record.Uper.Return();
        }
    }

    public void Dispose() => _redisFields.Dispose();

    /// <summary>Event keys 0..count-1, for <see cref="StationCollisionEvents.Write"/>.</summary>
    public static int[] EventKeys(int count) => Enumerable.Range(0, count).ToArray();
}
