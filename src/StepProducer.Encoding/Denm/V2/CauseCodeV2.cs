namespace StepProducer.Encoding.Denm.V2;

/// <summary>
/// ASN.1 <c>CauseCodeV2</c> SEQUENCE {ccAndScc CauseCodeChoice, ...} (extensible, no known additions),
/// TS 102 894-2 v2.2.1 (ETSI-ITS-CDD). <c>CauseCodeChoice</c> is a CHOICE (not extensible) of 129
/// alternatives whose index is the cause code and whose value is the sub cause code.
/// </summary>
public struct CauseCodeV2
{
    /// <summary>Highest <c>CauseCodeChoice</c> alternative index: reserved128.</summary>
    public const int MaxCauseCode = 128;

    /// <summary>The <c>CauseCodeChoice</c> alternative index 0..128, equal to the cause code (collisionRisk97 = 97).</summary>
    public int CauseCode { get; set; }

    /// <summary>The chosen alternative's value, a <c>SubCauseCodeType</c>-like INTEGER (0..255).</summary>
    public int SubCauseCode { get; set; }
}
