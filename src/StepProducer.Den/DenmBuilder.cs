using System.Diagnostics.CodeAnalysis;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Den;

/// <summary>The fields of a received DENM that the reception rules and a negation use.</summary>
internal struct ReceivedFields
{
    public uint HeaderStationId;
    public ActionId ActionId;
    public long DetectionTime;
    public long ReferenceTime;
    public ReferencePosition EventPosition;
    public int ValidityDurationS;

    /// <summary>-1 = absent, else <see cref="Termination"/>.</summary>
    public sbyte Termination;
}

/// <summary>
/// Builds the DENM of a stored entry into one reused model instance per version and encodes it with the
/// codec of the configured version (den.asn1). Reusing the models, their containers and the one empty trace
/// keeps building and encoding free of allocations.
/// </summary>
internal sealed class DenmBuilder
{
    /// <summary>CauseCodeType collisionRisk (97), CDD TS 102 894-2 v1.3.1 and v2.2.1.</summary>
    public const int CollisionRiskCauseCode = 97;

    /// <summary>StationType roadSideUnit (15), CDD TS 102 894-2 v1.3.1 and v2.2.1.</summary>
    public const int RoadSideUnitStationType = 15;

    /// <summary>CollisionRiskSubCauseCode vulnerableRoadUser (4), CDD v1.3.1: where v1 puts pedestrian and cyclist.</summary>
    private const int V1VulnerableRoadUserSubCause = 4;

    /// <summary>CollisionRiskSubCauseCode unavailable (0), CDD v1.3.1: v1 has no motorVehicle (7, added in CDD v2.2.1).</summary>
    private const int V1UnavailableSubCause = 0;

    private readonly DenOptions _options;
    private readonly V1.SituationContainer _v1Situation = new();
    private readonly V1.LocationContainer _v1Location = new() { Traces = [[]] };
    private readonly V2.SituationContainer _v2Situation = new();
    private readonly V2.LocationContainer _v2Location = new() { DetectionZonesToEventPosition = [[]] };
    private readonly V1.Denm _v1Received = new();
    private readonly V2.Denm _v2Received = new();

    public DenmBuilder(DenOptions options)
    {
        _options = options;
        ModelV1.Header = new V1.ItsPduHeader
        {
            // Both versions carry protocolVersion 2 (EN 302 637-3 v1.3.1 as deployed; TS 103 831 requires 2).
            ProtocolVersion = V2.Denm.ProtocolVersion,
            MessageID = V2.Denm.MessageId,
            StationID = options.StationId,
        };
        ModelV2.Header = new V2.ItsPduHeader
        {
            ProtocolVersion = V2.Denm.ProtocolVersion,
            MessageId = V2.Denm.MessageId,
            StationId = options.StationId,
        };
    }

    /// <summary>The last DENM built when den.asn1 = v1; read-only for the sink during its call.</summary>
    public V1.Denm ModelV1 { get; } = new();

    /// <summary>The last DENM built when den.asn1 = v2; read-only for the sink during its call.</summary>
    public V2.Denm ModelV2 { get; } = new();

    /// <summary>The subCauseCode of a risk class in the configured version (v1 maps 5/6/7 to 4/4/0).</summary>
    public static int SubCauseCode(CollisionRisk risk, Asn1Version version) => version == Asn1Version.V2
        ? (int)risk
        : risk switch
        {
            CollisionRisk.Pedestrian or CollisionRisk.Cyclist => V1VulnerableRoadUserSubCause,
            CollisionRisk.MotorVehicle => V1UnavailableSubCause,
            _ => (int)risk,
        };

    /// <summary>Builds the model for <paramref name="content"/> and encodes it; returns the UPER length.</summary>
    /// <exception cref="DenmEncodeException">A value broke a constraint (the service validates inputs first).</exception>
    public int BuildAndEncode(ActionId actionId, in DenmContent content, Span<byte> destination)
    {
        bool written;
        int length;
        if (_options.Asn1 == Asn1Version.V2)
        {
            BuildV2(actionId, content);
            written = DenmV2Codec.TryEncode(ModelV2, destination, out length);
        }
        else
        {
            BuildV1(actionId, content);
            written = DenmV1Codec.TryEncode(ModelV1, destination, out length);
        }

        if (!written)
        {
            throw new DenmEncodeException("denm", $"the encoding does not fit the {destination.Length}-byte entry slot");
        }

        return length;
    }

    /// <summary>Rebuilds the model of a stored DENM without encoding it (a repeat re-sends the stored bytes).</summary>
    public void Build(ActionId actionId, in DenmContent content)
    {
        if (_options.Asn1 == Asn1Version.V2)
        {
            BuildV2(actionId, content);
        }
        else
        {
            BuildV1(actionId, content);
        }
    }

    /// <summary>
    /// Decodes a received DENM of the configured version into a reused model and extracts its fields; false
    /// with the codec's error (field path and rule) when the bytes are not a valid DENM of that version.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> uper, out ReceivedFields fields, [NotNullWhen(false)] out DenmDecodeException? error)
    {
        fields = default;
        if (_options.Asn1 == Asn1Version.V2)
        {
            if (!DenmV2Codec.TryDecode(uper, _v2Received, out error))
            {
                return false;
            }

            var management = _v2Received.Payload.Management;
            fields.HeaderStationId = _v2Received.Header.StationId;
            fields.ActionId = new ActionId(management.ActionId.OriginatingStationId, (ushort)management.ActionId.SequenceNumber);
            fields.DetectionTime = management.DetectionTime;
            fields.ReferenceTime = management.ReferenceTime;
            fields.EventPosition = management.EventPosition;
            fields.ValidityDurationS = management.ValidityDuration;
            fields.Termination = management.Termination is { } termination ? (sbyte)termination : (sbyte)-1;
        }
        else
        {
            if (!DenmV1Codec.TryDecode(uper, _v1Received, out error))
            {
                return false;
            }

            var management = _v1Received.Payload.Management;
            fields.HeaderStationId = _v1Received.Header.StationID;
            fields.ActionId = new ActionId(management.ActionID.OriginatingStationID, (ushort)management.ActionID.SequenceNumber);
            fields.DetectionTime = management.DetectionTime;
            fields.ReferenceTime = management.ReferenceTime;
            fields.EventPosition = management.EventPosition;
            fields.ValidityDurationS = management.ValidityDuration;
            fields.Termination = management.Termination is { } termination ? (sbyte)termination : (sbyte)-1;
        }

        return true;
    }

    private void BuildV2(ActionId actionId, in DenmContent content)
    {
        var payload = ModelV2.Payload;
        var management = payload.Management;
        management.ActionId = new V2.ActionId { OriginatingStationId = actionId.OriginatingStationId, SequenceNumber = actionId.SequenceNumber };
        management.DetectionTime = content.DetectionTime;
        management.ReferenceTime = content.ReferenceTime;
        management.Termination = content.Termination < 0 ? null : (Termination)content.Termination;
        management.EventPosition = content.EventPosition;
        management.AwarenessDistance = (V2.StandardLength3b)_options.RelevanceDistance;
        management.TrafficDirection = (V2.TrafficDirection)_options.RelevanceTrafficDirection;
        management.ValidityDuration = content.ValidityDurationS;
        management.TransmissionInterval = content.TransmissionIntervalMs == 0 ? null : content.TransmissionIntervalMs;
        management.StationType = RoadSideUnitStationType;
        if (content.Termination >= 0)
        {
            // TS 103 831 v2.2.1 DenmPayload: with termination present, only the management container.
            payload.Situation = null;
            payload.Location = null;
        }
        else
        {
            _v2Situation.InformationQuality = content.InformationQuality;
            _v2Situation.EventType = new V2.CauseCodeV2 { CauseCode = CollisionRiskCauseCode, SubCauseCode = SubCauseCode(content.Risk, Asn1Version.V2) };
            payload.Situation = _v2Situation;

            // Without termination the location container is mandatory, with at least one (here empty) trace.
            payload.Location = _v2Location;
        }

        payload.Alacarte = null;
    }

    private void BuildV1(ActionId actionId, in DenmContent content)
    {
        var payload = ModelV1.Payload;
        var management = payload.Management;
        management.ActionID = new V1.ActionID { OriginatingStationID = actionId.OriginatingStationId, SequenceNumber = actionId.SequenceNumber };
        management.DetectionTime = content.DetectionTime;
        management.ReferenceTime = content.ReferenceTime;
        management.Termination = content.Termination < 0 ? null : (Termination)content.Termination;
        management.EventPosition = content.EventPosition;
        management.RelevanceDistance = (V1.RelevanceDistance)_options.RelevanceDistance;
        management.RelevanceTrafficDirection = (V1.RelevanceTrafficDirection)_options.RelevanceTrafficDirection;
        management.ValidityDuration = content.ValidityDurationS;
        management.TransmissionInterval = content.TransmissionIntervalMs == 0 ? null : content.TransmissionIntervalMs;
        management.StationType = RoadSideUnitStationType;
        if (content.Termination >= 0)
        {
            // EN 302 637-3 v1.3.1 states the same rule in prose: a termination DENM has only the management container.
            payload.Situation = null;
            payload.Location = null;
        }
        else
        {
            _v1Situation.InformationQuality = content.InformationQuality;
            _v1Situation.EventType = new V1.CauseCode { CauseCodeType = CollisionRiskCauseCode, SubCauseCode = SubCauseCode(content.Risk, Asn1Version.V1) };
            payload.Situation = _v1Situation;
            payload.Location = _v1Location;
        }

        payload.Alacarte = null;
    }
}
