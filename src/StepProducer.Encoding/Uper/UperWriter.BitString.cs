namespace StepProducer.Encoding.Uper;

internal ref partial struct UperWriter
{
    /// <summary>
    /// BIT STRING (SIZE(n)), n ≤ 32 here: the n bits and no length (X.691 clauses 16.9 and 16.10; UNALIGNED
    /// adds no octet alignment). The value holds ASN.1 bit 0 in the most significant of its n bits.
    /// </summary>
    public void WriteFixedSizeBitString(uint bits, int size, string field)
    {
        if (size < 32 && bits >> size != 0)
        {
            UperErrors.ThrowEncode(_path.Format(field), $"0x{bits:X} has bits beyond the {size} of the BIT STRING");
        }

        WriteBits(bits, size);
    }

    /// <summary>
    /// BIT STRING (SIZE(lb..ub)), ub ≤ 32 here: the length as a constrained whole number (X.691 clause 16.11
    /// → 11.9.4.1), then the bits.
    /// </summary>
    public void WriteVariableSizeBitString(uint bits, int length, int minSize, int maxSize, string field)
    {
        WriteConstrainedLength(length, minSize, maxSize, field);
        WriteFixedSizeBitString(bits, length, field);
    }
}
