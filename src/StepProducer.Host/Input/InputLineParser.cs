using System.Buffers;
using System.Text.Json;
using StepProducer.Den;

namespace StepProducer.Host.Input;

/// <summary>
/// Parses one input line (UTF-8 JSON) into reused DEN service requests (<see cref="CollisionReport"/>,
/// <see cref="TerminationRequest"/>): a CloudEvents 1.0 structured-mode event (station collisions or
/// termination) or a received DENM line <c>{"uper": "&lt;hex&gt;"}</c>. The
/// CloudEvent attributes are checked as CloudEvents 1.0 requires; <c>data</c> is checked strictly.
/// Nothing is allocated for a valid line; a bad line throws <see cref="InputFormatException"/> naming
/// the field path and the rule.
/// </summary>
public sealed class InputLineParser
{
    /// <summary>data.collisions holds 1..256 items (input contract, station collisions v1).</summary>
    public const int MaxCollisions = 256;

    /// <summary>
    /// Largest accepted received DENM. A DENM is at most a few hundred bytes in practice (management,
    /// situation and location containers); 4 KiB leaves room for every optional container and extension.
    /// </summary>
    public const int MaxUperBytes = 4096;

    /// <summary>DeltaTimeSecond / ValidityDuration ::= INTEGER (0..86400) (CDD v2.2.1); 0 would expire at once.</summary>
    private const int ValidityDurationMinS = 1;

    /// <inheritdoc cref="ValidityDurationMinS"/>
    private const int ValidityDurationMaxS = 86_400;

    /// <summary>
    /// AltitudeValue ::= INTEGER (-100000..800001) in centimetres (CDD v2.2.1): -1000 m .. 8000 m; 800001 is
    /// "unavailable", expressed here by leaving altitude out.
    /// </summary>
    private const double AltitudeMinM = -1000;

    /// <inheritdoc cref="AltitudeMinM"/>
    private const double AltitudeMaxM = 8000;

    /// <summary>The largest JSON nesting of a valid line: event → data → collisions → item → position.</summary>
    private const int MaxDepth = 8;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    private readonly CollisionReport[] collisions = CreateCollisions();
    private readonly byte[] uper = new byte[MaxUperBytes];

    public InputKind Kind { get; private set; }

    /// <summary>The CloudEvent <c>time</c> attribute.</summary>
    public DateTimeOffset Time { get; private set; }

    public int CollisionCount { get; private set; }

    public ReadOnlySpan<CollisionReport> Collisions => collisions.AsSpan(0, CollisionCount);

    public TerminationRequest Termination { get; } = new();

    public int UperLength { get; private set; }

    public ReadOnlySpan<byte> Uper => uper.AsSpan(0, UperLength);

    /// <summary>Replaces the bytes of a received DENM line (the <c>--retime</c> demo option re-times them).</summary>
    internal void ReplaceUper(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(uper);
        UperLength = bytes.Length;
    }

    /// <summary>Parses <paramref name="line"/>; throws <see cref="InputFormatException"/> on a bad line.</summary>
    public void Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            ParseLine(line);
        }
        catch (JsonException error)
        {
            // Malformed JSON: Utf8JsonReader reports the byte position; there is no field path yet.
            InputFormatException.Throw("$", $"not valid JSON: {error.Message}");
        }
    }

    private void ParseLine(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, ReaderOptions);
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            InputFormatException.Throw("$", "expected a JSON object (a CloudEvent or {\"uper\": \"<hex>\"})");
        }

        Read(ref reader);
        if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("uper"u8))
        {
            ParseReceivedDenm(ref reader);
        }
        else
        {
            ParseCloudEvent(ref reader, line);
        }

        if (reader.Read())
        {
            InputFormatException.Throw("$", "text after the JSON object; one object per line");
        }
    }

    private void ParseReceivedDenm(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        UperLength = DecodeHex(ref reader, "uper", uper);
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            InputFormatException.Throw(PropertyName(ref reader), "unknown key; a received DENM line holds only \"uper\"");
        }

        Kind = InputKind.ReceivedDenm;
    }

    private void ParseCloudEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var seen = Attributes.None;
        var dataStart = 0;
        var dataLength = 0;
        for (; reader.TokenType != JsonTokenType.EndObject; Read(ref reader))
        {
            if (reader.ValueTextEquals("specversion"u8))
            {
                Read(ref reader);
                if (!IsString(ref reader) || !reader.ValueTextEquals("1.0"u8))
                {
                    InputFormatException.Throw("specversion", "must be \"1.0\" (CloudEvents 1.0)");
                }

                seen |= Attributes.SpecVersion;
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                Read(ref reader);
                RequireNonEmptyString(ref reader, "id");
                seen |= Attributes.Id;
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                Read(ref reader);
                RequireNonEmptyString(ref reader, "source");
                seen |= Attributes.Source;
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                Read(ref reader);
                Kind = ReadEventType(ref reader);
                seen |= Attributes.Type;
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                Read(ref reader);
                Time = ReadTimestamp(ref reader, "time");
                seen |= Attributes.Time;
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                Read(ref reader);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    InputFormatException.Throw("data", "must be a JSON object");
                }

                // The event type may come after data: remember where data is and parse it once the
                // attributes are known.
                dataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                dataLength = (int)reader.BytesConsumed - dataStart;
                seen |= Attributes.Data;
            }
            else
            {
                // datacontenttype, dataschema, subject and extension attributes: accepted and ignored
                // (Skip on a property name skips its value too).
                reader.Skip();
            }
        }

        RequireAttributes(seen);
        var data = line.Slice(dataStart, dataLength);
        if (Kind == InputKind.StationCollisions)
        {
            ParseCollisions(data);
        }
        else
        {
            ParseTermination(data);
        }
    }

    private static void RequireAttributes(Attributes seen)
    {
        ReadOnlySpan<(Attributes Flag, string Name)> required =
        [
            (Attributes.SpecVersion, "specversion"),
            (Attributes.Id, "id"),
            (Attributes.Source, "source"),
            (Attributes.Type, "type"),
            (Attributes.Time, "time"),
            (Attributes.Data, "data"),
        ];
        foreach (var (flag, name) in required)
        {
            if ((seen & flag) == 0)
            {
                InputFormatException.Throw(name, "required CloudEvents attribute is missing");
            }
        }
    }

    private static InputKind ReadEventType(ref Utf8JsonReader reader)
    {
        if (IsString(ref reader))
        {
            if (reader.ValueTextEquals("step.crash_prediction.station_collisions.v1"u8))
            {
                return InputKind.StationCollisions;
            }

            if (reader.ValueTextEquals("step.den.termination.v1"u8))
            {
                return InputKind.Termination;
            }
        }

        InputFormatException.Throw("type", $"{Describe(ref reader)} is not an accepted event type "
            + "(step.crash_prediction.station_collisions.v1, step.den.termination.v1)");
        return default;
    }

    private void ParseCollisions(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, ReaderOptions);
        Read(ref reader);
        var sawCollisions = false;
        for (Read(ref reader); reader.TokenType != JsonTokenType.EndObject; Read(ref reader))
        {
            if (!reader.ValueTextEquals("collisions"u8))
            {
                InputFormatException.Throw(PropertyPath("data", ref reader), "unknown key");
            }

            Read(ref reader);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                InputFormatException.Throw("data.collisions", "must be an array");
            }

            var count = 0;
            for (Read(ref reader); reader.TokenType != JsonTokenType.EndArray; Read(ref reader))
            {
                if (count < MaxCollisions)
                {
                    ParseCollision(ref reader, count, collisions[count]);
                }
                else
                {
                    reader.Skip();
                }

                count++;
            }

            if (count is 0 or > MaxCollisions)
            {
                InputFormatException.Throw("data.collisions", $"{Items(count)}, need 1..{MaxCollisions}");
            }

            CollisionCount = count;
            sawCollisions = true;
        }

        if (!sawCollisions)
        {
            InputFormatException.Throw("data.collisions", "required");
        }
    }

    /// <summary>The field path of collision item <paramref name="index"/>, e.g. <c>data.collisions[2]</c>.</summary>
    public static string CollisionPath(int index) => CollisionPaths.Of[index].Item;

    private void ParseCollision(ref Utf8JsonReader reader, int index, CollisionReport item)
    {
        var paths = CollisionPaths.Of[index];
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            InputFormatException.Throw(paths.Item, "must be a JSON object");
        }

        item.Reset();
        item.DetectionTime = Time;
        var seen = CollisionFields.None;
        for (Read(ref reader); reader.TokenType != JsonTokenType.EndObject; Read(ref reader))
        {
            if (reader.ValueTextEquals("stationIds"u8))
            {
                Read(ref reader);
                ReadStationIds(ref reader, paths.StationIds, ref item.StationIds);
                seen |= CollisionFields.StationIds;
            }
            else if (reader.ValueTextEquals("risk"u8))
            {
                Read(ref reader);
                item.Risk = ReadRisk(ref reader, paths.Risk);
                seen |= CollisionFields.Risk;
            }
            else if (reader.ValueTextEquals("position"u8))
            {
                Read(ref reader);
                ReadPosition(ref reader, paths, item);
                seen |= CollisionFields.Position;
            }
            else if (reader.ValueTextEquals("detectionTime"u8))
            {
                Read(ref reader);
                item.DetectionTime = ReadTimestamp(ref reader, paths.DetectionTime);
            }
            else if (reader.ValueTextEquals("probability"u8))
            {
                Read(ref reader);
                item.Probability = ReadNumber(ref reader, paths.Probability, 0, 1);
            }
            else if (reader.ValueTextEquals("timeToCollisionMs"u8))
            {
                Read(ref reader);
                item.TimeToCollisionMs = (int)ReadInteger(ref reader, paths.TimeToCollisionMs, 0, int.MaxValue);
            }
            else if (reader.ValueTextEquals("validityDurationS"u8))
            {
                Read(ref reader);
                item.ValidityDurationS = (int)ReadInteger(ref reader, paths.ValidityDurationS,
                    ValidityDurationMinS, ValidityDurationMaxS);
            }
            else
            {
                InputFormatException.Throw(PropertyPath(paths.Item, ref reader), "unknown key");
            }
        }

        RequireField(seen, CollisionFields.StationIds, paths.StationIds);
        RequireField(seen, CollisionFields.Risk, paths.Risk);
        RequireField(seen, CollisionFields.Position, paths.Position);
    }

    private void ParseTermination(ReadOnlySpan<byte> data)
    {
        var termination = Termination;
        termination.Reset();
        termination.DetectionTime = Time;
        var reader = new Utf8JsonReader(data, ReaderOptions);
        Read(ref reader);
        var hasStationIds = false;
        var hasRisk = false;
        for (Read(ref reader); reader.TokenType != JsonTokenType.EndObject; Read(ref reader))
        {
            if (reader.ValueTextEquals("actionId"u8))
            {
                Read(ref reader);
                ReadActionId(ref reader, termination);
            }
            else if (reader.ValueTextEquals("stationIds"u8))
            {
                Read(ref reader);
                ReadStationIds(ref reader, "data.stationIds", ref termination.StationIds);
                hasStationIds = true;
            }
            else if (reader.ValueTextEquals("risk"u8))
            {
                Read(ref reader);
                termination.Risk = ReadRisk(ref reader, "data.risk");
                hasRisk = true;
            }
            else if (reader.ValueTextEquals("detectionTime"u8))
            {
                Read(ref reader);
                termination.DetectionTime = ReadTimestamp(ref reader, "data.detectionTime");
            }
            else
            {
                InputFormatException.Throw(PropertyPath("data", ref reader), "unknown key");
            }
        }

        if (termination.ActionId.HasValue == (hasStationIds || hasRisk))
        {
            InputFormatException.Throw("data", "needs either actionId or stationIds + risk (the event key), not both");
        }

        if (hasStationIds != hasRisk)
        {
            InputFormatException.Throw(hasRisk ? "data.stationIds" : "data.risk", "required together with "
                + (hasRisk ? "risk" : "stationIds"));
        }
    }

    private static void ReadActionId(ref Utf8JsonReader reader, TerminationRequest termination)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            InputFormatException.Throw("data.actionId", "must be a JSON object {originatingStationId, sequenceNumber}");
        }

        uint? originatingStationId = null;
        ushort? sequenceNumber = null;
        for (Read(ref reader); reader.TokenType != JsonTokenType.EndObject; Read(ref reader))
        {
            if (reader.ValueTextEquals("originatingStationId"u8))
            {
                Read(ref reader);
                originatingStationId = ReadStationId(ref reader, "data.actionId.originatingStationId");
            }
            else if (reader.ValueTextEquals("sequenceNumber"u8))
            {
                Read(ref reader);

                // SequenceNumber ::= INTEGER (0..65535) (CDD v2.2.1).
                sequenceNumber = (ushort)ReadInteger(ref reader, "data.actionId.sequenceNumber", 0, ushort.MaxValue);
            }
            else
            {
                InputFormatException.Throw(PropertyPath("data.actionId", ref reader), "unknown key");
            }
        }

        if (originatingStationId is not { } station || sequenceNumber is not { } sequence)
        {
            InputFormatException.Throw(originatingStationId.HasValue ? "data.actionId.sequenceNumber" : "data.actionId.originatingStationId",
                "required");
            return;
        }

        termination.ActionId = new ActionId(station, sequence);
    }

    private static void ReadStationIds(ref Utf8JsonReader reader, string path, ref StationIdSet set)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            InputFormatException.Throw(path, "must be an array of station IDs");
        }

        set.Clear();
        var count = 0;
        for (Read(ref reader); reader.TokenType != JsonTokenType.EndArray; Read(ref reader))
        {
            var stationId = ReadStationId(ref reader, path, count);
            if (set.Add(stationId) == StationIdSet.AddResult.Duplicate)
            {
                InputFormatException.Throw(IndexPath(path, count), $"{stationId} is listed twice; station IDs must be distinct");
            }

            // A full set keeps counting so that the error below reports the real count.
            count++;
        }

        if (count is < StationIdSet.MinCount or > StationIdSet.MaxCount)
        {
            InputFormatException.Throw(path, $"{Items(count)}, need {StationIdSet.MinCount}..{StationIdSet.MaxCount}");
        }
    }

    private static uint ReadStationId(ref Utf8JsonReader reader, string path, int index) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var value)
            ? value
            : ThrowNotStationId(IndexPath(path, index), ref reader);

    private static uint ReadStationId(ref Utf8JsonReader reader, string path) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var value)
            ? value
            : ThrowNotStationId(path, ref reader);

    private static uint ThrowNotStationId(string path, ref Utf8JsonReader reader)
    {
        // StationID ::= INTEGER (0..4294967295) (CDD v2.2.1).
        InputFormatException.Throw(path, $"{Describe(ref reader)} is not a station ID (an integer 0..4294967295)");
        return 0;
    }

    private static CollisionRisk ReadRisk(ref Utf8JsonReader reader, string path)
    {
        if (IsString(ref reader) && !reader.ValueIsEscaped && CollisionRiskNames.TryParse(reader.ValueSpan, out var risk))
        {
            return risk;
        }

        InputFormatException.Throw(path, $"{Describe(ref reader)} is not a risk (longitudinal, crossing, lateral, "
            + "vulnerableRoadUser, pedestrian, cyclist, motorVehicle, unknown)");
        return default;
    }

    private static void ReadPosition(ref Utf8JsonReader reader, CollisionPaths paths, CollisionReport item)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            InputFormatException.Throw(paths.Position, "must be a JSON object {latitude, longitude, altitude}");
        }

        var hasLatitude = false;
        var hasLongitude = false;
        for (Read(ref reader); reader.TokenType != JsonTokenType.EndObject; Read(ref reader))
        {
            if (reader.ValueTextEquals("latitude"u8))
            {
                Read(ref reader);
                item.LatitudeDeg = ReadNumber(ref reader, paths.Latitude, -90, 90);
                hasLatitude = true;
            }
            else if (reader.ValueTextEquals("longitude"u8))
            {
                Read(ref reader);
                item.LongitudeDeg = ReadNumber(ref reader, paths.Longitude, -180, 180);
                hasLongitude = true;
            }
            else if (reader.ValueTextEquals("altitude"u8))
            {
                Read(ref reader);
                item.AltitudeM = ReadNumber(ref reader, paths.Altitude, AltitudeMinM, AltitudeMaxM);
            }
            else
            {
                InputFormatException.Throw(PropertyPath(paths.Position, ref reader), "unknown key");
            }
        }

        if (!hasLatitude || !hasLongitude)
        {
            InputFormatException.Throw(hasLatitude ? paths.Longitude : paths.Latitude, "required");
        }
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string path, double minimum, double maximum)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
        {
            InputFormatException.Throw(path, $"{Describe(ref reader)} is not a number");
            return 0;
        }

        if (value < minimum || value > maximum)
        {
            InputFormatException.Throw(path, $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} "
                + $"is outside {minimum}..{maximum}");
        }

        return value;
    }

    private static long ReadInteger(ref Utf8JsonReader reader, string path, long minimum, long maximum)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            InputFormatException.Throw(path, $"{Describe(ref reader)} is not an integer");
            return 0;
        }

        if (value < minimum)
        {
            InputFormatException.Throw(path, $"{value} is below the minimum {minimum}");
        }

        if (value > maximum)
        {
            InputFormatException.Throw(path, $"{value} is above the maximum {maximum}");
        }

        return value;
    }

    /// <summary>
    /// RFC 3339 date-time (CloudEvents 1.0 <c>time</c>): full date, 'T', full time, and 'Z' or an offset.
    /// Utf8JsonReader also accepts a bare date or a local time, which RFC 3339 does not, hence the extra check.
    /// </summary>
    private static DateTimeOffset ReadTimestamp(ref Utf8JsonReader reader, string path)
    {
        if (IsString(ref reader) && !reader.ValueIsEscaped && reader.ValueSpan is { Length: > 19 } text
            && text[10] is (byte)'T' or (byte)'t' && HasZoneDesignator(text) && reader.TryGetDateTimeOffset(out var time))
        {
            return time;
        }

        InputFormatException.Throw(path, $"{Describe(ref reader)} is not an RFC 3339 date-time (e.g. 2026-11-28T07:00:00.250Z)");
        return default;
    }

    private static bool HasZoneDesignator(ReadOnlySpan<byte> text) =>
        text[^1] is (byte)'Z' or (byte)'z' || (text.Length > 6 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':');

    private static int DecodeHex(ref Utf8JsonReader reader, string path, Span<byte> destination)
    {
        if (!IsString(ref reader) || reader.ValueIsEscaped)
        {
            InputFormatException.Throw(path, "must be a string of hex digits");
        }

        var hex = reader.ValueSpan;
        if (hex.Length == 0 || hex.Length % 2 != 0)
        {
            InputFormatException.Throw(path, $"{hex.Length} hex digits; need an even, non-zero count (whole bytes)");
        }

        if (hex.Length / 2 > destination.Length)
        {
            InputFormatException.Throw(path, $"{hex.Length / 2} bytes is above the maximum {destination.Length}");
        }

        for (var index = 0; index < hex.Length; index += 2)
        {
            var high = HexValue(hex[index]);
            var low = HexValue(hex[index + 1]);
            if ((high | low) < 0)
            {
                InputFormatException.Throw(path, $"character {index + (high < 0 ? 0 : 1)} is not a hex digit");
            }

            destination[index / 2] = (byte)((high << 4) | low);
        }

        return hex.Length / 2;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };

    private static void RequireNonEmptyString(ref Utf8JsonReader reader, string path)
    {
        if (!IsString(ref reader) || reader.ValueSpan.Length == 0)
        {
            InputFormatException.Throw(path, "must be a non-empty string");
        }
    }

    private static void RequireField(CollisionFields seen, CollisionFields field, string path)
    {
        if ((seen & field) == 0)
        {
            InputFormatException.Throw(path, "required");
        }
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            InputFormatException.Throw("$", "the JSON object is incomplete");
        }
    }

    private static bool IsString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String;

    private static string IndexPath(string path, int index) => $"{path}[{index}]";

    private static string PropertyPath(string parent, ref Utf8JsonReader reader) => $"{parent}.{PropertyName(ref reader)}";

    private static string PropertyName(ref Utf8JsonReader reader) => reader.GetString() ?? string.Empty;

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    /// <summary>The offending value as it appeared in the line, shortened, for error messages.</summary>
    private static string Describe(ref Utf8JsonReader reader)
    {
        // A 40-byte excerpt is enough to recognise a value without flooding the log with a huge one.
        const int MaxExcerptBytes = 40;
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        var excerpt = System.Text.Encoding.UTF8.GetString(raw, 0, Math.Min(raw.Length, MaxExcerptBytes));
        var shown = raw.Length > MaxExcerptBytes ? excerpt + "..." : excerpt;
        return reader.TokenType switch
        {
            JsonTokenType.String => $"\"{shown}\"",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => shown,
        };
    }

    private static CollisionReport[] CreateCollisions()
    {
        var items = new CollisionReport[MaxCollisions];
        for (var index = 0; index < items.Length; index++)
        {
            items[index] = new CollisionReport();
        }

        return items;
    }

    /// <summary>
    /// The field paths of each collision item, built once: formatting them per line would allocate on the
    /// hot path, and error messages need them.
    /// </summary>
    private sealed class CollisionPaths
    {
        public static readonly CollisionPaths[] Of = Enumerable.Range(0, MaxCollisions).Select(index => new CollisionPaths(index)).ToArray();

        private CollisionPaths(int index)
        {
            Item = $"data.collisions[{index}]";
            StationIds = Item + ".stationIds";
            Risk = Item + ".risk";
            Position = Item + ".position";
            Latitude = Position + ".latitude";
            Longitude = Position + ".longitude";
            Altitude = Position + ".altitude";
            DetectionTime = Item + ".detectionTime";
            Probability = Item + ".probability";
            TimeToCollisionMs = Item + ".timeToCollisionMs";
            ValidityDurationS = Item + ".validityDurationS";
        }

        public string Item { get; }

        public string StationIds { get; }

        public string Risk { get; }

        public string Position { get; }

        public string Latitude { get; }

        public string Longitude { get; }

        public string Altitude { get; }

        public string DetectionTime { get; }

        public string Probability { get; }

        public string TimeToCollisionMs { get; }

        public string ValidityDurationS { get; }
    }

    [Flags]
    private enum Attributes
    {
        None = 0,
        SpecVersion = 1,
        Id = 2,
        Source = 4,
        Type = 8,
        Time = 16,
        Data = 32,
    }

    [Flags]
    private enum CollisionFields
    {
        None = 0,
        StationIds = 1,
        Risk = 2,
        Position = 4,
    }
}
