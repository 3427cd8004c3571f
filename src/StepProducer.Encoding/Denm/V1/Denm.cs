using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Denm.V1;

/// <summary>
/// ASN.1 <c>DENM</c> PDU, EN 302 637-3 v1.3.1 (DENM-PDU-Descriptions, version 2).
/// </summary>
public sealed class Denm
{
    /// <summary>ASN.1 component <c>header</c>.</summary>
    public ItsPduHeader Header { get; set; }

    /// <summary>ASN.1 component <c>denm</c> (renamed: C# forbids a member named like its enclosing type).</summary>
    public DecentralizedEnvironmentalNotificationMessage Payload { get; set; } = new();
}

/// <summary>
/// ASN.1 <c>ItsPduHeader</c>, TS 102 894-2 v1.3.1 (ITS-Container).
/// </summary>
public struct ItsPduHeader
{
    /// <summary><c>protocolVersion</c>: INTEGER (0..255). The vectors and TS 103 831 carry 2.</summary>
    public int ProtocolVersion { get; set; }

    /// <summary><c>messageID</c>: INTEGER (0..255); denm = 1.</summary>
    public int MessageID { get; set; }

    /// <summary><c>StationID</c>: INTEGER (0..4294967295).</summary>
    public uint StationID { get; set; }
}

/// <summary>
/// ASN.1 <c>DecentralizedEnvironmentalNotificationMessage</c> SEQUENCE (not extensible), EN 302 637-3 v1.3.1.
/// </summary>
public sealed class DecentralizedEnvironmentalNotificationMessage
{
    /// <summary>ASN.1 component <c>management</c>.</summary>
    public ManagementContainer Management { get; set; } = new();

    /// <summary>OPTIONAL <c>situation</c>.</summary>
    public SituationContainer? Situation { get; set; }

    /// <summary>OPTIONAL <c>location</c>.</summary>
    public LocationContainer? Location { get; set; }

    /// <summary>OPTIONAL <c>alacarte</c>.</summary>
    public AlacarteContainer? Alacarte { get; set; }
}

/// <summary>
/// ASN.1 <c>ManagementContainer</c> SEQUENCE (extensible, no known additions), EN 302 637-3 v1.3.1.
/// </summary>
public sealed class ManagementContainer
{
    /// <summary>The DEFAULT of <c>validityDuration</c>: <c>defaultValidity INTEGER ::= 600</c>.</summary>
    public const int DefaultValidity = 600;

    /// <summary>ASN.1 component <c>actionID</c>.</summary>
    public ActionID ActionID { get; set; }

    /// <summary><c>TimestampIts</c>: INTEGER (0..4398046511103), ms since 2004 (see <see cref="ItsTimestamp"/>).</summary>
    public long DetectionTime { get; set; }

    /// <summary><c>TimestampIts</c>: INTEGER (0..4398046511103), ms since 2004 (see <see cref="ItsTimestamp"/>).</summary>
    public long ReferenceTime { get; set; }

    /// <summary>OPTIONAL <c>termination</c>.</summary>
    public Termination? Termination { get; set; }

    /// <summary>ASN.1 component <c>eventPosition</c>.</summary>
    public ReferencePosition EventPosition { get; set; }

    /// <summary>OPTIONAL <c>relevanceDistance</c>.</summary>
    public RelevanceDistance? RelevanceDistance { get; set; }

    /// <summary>OPTIONAL <c>relevanceTrafficDirection</c>.</summary>
    public RelevanceTrafficDirection? RelevanceTrafficDirection { get; set; }

    /// <summary>
    /// <c>ValidityDuration</c>: INTEGER (0..86400), s, DEFAULT 600. Not encoded when 600 (X.691 clause 11.5
    /// canonical: a DEFAULT value is never encoded); decoded as 600 when absent.
    /// </summary>
    public int ValidityDuration { get; set; } = DefaultValidity;

    /// <summary>OPTIONAL <c>TransmissionInterval</c>: INTEGER (1..10000), ms.</summary>
    public int? TransmissionInterval { get; set; }

    /// <summary><c>StationType</c>: INTEGER (0..255); roadSideUnit = 15.</summary>
    public int StationType { get; set; }

    /// <summary>Takes every component from the values the UPER and JER decoders of both versions share.</summary>
    internal void SetFrom(in ManagementFields fields)
    {
        ActionID = new ActionID { OriginatingStationID = fields.OriginatingStationId, SequenceNumber = fields.SequenceNumber };
        DetectionTime = fields.DetectionTime;
        ReferenceTime = fields.ReferenceTime;
        Termination = fields.Termination;
        EventPosition = fields.EventPosition;
        RelevanceDistance = (RelevanceDistance?)fields.Distance;
        RelevanceTrafficDirection = (RelevanceTrafficDirection?)fields.TrafficDirection;
        ValidityDuration = fields.ValidityDuration;
        TransmissionInterval = fields.TransmissionInterval;
        StationType = fields.StationType;
    }
}

/// <summary>
/// ASN.1 <c>ActionID</c>, TS 102 894-2 v1.3.1 (ITS-Container).
/// </summary>
public struct ActionID
{
    /// <summary><c>StationID</c>: INTEGER (0..4294967295).</summary>
    public uint OriginatingStationID { get; set; }

    /// <summary><c>SequenceNumber</c>: INTEGER (0..65535).</summary>
    public int SequenceNumber { get; set; }
}

/// <summary>ASN.1 <c>RelevanceDistance</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1.</summary>
public enum RelevanceDistance
{
    LessThan50m = 0,
    LessThan100m = 1,
    LessThan200m = 2,
    LessThan500m = 3,
    LessThan1000m = 4,
    LessThan5km = 5,
    LessThan10km = 6,
    Over10km = 7,
}

/// <summary>ASN.1 <c>RelevanceTrafficDirection</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1.</summary>
public enum RelevanceTrafficDirection
{
    AllTrafficDirections = 0,
    UpstreamTraffic = 1,
    DownstreamTraffic = 2,
    OppositeTraffic = 3,
}
