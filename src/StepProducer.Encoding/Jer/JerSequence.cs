using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>Reads one component of a SEQUENCE, given its key's index, into the value being built.</summary>
internal delegate void JerComponentReader<T>(ref Utf8JsonReader reader, JerPath path, int key, ref T target);

/// <summary>
/// The JER keys of one SEQUENCE type, in ASN.1 order, and which of them are mandatory (neither OPTIONAL nor
/// DEFAULT). Reading looks a key up by its index in <see cref="Keys"/>.
/// </summary>
internal sealed class JerSequence
{
    public JerSequence(JsonEncodedText[] keys, params JsonEncodedText[] optional)
    {
        Keys = keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (Array.IndexOf(optional, keys[i]) < 0)
            {
                Mandatory |= 1UL << i;
            }
        }
    }

    public JsonEncodedText[] Keys { get; }

    /// <summary>One bit per mandatory key, bit i for <c>Keys[i]</c>.</summary>
    public ulong Mandatory { get; }

    /// <summary>
    /// Reads a SEQUENCE (X.697, sequence type: a JSON object with one key per present component, in any order):
    /// unknown and repeated keys are errors, then every mandatory component must have been read.
    /// </summary>
    public T Read<T>(ref Utf8JsonReader reader, JerPath path, JerComponentReader<T> readComponent)
        where T : new() =>
        Read(ref reader, path, new T(), readComponent);

    /// <summary>
    /// <see cref="Read{T}(ref Utf8JsonReader, JerPath, JerComponentReader{T})"/> into <paramref name="target"/>,
    /// whose values stand for the components that are absent (a DEFAULT value, for one).
    /// </summary>
    public T Read<T>(ref Utf8JsonReader reader, JerPath path, T target, JerComponentReader<T> readComponent)
    {
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, Keys, ref seen)) >= 0)
        {
            readComponent(ref reader, path, key, ref target);
            path.Pop();
        }

        var missing = Mandatory & ~seen;
        if (missing != 0)
        {
            var index = System.Numerics.BitOperations.TrailingZeroCount(missing);
            JerException.Throw(path, $"missing mandatory component '{Keys[index]}'");
        }

        return target;
    }
}
