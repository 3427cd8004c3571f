using StepProducer.Encoding.Jer;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>A DENM's JER as a string, written through the pooled writer that production code uses.</summary>
internal static class JerText
{
    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static string Write(Denm.V1.Denm denm)
    {
        using var writer = new JerPooledWriter();
        return System.Text.Encoding.UTF8.GetString(writer.Write(denm));
    }

    public static string Write(Denm.V2.Denm denm)
    {
        using var writer = new JerPooledWriter();
        return System.Text.Encoding.UTF8.GetString(writer.Write(denm));
    }
}
