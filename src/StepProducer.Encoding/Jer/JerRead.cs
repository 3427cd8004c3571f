using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>Reads one value (the reader on its first token) into its model type.</summary>
internal delegate T JerValueReader<out T>(ref Utf8JsonReader reader, JerPath path);

/// <summary>
/// Reading the JER (ITU-T X.697) forms of the ASN.1 built-in types with a <see cref="Utf8JsonReader"/>.
/// Every method expects the reader on the value's first token and leaves it on the value's last token.
/// Every error names the field path and the broken rule.
/// </summary>
internal static class JerRead
{
    /// <summary>
    /// Reads one whole JSON text as a DENM: the top-level value and nothing after it. Malformed JSON, and text
    /// that is not UTF-8, become a <see cref="JerException"/> at the path reached.
    /// </summary>
    public static T ReadDocument<T>(ReadOnlySpan<byte> json, JerValueReader<T> readRoot)
    {
        var path = new JerPath();
        var reader = new Utf8JsonReader(json);
        try
        {
            Next(ref reader, path);
            var value = readRoot(ref reader, path);
            if (reader.Read())
            {
                JerException.Throw(path, $"unexpected {Describe(reader.TokenType)} after the DENM object");
            }

            return value;
        }
        catch (JsonException exception)
        {
            throw new JerException(path.ToString(), $"malformed JSON: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            // Utf8JsonReader.GetString throws this for text that is not valid UTF-8.
            throw new JerException(path.ToString(), $"unreadable JSON text: {exception.Message}");
        }
    }

    /// <summary>Moves to the next token; the input ending early is an error at the current path.</summary>
    public static void Next(ref Utf8JsonReader reader, JerPath path)
    {
        if (!reader.Read())
        {
            JerException.Throw(path, "the JSON text ends early");
        }
    }

    public static void ExpectToken(ref Utf8JsonReader reader, JerPath path, JsonTokenType expected, string what)
    {
        if (reader.TokenType != expected)
        {
            JerException.Throw(path, $"expected {what}, found {Describe(reader.TokenType)}");
        }
    }

    /// <summary>
    /// Reads the next key of a SEQUENCE's JSON object (X.697, sequence type: one key per present component,
    /// named by its identifier). Returns the key's index in <paramref name="keys"/>, with the key pushed on
    /// the path and the reader on its value, or -1 at the end of the object. Unknown and repeated keys are
    /// errors; <paramref name="seen"/> collects the keys read so far.
    /// </summary>
    public static int NextKey(ref Utf8JsonReader reader, JerPath path, JsonEncodedText[] keys, ref ulong seen)
    {
        Next(ref reader, path);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return -1;
        }

        var index = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (reader.ValueTextEquals(keys[i].EncodedUtf8Bytes))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            JerException.Throw(path, $"unknown key '{reader.GetString()}'");
        }

        var bit = 1UL << index;
        if ((seen & bit) != 0)
        {
            JerException.Throw(path, $"key '{keys[index]}' appears twice");
        }

        seen |= bit;
        path.Push(keys[index].ToString());
        Next(ref reader, path);
        return index;
    }

    /// <summary>Starts a SEQUENCE (a JSON object).</summary>
    public static void StartObject(ref Utf8JsonReader reader, JerPath path) =>
        ExpectToken(ref reader, path, JsonTokenType.StartObject, "a SEQUENCE (JSON object)");

    /// <summary>
    /// Reads the next item of a SEQUENCE OF (X.697, sequence-of type: a JSON array), pushing its index on the path.
    /// Returns false at the end of the array. More than <paramref name="maxItems"/> items is an error, so the
    /// caller's loop is bounded.
    /// </summary>
    private static bool NextItem(ref Utf8JsonReader reader, JerPath path, int count, int maxItems)
    {
        Next(ref reader, path);
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        if (count >= maxItems)
        {
            JerException.Throw(path, $"more than {maxItems} items (SIZE constraint)");
        }

        path.PushIndex(count);
        return true;
    }

    /// <summary>Reads a SEQUENCE OF whose item count must lie in <paramref name="size"/>.</summary>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, JerPath path, JerRange size, JerValueReader<T> readItem)
    {
        ExpectToken(ref reader, path, JsonTokenType.StartArray, "a SEQUENCE OF (JSON array)");
        var items = new List<T>();
        while (NextItem(ref reader, path, items.Count, (int)size.Max))
        {
            items.Add(readItem(ref reader, path));
            path.Pop();
        }

        if (items.Count < size.Min)
        {
            JerException.Throw(path, $"{items.Count} items, fewer than {size.Min} (SIZE constraint)");
        }

        return items;
    }

    /// <summary>INTEGER (X.697, integer type): a JSON number with no fraction or exponent, within the range.</summary>
    public static long ReadInteger(ref Utf8JsonReader reader, JerPath path, JerRange range)
    {
        ExpectToken(ref reader, path, JsonTokenType.Number, "an INTEGER (JSON number)");
        if (!reader.TryGetInt64(out var value))
        {
            JerException.Throw(path, $"{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is not a whole number");
        }

        if (value < range.Min || value > range.Max)
        {
            JerException.Throw(path, $"{value} outside {range.Min}..{range.Max}");
        }

        return value;
    }

    /// <summary><see cref="ReadInteger"/> for a range that fits an <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, JerPath path, JerRange range) =>
        (int)ReadInteger(ref reader, path, range);

    /// <summary>BOOLEAN (X.697, boolean type): JSON true or false.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, JerPath path)
    {
        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            JerException.Throw(path, $"expected a BOOLEAN (true or false), found {Describe(reader.TokenType)}");
        }

        return reader.GetBoolean();
    }

    /// <summary>Starts a CHOICE (X.697, choice type: a JSON object with one key, the alternative's identifier).</summary>
    public static int StartChoice(ref Utf8JsonReader reader, JerPath path, JerIdentifierTable alternatives)
    {
        ExpectToken(ref reader, path, JsonTokenType.StartObject, "a CHOICE (JSON object with one key)");
        Next(ref reader, path);
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            JerException.Throw(path, $"a CHOICE needs one key, an alternative of {alternatives.AsnType}");
        }

        var alternative = alternatives.Find(ref reader);
        if (alternative < 0)
        {
            JerException.Throw(path, $"'{reader.GetString()}' is not an alternative of {alternatives.AsnType}");
        }

        path.Push(alternatives[alternative].ToString());
        Next(ref reader, path);
        return alternative;
    }

    /// <summary>Ends a CHOICE started by <see cref="StartChoice"/>: a second key is an error.</summary>
    public static void EndChoice(ref Utf8JsonReader reader, JerPath path)
    {
        path.Pop();
        Next(ref reader, path);
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            JerException.Throw(path, "a CHOICE has exactly one key");
        }
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        _ => token.ToString(),
    };
}
