using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The identifiers of one ENUMERATED type, or the alternatives of one CHOICE, in the order of their
/// values (for an ENUMERATED with an extension marker the extension values follow the root, as X.691
/// numbers them). JER (X.697) writes an ENUMERATED value, and keys a CHOICE, by this identifier.
/// Pre-encoded so that writing one allocates nothing.
/// </summary>
internal sealed class JerIdentifierTable
{
    private readonly JsonEncodedText[] _identifiers;

    public JerIdentifierTable(string asnType, params string[] identifiers)
    {
        AsnType = asnType;
        _identifiers = new JsonEncodedText[identifiers.Length];
        for (var i = 0; i < identifiers.Length; i++)
        {
            _identifiers[i] = JsonEncodedText.Encode(identifiers[i]);
        }
    }

    /// <summary>The ASN.1 type and module version the identifiers come from, for error messages.</summary>
    public string AsnType { get; }

    public int Count => _identifiers.Length;

    public JsonEncodedText this[int value] => _identifiers[value];

    /// <summary>The value whose identifier is the current token's text, or -1 when none is.</summary>
    public int Find(ref readonly Utf8JsonReader reader)
    {
        for (var value = 0; value < _identifiers.Length; value++)
        {
            if (reader.ValueTextEquals(_identifiers[value].EncodedUtf8Bytes))
            {
                return value;
            }
        }

        return -1;
    }

    /// <summary>Reads an ENUMERATED value: a JSON string that is one of the identifiers.</summary>
    public int Read(ref Utf8JsonReader reader, JerPath path)
    {
        JerRead.ExpectToken(ref reader, path, JsonTokenType.String, "an ENUMERATED identifier (JSON string)");
        var value = Find(ref reader);
        if (value < 0)
        {
            JerException.Throw(path, $"'{reader.GetString()}' is not an identifier of {AsnType}");
        }

        return value;
    }
}
