using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>Writes one value with the codec's UperWriter.</summary>
internal delegate void UperWrite(ref UperWriter writer);

/// <summary>Reads one value with the codec's UperReader.</summary>
internal delegate T UperRead<out T>(ref UperReader reader);

/// <summary>
/// The shared Verify helpers of the golden-row test classes (one class per construct, in the manner of
/// System.Formats.Asn1's WriteInteger tests). Golden hex is the value encoded alone as a complete UPER
/// encoding, padded to whole octets. The rows were produced by an independent encoder, Erlang/OTP 25's asn1
/// application (asn1ct, option uper) compiling the ETSI modules, and are checked here in both directions.
/// </summary>
public abstract class UperGoldenTest
{
    internal static void VerifyWrite(UperWrite write, string expectedHex)
    {
        var buffer = new byte[64];
        var path = default(FieldPathStack);
        var writer = new UperWriter(buffer, ref path);
        write(ref writer);
        var length = writer.Complete();
        Assert.False(writer.Overflowed);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(buffer.AsSpan(0, length)));
    }

    internal static void VerifyRead<T>(string hex, UperRead<T> read, T expected)
    {
        var path = default(FieldPathStack);
        var reader = new UperReader(Convert.FromHexString(hex), ref path);
        Assert.Equal(expected, read(ref reader));
        reader.CheckEnd("");
    }

    internal static DenmEncodeException WriteError(UperWrite write)
    {
        var buffer = new byte[64];
        return Assert.Throws<DenmEncodeException>(() =>
        {
            var path = default(FieldPathStack);
            var writer = new UperWriter(buffer, ref path);
            write(ref writer);
        });
    }

    internal static DenmDecodeException ReadError<T>(string hex, UperRead<T> read) =>
        Assert.Throws<DenmDecodeException>(() =>
        {
            var path = default(FieldPathStack);
            var reader = new UperReader(Convert.FromHexString(hex), ref path);
            read(ref reader);
        });
}
