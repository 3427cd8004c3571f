namespace StepProducer.Encoding.Denm;

/// <summary>
/// A DENM that cannot be encoded or decoded. <see cref="Message"/> is <c>"&lt;FieldPath&gt;: &lt;Rule&gt;"</c>,
/// e.g. <c>management.eventPosition.latitude: 900000002 outside -900000000..900000001</c>.
/// </summary>
public abstract class DenmCodecException : Exception
{
    private protected DenmCodecException(string fieldPath, string rule)
    {
        FieldPath = fieldPath;
        Rule = rule;
    }

    /// <summary>
    /// ASN.1 component identifiers from the PDU down to the offending value, joined with '.' (a SEQUENCE OF
    /// element adds <c>[index]</c>), e.g. <c>management.eventPosition.latitude</c>.
    /// </summary>
    public string FieldPath { get; }

    /// <summary>The rule that was broken, e.g. <c>900000002 outside -900000000..900000001</c>.</summary>
    public string Rule { get; }

    /// <inheritdoc/>
    public override string Message => $"{FieldPath}: {Rule}";
}

/// <summary>A model value that breaks an ASN.1 constraint or a rule of the DENM module, found on encode.</summary>
public sealed class DenmEncodeException : DenmCodecException
{
    public DenmEncodeException(string fieldPath, string rule)
        : base(fieldPath, rule)
    {
    }
}

/// <summary>UPER input that is not a valid DENM of the module version being decoded.</summary>
public sealed class DenmDecodeException : DenmCodecException
{
    public DenmDecodeException(string fieldPath, string rule, long bitOffset)
        : base(fieldPath, rule)
    {
        BitOffset = bitOffset;
    }

    /// <summary>Bit offset from the start of the input where the offending item starts.</summary>
    public long BitOffset { get; }

    /// <inheritdoc/>
    public override string Message => $"{FieldPath}: {Rule} (at bit {BitOffset})";
}
