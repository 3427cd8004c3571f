namespace StepProducer.Encoding.Uper;

/// <summary>Encodes a value of an extension addition as a complete encoding of its own (an open type's contents).</summary>
internal delegate void OpenTypeContentWriter<TValue>(ref UperWriter writer, TValue value);

internal ref partial struct UperWriter
{
    /// <summary>
    /// The extension additions of a SEQUENCE whose only addition (index 0) is present (X.691 clause 19.8):
    /// the bitmap length 1 as a normally small length (1 − 1 = 0, clause 11.9.3.4), the bitmap "1", then the
    /// addition as an open type (clause 19.9 → 11.2).
    /// </summary>
    public void WriteSingleExtensionAddition<TValue>(OpenTypeContentWriter<TValue> content, TValue value, string field)
    {
        WriteNormallySmallNumber(0);
        WriteBit(true);
        WriteOpenType(content, value, field);
    }

    /// <summary>As <see cref="WriteSingleExtensionAddition{TValue}"/> for an addition kept as raw open-type octets.</summary>
    public void WriteSingleExtensionAddition(scoped ReadOnlySpan<byte> openTypeContents, string field)
    {
        if (openTypeContents.IsEmpty)
        {
            UperErrors.ThrowEncode(_path.Format(field), "an open type holds at least 1 octet (X.691 clause 11.2)");
        }

        WriteNormallySmallNumber(0);
        WriteBit(true);
        WriteLengthDeterminant(openTypeContents.Length, field);
        WriteOctets(openTypeContents);
    }

    /// <summary>
    /// An open type (X.691 clause 11.2): the value's complete encoding, padded to whole octets (clause
    /// 10.1.3), after a general length determinant in octets. The length is measured by a first pass into
    /// no memory, so the value is encoded straight into this writer, without a scratch buffer.
    /// </summary>
    public void WriteOpenType<TValue>(OpenTypeContentWriter<TValue> content, TValue value, string field)
    {
        var measure = new UperWriter(Span<byte>.Empty, ref _path);
        content(ref measure, value);
        var octets = measure.Complete();
        WriteLengthDeterminant(octets, field);
        var start = BitCount;
        content(ref this, value);
        WriteBits(0, (int)((octets * 8L) - (BitCount - start)));
    }
}
