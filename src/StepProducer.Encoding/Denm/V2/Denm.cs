using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Denm.V2;

/// <summary>
/// ASN.1 <c>DENM</c> PDU, TS 103 831 v2.2.1 (DENM-PDU-Description, major-version-2 minor-version-2).
/// The header is constrained to protocolVersion (2) and messageId (denm = 1).
/// </summary>
public sealed class Denm
{
    /// <summary>The only <c>protocolVersion</c> TS 103 831 v2.2.1 allows in the header.</summary>
    public const int ProtocolVersion = 2;

    /// <summary>The only <c>messageId</c> TS 103 831 v2.2.1 allows in the header: <c>denm (1)</c>.</summary>
    public const int MessageId = 1;

    /// <summary>ASN.1 component <c>header</c>.</summary>
    public ItsPduHeader Header { get; set; } = new() { ProtocolVersion = ProtocolVersion, MessageId = MessageId };

    /// <summary>ASN.1 component <c>denm</c> (renamed: C# forbids a member named like its enclosing type).</summary>
    public DenmPayload Payload { get; set; } = new();
}

/// <summary>
/// ASN.1 <c>ItsPduHeader</c>, TS 102 894-2 v2.2.1 (ETSI-ITS-CDD).
/// </summary>
public struct ItsPduHeader
{
    /// <summary><c>OrdinalNumber1B</c>: INTEGER (0..255); TS 103 831 v2.2.1 requires 2.</summary>
    public int ProtocolVersion { get; set; }

    /// <summary><c>MessageId</c>: INTEGER (0..255); TS 103 831 v2.2.1 requires denm (1).</summary>
    public int MessageId { get; set; }

    /// <summary><c>StationId</c>: INTEGER (0..4294967295).</summary>
    public uint StationId { get; set; }
}

/// <summary>
/// ASN.1 <c>DenmPayload</c> SEQUENCE (not extensible), TS 103 831 v2.2.1, with its constraint: with
/// <c>management.termination</c> present only <c>management</c> may be present; without it,
/// <c>situation</c> and <c>location</c> are required.
/// </summary>
public sealed class DenmPayload
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
/// ASN.1 <c>ManagementContainer</c> SEQUENCE (extensible, no known additions), TS 103 831 v2.2.1.
/// </summary>
public sealed class ManagementContainer
{
    /// <summary>The DEFAULT of <c>validityDuration</c>: <c>defaultValidity INTEGER ::= 600</c>.</summary>
    public const int DefaultValidity = 600;

    /// <summary>ASN.1 component <c>actionId</c>.</summary>
    public ActionId ActionId { get; set; }

    /// <summary><c>TimestampIts</c>: INTEGER (0..4398046511103), ms since 2004 (see <see cref="ItsTimestamp"/>).</summary>
    public long DetectionTime { get; set; }

    /// <summary><c>TimestampIts</c>: INTEGER (0..4398046511103), ms since 2004 (see <see cref="ItsTimestamp"/>).</summary>
    public long ReferenceTime { get; set; }

    /// <summary>OPTIONAL <c>termination</c>.</summary>
    public Termination? Termination { get; set; }

    /// <summary>ASN.1 component <c>eventPosition</c>.</summary>
    public ReferencePosition EventPosition { get; set; }

    /// <summary>OPTIONAL <c>awarenessDistance</c>.</summary>
    public StandardLength3b? AwarenessDistance { get; set; }

    /// <summary>OPTIONAL <c>trafficDirection</c>.</summary>
    public TrafficDirection? TrafficDirection { get; set; }

    /// <summary>
    /// <c>DeltaTimeSecond</c>: INTEGER (0..86400), s, DEFAULT 600. Not encoded when 600 (X.691 clause 11.5
    /// canonical: a DEFAULT value is never encoded); decoded as 600 when absent.
    /// </summary>
    public int ValidityDuration { get; set; } = DefaultValidity;

    /// <summary>OPTIONAL <c>DeltaTimeMilliSecondPositive</c>: INTEGER (1..10000), ms.</summary>
    public int? TransmissionInterval { get; set; }

    /// <summary><c>StationType</c>: INTEGER (0..255); roadSideUnit = 15.</summary>
    public int StationType { get; set; }

    /// <summary>Takes every component from the values the UPER and JER decoders of both versions share.</summary>
    internal void SetFrom(in ManagementFields fields)
    {
        ActionId = new ActionId { OriginatingStationId = fields.OriginatingStationId, SequenceNumber = fields.SequenceNumber };
        DetectionTime = fields.DetectionTime;
        ReferenceTime = fields.ReferenceTime;
        Termination = fields.Termination;
        EventPosition = fields.EventPosition;
        AwarenessDistance = (StandardLength3b?)fields.Distance;
        TrafficDirection = (TrafficDirection?)fields.TrafficDirection;
        ValidityDuration = fields.ValidityDuration;
        TransmissionInterval = fields.TransmissionInterval;
        StationType = fields.StationType;
    }
}

/// <summary>
/// ASN.1 <c>ActionId</c>, TS 102 894-2 v2.2.1 (ETSI-ITS-CDD). <c>ActionIdList</c> is
/// SEQUENCE (SIZE(1..8, ...)) OF ActionId, a <see cref="List{ActionId}"/>.
/// </summary>
public struct ActionId
{
    /// <summary><c>StationId</c>: INTEGER (0..4294967295).</summary>
    public uint OriginatingStationId { get; set; }

    /// <summary><c>SequenceNumber</c>: INTEGER (0..65535).</summary>
    public int SequenceNumber { get; set; }
}

/// <summary>ASN.1 <c>StandardLength3b</c> ENUMERATED (not extensible), TS 102 894-2 v2.2.1.</summary>
public enum StandardLength3b
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

/// <summary>
/// ASN.1 <c>TrafficDirection</c> ENUMERATED (not extensible), TS 102 894-2 v2.2.1. Member names are the
/// ASN.1 identifiers with '-' written as '_'.
/// </summary>
public enum TrafficDirection
{
    AllTrafficDirections = 0,
    SameAsReferenceDirection_UpstreamOfReferencePosition = 1,
    SameAsReferenceDirection_DownstreamOfReferencePosition = 2,
    OppositeToReferenceDirection = 3,
}
