using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepProducer.Den;

/// <summary>
/// The JSON names of a config enum whose values are 0, 1, 2, ... in declaration order, and the reading and
/// writing rules of System.Text.Json's <see cref="JsonStringEnumConverter{TEnum}"/> (default options) for them:
/// the binary carries this one non-generic copy of the rules instead of a generic EnumConverter per enum
/// (about 10 KB of native code each under Native AOT; README "Footprint").
/// <para>
/// Accepted, as <see cref="JsonStringEnumConverter{TEnum}"/> accepts them: a string holding a name (surrounding
/// whitespace ignored; names given by the enum's own identifiers match in any case, renamed ones only exactly),
/// several such names separated by commas (their values OR-ed; a trailing comma ignored), or an integer as a string; a JSON integer
/// that fits an <see cref="int"/>, even one no member has. Anything else throws a <see cref="JsonException"/>
/// without a message, which System.Text.Json turns into "The JSON value could not be converted to ..." with
/// the path.
/// </para>
/// </summary>
public sealed class ConfigEnumNames
{
    private readonly string[] _names;
    private readonly StringComparison _comparison;

    private ConfigEnumNames(string[] names, StringComparison comparison)
    {
        _names = names;
        _comparison = comparison;
    }

    /// <summary>The JSON names, indexed by value.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Names given in [JsonStringEnumMemberName] style: they match only exactly.</summary>
    public static ConfigEnumNames Renamed(params string[] names) => new(names, StringComparison.Ordinal);

    /// <summary>The enum's own identifiers: they match in any case.</summary>
    public static ConfigEnumNames Identifiers(params string[] names) => new(names, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a string or number token as the enum's underlying <see cref="int"/>.</summary>
    public int Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!.AsSpan().Trim();
                if (IsInteger(text))
                {
                    return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new JsonException();
                }

                return ReadNames(text);
            case JsonTokenType.Number when reader.TryGetInt32(out var value):
                return value;
            default:
                throw new JsonException();
        }
    }

    /// <summary>Writes a named value as its name, any other as its number.</summary>
    public void Write(Utf8JsonWriter writer, int value)
    {
        if ((uint)value < (uint)_names.Length)
        {
            writer.WriteStringValue(_names[value]);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>An optional sign and ASCII digits only (System.Text.Json's integer pattern after trimming).</summary>
    private static bool IsInteger(ReadOnlySpan<char> text)
    {
        var digits = text is ['+' or '-', ..] ? text[1..] : text;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Comma-separated names, OR-ed; a trailing comma is ignored, an empty name is not a name.</summary>
    private int ReadNames(ReadOnlySpan<char> text)
    {
        var combined = 0;
        var rest = text;
        do
        {
            var comma = rest.IndexOf(',');
            var name = comma < 0 ? rest : rest[..comma].TrimEnd();
            rest = comma < 0 ? default : rest[(comma + 1)..].TrimStart();
            combined |= IndexOf(name);
        }
        while (!rest.IsEmpty);

        return combined;
    }

    private int IndexOf(ReadOnlySpan<char> name)
    {
        for (var index = 0; index < _names.Length; index++)
        {
            if (name.Equals(_names[index], _comparison))
            {
                return index;
            }
        }

        throw new JsonException();
    }
}

/// <summary>
/// A config enum (4-byte underlying type, values 0..n-1) read and written through <see cref="ConfigEnumNames"/>.
/// The generic part is only the cast between the enum and its <see cref="int"/>.
/// </summary>
public abstract class ConfigEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    protected ConfigEnumConverter(ConfigEnumNames names)
    {
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new InvalidOperationException($"{typeof(TEnum).Name}: config enums have an int underlying type");
        }

        Names = names;
    }

    public ConfigEnumNames Names { get; }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Names.Read(ref reader);
        return Unsafe.As<int, TEnum>(ref value);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        Names.Write(writer, Unsafe.As<TEnum, int>(ref value));
}
