using System.Runtime.CompilerServices;
using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm;

/// <summary>
/// The values of a ManagementContainer of either version (EN 302 637-3 v1.3.1 / TS 103 831 v2.2.1): the
/// same components and constraints, under other names (actionID/actionId, relevanceDistance/
/// awarenessDistance, relevanceTrafficDirection/trafficDirection). The decoders of both encodings copy them into
/// the model with its ManagementContainer.SetFrom. The encoders spell the copy out of the model in their own
/// WriteManagement: built by a shared method instead, the typical UPER encode went from 137 to 180-185 ns
/// (measured twice; the JIT no longer keeps the locally built copy out of memory).
/// </summary>
internal struct ManagementFields
{
    public uint OriginatingStationId;
    public int SequenceNumber;
    public long DetectionTime;
    public long ReferenceTime;
    public Termination? Termination;
    public ReferencePosition EventPosition;
    public int? Distance;
    public int? TrafficDirection;
    public int ValidityDuration;
    public int? TransmissionInterval;
    public int StationType;
}

/// <summary>The identifiers by which the two versions name the ManagementContainer components that differ.</summary>
internal interface IManagementIdentifiers
{
    static abstract string ActionId { get; }

    static abstract string OriginatingStationId { get; }

    static abstract string Distance { get; }

    static abstract string DistanceType { get; }

    static abstract string TrafficDirection { get; }

    static abstract string TrafficDirectionType { get; }
}

/// <summary>
/// UPER of ManagementContainer (extensible, no known additions in either version): extension bit, 5 presence
/// bits (termination, the distance, the direction, validityDuration DEFAULT 600, transmissionInterval), then
/// the components in ASN.1 order.
/// </summary>
internal static class ManagementUper<TNames>
    where TNames : IManagementIdentifiers
{
    // defaultValidity INTEGER ::= 600 in both DENM modules.
    private const int DefaultValidity = 600;

    // ValidityDuration / DeltaTimeSecond (0..86400); TransmissionInterval / DeltaTimeMilliSecondPositive (1..10000).
    private const int ValidityDurationMax = 86_400;
    private const int TransmissionIntervalMax = 10_000;

    // ENUMERATED root counts: Termination 2; RelevanceDistance / StandardLength3b 8;
    // RelevanceTrafficDirection / TrafficDirection 4. None is extensible.
    private const int TerminationCount = 2;
    private const int DistanceCount = 8;
    private const int TrafficDirectionCount = 4;

    public static void Write(ref UperWriter writer, in ManagementFields management)
    {
        // About 20 fields: they go through a copy of the writer whose calls all inline, so that the bit
        // accumulator stays in registers (see UperWriter).
        var local = writer;
        local.Path.Push("management");

        // X.691 clause 19.5 (canonical): a DEFAULT value is not encoded, its presence bit is 0.
        var hasValidityDuration = management.ValidityDuration != DefaultValidity;

        // The extension bit (0: no additions) and the 5 presence bits in one write.
        local.WriteBits(
            (management.Termination.HasValue ? 1UL << 4 : 0)
            | (management.Distance.HasValue ? 1UL << 3 : 0)
            | (management.TrafficDirection.HasValue ? 1UL << 2 : 0)
            | (hasValidityDuration ? 1UL << 1 : 0)
            | (management.TransmissionInterval.HasValue ? 1UL : 0),
            6);
        WriteActionId(ref local, management.OriginatingStationId, management.SequenceNumber);
        local.WriteConstrainedInteger(management.DetectionTime, 0, ItsTimestamp.MaxValue, "detectionTime");
        local.WriteConstrainedInteger(management.ReferenceTime, 0, ItsTimestamp.MaxValue, "referenceTime");
        if (management.Termination is { } termination)
        {
            local.WriteEnumerated((int)termination, TerminationCount, "termination", "Termination");
        }

        CddUper.WriteReferencePosition(ref local, management.EventPosition, "eventPosition");
        if (management.Distance is { } distance)
        {
            local.WriteEnumerated(distance, DistanceCount, TNames.Distance, TNames.DistanceType);
        }

        if (management.TrafficDirection is { } direction)
        {
            local.WriteEnumerated(direction, TrafficDirectionCount, TNames.TrafficDirection, TNames.TrafficDirectionType);
        }

        if (hasValidityDuration)
        {
            local.WriteConstrainedInteger(management.ValidityDuration, 0, ValidityDurationMax, "validityDuration");
        }

        if (management.TransmissionInterval is { } interval)
        {
            local.WriteConstrainedInteger(interval, 1, TransmissionIntervalMax, "transmissionInterval");
        }

        local.WriteConstrainedInteger(management.StationType, 0, CddUper.OctetMax, "stationType");
        local.Path.Pop();
        writer = local;
    }

    public static ManagementFields Read(ref UperReader reader)
    {
        // As Write: a copy of the reader whose calls all inline keeps its state in registers.
        var local = reader;
        local.Path.Push("management");
        var extended = local.ReadBit("");
        var hasTermination = local.ReadBit("");
        var hasDistance = local.ReadBit("");
        var hasDirection = local.ReadBit("");
        var hasValidityDuration = local.ReadBit("");
        var hasInterval = local.ReadBit("");
        var management = default(ManagementFields);
        (management.OriginatingStationId, management.SequenceNumber) = ReadActionId(ref local);
        management.DetectionTime = local.ReadConstrainedInteger(0, ItsTimestamp.MaxValue, "detectionTime");
        management.ReferenceTime = local.ReadConstrainedInteger(0, ItsTimestamp.MaxValue, "referenceTime");
        management.Termination = hasTermination ? (Termination)local.ReadEnumerated(TerminationCount, "termination") : null;
        management.EventPosition = CddUper.ReadReferencePosition(ref local, "eventPosition");
        management.Distance = hasDistance ? local.ReadEnumerated(DistanceCount, TNames.Distance) : null;
        management.TrafficDirection = hasDirection ? local.ReadEnumerated(TrafficDirectionCount, TNames.TrafficDirection) : null;
        management.ValidityDuration = hasValidityDuration
            ? (int)local.ReadConstrainedInteger(0, ValidityDurationMax, "validityDuration")
            : DefaultValidity;
        management.TransmissionInterval = hasInterval ? (int)local.ReadConstrainedInteger(1, TransmissionIntervalMax, "transmissionInterval") : null;
        management.StationType = (int)local.ReadConstrainedInteger(0, CddUper.OctetMax, "stationType");
        reader = local;
        CddUper.SkipAllAdditions(ref reader, extended);
        reader.Path.Pop();
        return management;
    }

    /// <summary>ActionID (v1.3.1) / ActionId (v2.2.1): StationID (0..4294967295), SequenceNumber (0..65535).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteActionId(ref UperWriter writer, uint originatingStationId, int sequenceNumber, string? identifier = null)
    {
        writer.Path.Push(identifier ?? TNames.ActionId);
        writer.WriteConstrainedInteger(originatingStationId, 0, CddUper.StationIdMax, TNames.OriginatingStationId);
        writer.WriteConstrainedInteger(sequenceNumber, 0, CddUper.SequenceNumberMax, "sequenceNumber");
        writer.Path.Pop();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (uint OriginatingStationId, int SequenceNumber) ReadActionId(ref UperReader reader, string? identifier = null)
    {
        reader.Path.Push(identifier ?? TNames.ActionId);
        var station = (uint)reader.ReadConstrainedInteger(0, CddUper.StationIdMax, TNames.OriginatingStationId);
        var value = (station, (int)reader.ReadConstrainedInteger(0, CddUper.SequenceNumberMax, "sequenceNumber"));
        reader.Path.Pop();
        return value;
    }
}
