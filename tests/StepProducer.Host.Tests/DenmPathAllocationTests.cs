using System.Buffers;
using Microsoft.Extensions.Time.Testing;
using StepProducer.Den;
using StepProducer.Host.Input;
using StepProducer.Host.Stdio;

namespace StepProducer.Host.Tests;

/// <summary>
/// The host's share of the stdin DENM path, in process with the real DEN service: parsing a line and
/// writing each emitted record (JSON, hex UPER, JER) allocate nothing in steady state.
/// </summary>
public sealed class DenmPathAllocationTests
{
    private const int WarmUpLines = 1000;
    private const int MeasuredLines = 1000;

    [Fact]
    public void DenmPath_ParsingAndRecordWriting_AllocateNothingPerDenmInSteadyState()
    {
        var start = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        var sink = new MeasuredSink(new RecordLineSink(output));

        // minUpdateIntervalMs 0: every line is an immediate update of the same event, one record each.
        var service = new DenService(DenOptions.Default with { StationId = 1, MinUpdateIntervalMs = 0 }, time, sink);
        var parser = new InputLineParser();
        var lines = Enumerable.Range(0, WarmUpLines + MeasuredLines).Select(index => Line(start.AddMilliseconds(index))).ToArray();
        long parsing = 0;
        for (var index = 0; index < lines.Length; index++)
        {
            if (index == WarmUpLines)
            {
                parsing = 0;
                sink.Reset();
            }

            time.SetUtcNow(start.AddMilliseconds(index));
            output.ResetWrittenCount();
            var before = GC.GetAllocatedBytesForCurrentThread();
            parser.Parse(lines[index]);
            parsing += GC.GetAllocatedBytesForCurrentThread() - before;
            var result = service.ReportCollision(parser.Collisions[0], RecordSource.Line(index + 1));
            if (result.Outcome is not (DenOutcome.New or DenOutcome.Updated))
            {
                Assert.Fail($"line {index + 1}: {result}");
            }
        }

        Assert.Equal(MeasuredLines, sink.Records);
        Assert.Equal(0, parsing);
        Assert.Equal(0, sink.AllocatedBytes);
        Assert.EndsWith("\n", System.Text.Encoding.UTF8.GetString(output.WrittenSpan), StringComparison.Ordinal);
    }

    private static byte[] Line(DateTimeOffset time) => System.Text.Encoding.UTF8.GetBytes(
        $$$"""{"specversion":"1.0","id":"a","source":"/test","type":"step.crash_prediction.station_collisions.v1","time":"{{{time:O}}}","data":{"collisions":[{"stationIds":[1001,2002],"risk":"crossing","position":{"latitude":48.137154,"longitude":11.576124,"altitude":519.0},"probability":0.8}]}}""");

    /// <summary>Counts the bytes allocated inside the real sink's Emit (record JSON, hex, JER).</summary>
    private sealed class MeasuredSink(RecordLineSink inner) : IDenRecordSink
    {
        public long AllocatedBytes { get; private set; }

        public int Records { get; private set; }

        public void Emit(in DenRecord record)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            inner.Emit(record);
            AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            Records++;
        }

        public void Reset()
        {
            AllocatedBytes = 0;
            Records = 0;
        }
    }
}
