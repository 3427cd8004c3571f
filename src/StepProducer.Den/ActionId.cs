namespace StepProducer.Den;

/// <summary>
/// ActionID (EN 302 637-3 v1.3.1) / ActionId (TS 103 831 v2.2.1): the originating station and a
/// sequence number that together name one event for its whole life.
/// </summary>
public readonly record struct ActionId(uint OriginatingStationId, ushort SequenceNumber)
{
    public override string ToString() => $"{OriginatingStationId}/{SequenceNumber}";
}
