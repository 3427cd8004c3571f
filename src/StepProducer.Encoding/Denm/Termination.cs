namespace StepProducer.Encoding.Denm;

/// <summary>
/// ASN.1 <c>Termination</c> ENUMERATED (not extensible), identical in EN 302 637-3 v1.3.1
/// (DENM-PDU-Descriptions) and TS 103 831 v2.2.1 (DENM-PDU-Description).
/// </summary>
public enum Termination
{
    IsCancellation = 0,
    IsNegation = 1,
}
