using System.Buffers;
using StepProducer.Den;

namespace StepProducer.Host.Stdio;

/// <summary>
/// The DEN service's record sink for stdout: each record becomes one JSON line in <paramref name="output"/>,
/// and its pooled UPER bytes go back to the pool right after (the sink owns them, see <see cref="DenmBytes"/>).
/// </summary>
internal sealed class RecordLineSink(IBufferWriter<byte> output) : IDenRecordSink
{
    private readonly RecordJsonWriter writer = new(output);
    private bool pending;

    public void Emit(in DenRecord record)
    {
        try
        {
            writer.Write(record);
            pending = true;
        }
        finally
        {
            record.Uper.Return();
        }
    }

    /// <summary>True when records were written since the last call: the output needs a flush.</summary>
    public bool TakePending()
    {
        var written = pending;
        pending = false;
        return written;
    }
}
