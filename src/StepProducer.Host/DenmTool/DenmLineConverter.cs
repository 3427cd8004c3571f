using System.Buffers;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Jer;

namespace StepProducer.Host.DenmTool;

/// <summary>The outcome of one input line: the output line and notes, or the error.</summary>
internal readonly record struct DenmLineResult(string? Output, IReadOnlyList<string> Notes, DenmLineError? Error)
{
    public static DenmLineResult Success(string output, IReadOnlyList<string> notes) => new(output, notes, null);

    /// <summary>An error at the DENM's top level has an empty codec path; the tool names the PDU instead.</summary>
    public static DenmLineResult Failure(string fieldPath, string reason) =>
        new(null, [], new DenmLineError(fieldPath.Length == 0 ? "DENM" : fieldPath, reason));
}

internal sealed record DenmLineError(string FieldPath, string Reason);

/// <summary>
/// Converts one line between UPER hex and JER for one DENM module version, reusing its buffers from line to
/// line. Every failure of the input (hex text, UPER bits, JSON, values) comes back as a
/// <see cref="DenmLineResult"/> error naming the field path and the rule; none escapes as an exception.
/// </summary>
internal sealed class DenmLineConverter(DenmVersion version) : IDisposable
{
    private static readonly IReadOnlyList<string> NoNotes = [];

    private readonly JerPooledWriter _jer = new();
    private readonly ArrayBufferWriter<byte> _uper = new();

    /// <summary>UPER hex to one compact JER line.</summary>
    public DenmLineResult Decode(string hex)
    {
        if (!TryParseHex(hex, out var uper, out var hexError))
        {
            return DenmLineResult.Failure("", hexError);
        }

        try
        {
            if (version == DenmVersion.V1)
            {
                return DenmLineResult.Success(System.Text.Encoding.UTF8.GetString(_jer.Write(DenmV1Codec.Decode(uper))), NoNotes);
            }

            var denm = DenmV2Codec.Decode(uper);
            return DenmLineResult.Success(System.Text.Encoding.UTF8.GetString(_jer.Write(denm)), JerCodec.OmittedExtensionGroups(denm));
        }
        catch (DenmDecodeException exception)
        {
            return DenmLineResult.Failure(FromPdu(exception.FieldPath), $"{exception.Rule} (at bit {exception.BitOffset})");
        }
    }

    /// <summary>One JER line to lowercase UPER hex.</summary>
    public DenmLineResult Encode(string json)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        try
        {
            _uper.ResetWrittenCount();
            if (version == DenmVersion.V1)
            {
                DenmV1Codec.Encode(JerCodec.ReadV1(utf8), _uper);
            }
            else
            {
                DenmV2Codec.Encode(JerCodec.ReadV2(utf8), _uper);
            }

            return DenmLineResult.Success(Convert.ToHexStringLower(_uper.WrittenSpan), NoNotes);
        }
        catch (JerException exception)
        {
            return DenmLineResult.Failure(exception.FieldPath, exception.Rule);
        }
        catch (DenmEncodeException exception)
        {
            return DenmLineResult.Failure(FromPdu(exception.FieldPath), exception.Rule);
        }
    }

    public void Dispose() => _jer.Dispose();

    /// <summary>
    /// The codec names a payload field from inside the payload (<c>management.stationType</c>); the tool names
    /// every field from the PDU, as the JER and its errors do (<c>denm.management.stationType</c>), so that one
    /// field has one path whichever way the line went.
    /// </summary>
    private static string FromPdu(string codecPath) =>
        codecPath.Length == 0 || codecPath == "header" || codecPath.StartsWith("header.", StringComparison.Ordinal)
            ? codecPath
            : "denm." + codecPath;

    private static bool TryParseHex(string hex, out byte[] bytes, out string error)
    {
        bytes = [];
        if (hex.Length % 2 != 0)
        {
            error = $"UPER hex has an odd number of digits ({hex.Length})";
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            error = "";
            return true;
        }
        catch (FormatException)
        {
            error = $"'{hex}' is not hexadecimal";
            return false;
        }
    }
}
