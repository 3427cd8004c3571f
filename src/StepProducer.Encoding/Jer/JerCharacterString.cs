using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The restricted character string types of the DENM modules in JER (ITU-T X.697): a JSON string,
/// checked against the type's alphabet (X.680 clause 41) and SIZE constraint (counted in characters).
/// </summary>
internal static class JerCharacterString
{
    /// <summary>IA5String: characters 0..127 (X.680 clause 41, table 8).</summary>
    public static string ReadIA5String(ref Utf8JsonReader reader, JerPath path, JerRange size)
    {
        var text = ReadString(ref reader, path, "IA5String");
        foreach (var character in text)
        {
            if (character > '\u007f')
            {
                JerException.Throw(path, $"'{text}' has a character outside the IA5String alphabet (0..127)");
            }
        }

        CheckSize(path, text, text.Length, size);
        return text;
    }

    /// <summary>NumericString: the digits 0..9 and space (X.680 clause 41.2, table 9).</summary>
    public static string ReadNumericString(ref Utf8JsonReader reader, JerPath path, JerRange size)
    {
        var text = ReadString(ref reader, path, "NumericString");
        foreach (var character in text)
        {
            if (character is not ((>= '0' and <= '9') or ' '))
            {
                JerException.Throw(path, $"'{text}' has a character outside the NumericString alphabet (0-9 and space)");
            }
        }

        CheckSize(path, text, text.Length, size);
        return text;
    }

    /// <summary>UTF8String: any Unicode text; its SIZE counts characters (code points), not octets.</summary>
    public static string ReadUtf8String(ref Utf8JsonReader reader, JerPath path, JerRange size)
    {
        var text = ReadString(ref reader, path, "UTF8String");
        var characters = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            characters++;
        }

        CheckSize(path, text, characters, size);
        return text;
    }

    private static string ReadString(ref Utf8JsonReader reader, JerPath path, string asnType)
    {
        JerRead.ExpectToken(ref reader, path, JsonTokenType.String, $"an {asnType} (JSON string)");
        return reader.GetString()!;
    }

    private static void CheckSize(JerPath path, string text, int characters, JerRange size)
    {
        if (characters < size.Min || characters > size.Max)
        {
            JerException.Throw(path, $"'{text}' has {characters} characters, outside SIZE({size.Min}..{size.Max})");
        }
    }
}
