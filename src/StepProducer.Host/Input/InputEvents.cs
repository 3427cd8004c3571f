namespace StepProducer.Host.Input;

/// <summary>What an input line carries.</summary>
public enum InputKind
{
    /// <summary>CloudEvent <c>step.crash_prediction.station_collisions.v1</c>.</summary>
    StationCollisions,

    /// <summary>CloudEvent <c>step.den.termination.v1</c>.</summary>
    Termination,

    /// <summary><c>{"uper": "&lt;hex&gt;"}</c>: a DENM received from another station.</summary>
    ReceivedDenm,
}

/// <summary>The collision-risk kinds of the input contract, in the order of collisionRisk sub-causes where one exists.</summary>
public enum InputRisk
{
    Longitudinal,
    Crossing,
    Lateral,
    VulnerableRoadUser,
    Pedestrian,
    Cyclist,
    MotorVehicle,
    Unknown,
}

/// <summary>
/// One validated collision of a station-collisions event. Instances are reused line after line, so
/// parsing allocates nothing in steady state.
/// </summary>
public sealed class CollisionItem
{
    public StationIdList StationIds { get; } = new();

    public InputRisk Risk { get; internal set; }

    public double Latitude { get; internal set; }

    public double Longitude { get; internal set; }

    public double? Altitude { get; internal set; }

    /// <summary>The item's detectionTime, or the event's <c>time</c> when the item has none.</summary>
    public DateTimeOffset DetectionTime { get; internal set; }

    public double? Probability { get; internal set; }

    public long? TimeToCollisionMs { get; internal set; }

    public int? ValidityDurationS { get; internal set; }

    internal void Reset()
    {
        StationIds.Clear();
        Risk = InputRisk.Unknown;
        Latitude = 0;
        Longitude = 0;
        Altitude = null;
        DetectionTime = default;
        Probability = null;
        TimeToCollisionMs = null;
        ValidityDurationS = null;
    }
}

/// <summary>The validated <c>data</c> of a termination event.</summary>
public sealed class TerminationData
{
    /// <summary>True when the event names an ActionId; false when it names the event key (stationIds + risk).</summary>
    public bool HasActionId { get; internal set; }

    public uint OriginatingStationId { get; internal set; }

    public ushort SequenceNumber { get; internal set; }

    public StationIdList StationIds { get; } = new();

    public InputRisk Risk { get; internal set; }

    /// <summary>The detectionTime of the end of the event, or the event's <c>time</c>.</summary>
    public DateTimeOffset DetectionTime { get; internal set; }

    internal void Reset()
    {
        HasActionId = false;
        OriginatingStationId = 0;
        SequenceNumber = 0;
        StationIds.Clear();
        Risk = InputRisk.Unknown;
        DetectionTime = default;
    }
}

/// <summary>The stationIds of an event key: 2..16 distinct StationIDs, kept in a fixed buffer.</summary>
public sealed class StationIdList
{
    /// <summary>The input contract's bounds: a collision involves 2..16 stations.</summary>
    public const int Min = 2;

    /// <inheritdoc cref="Min"/>
    public const int Max = 16;

    private readonly uint[] items = new uint[Max];

    public int Count { get; private set; }

    public ReadOnlySpan<uint> Items => items.AsSpan(0, Count);

    internal void Clear() => Count = 0;

    /// <summary>Adds a station ID; false when the list is already full (the caller reports the count).</summary>
    internal bool TryAdd(uint stationId)
    {
        if (Count == Max)
        {
            return false;
        }

        items[Count++] = stationId;
        return true;
    }
}
