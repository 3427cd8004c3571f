namespace StepProducer.Encoding.Uper;

internal ref partial struct UperReader
{
    /// <summary>
    /// The extension-addition bitmap of a SEQUENCE whose extension bit is 1 (X.691 clause 19.8): a normally
    /// small length n (encoded as n − 1) and n presence bits. Returns n and the bits, addition 0 in the
    /// most significant of the n bits.
    /// </summary>
    public int ReadExtensionBitmap(out ulong presence, string field)
    {
        var count = ReadNormallySmallNumber(field) + 1;

        // At most 64 bits (count ≤ 63 + 1); ReadBits takes at most 56 at once, so read in two parts.
        var high = count > 32 ? count - 32 : 0;
        presence = (ReadBits(high, field) << (count - high)) | ReadBits(count - high, field);
        return count;
    }

    /// <summary>True when addition <paramref name="index"/> of a bitmap of <paramref name="count"/> bits is present.</summary>
    public static bool IsAdditionPresent(ulong presence, int count, int index) =>
        ((presence >> (count - 1 - index)) & 1) != 0;

    /// <summary>Reads an open type's length determinant (X.691 clause 11.2) and returns its end bit offset.</summary>
    public long ReadOpenTypeStart(string field)
    {
        var start = _bitPosition;
        var octets = ReadLengthDeterminant(field);
        if (octets == 0)
        {
            UperErrors.ThrowDecode(_path.Format(field), "open type of 0 octets (X.691 clause 11.2 requires at least 1)", start);
        }

        var end = _bitPosition + (octets * 8L);
        if (end > BitLength)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"open type of {octets} octets runs past the end of the input", start);
        }

        return end;
    }

    /// <summary>Ends an open type decoded in place: its value must not have run past the length; the rest is padding.</summary>
    public void ReadOpenTypeEnd(long end, string field)
    {
        if (_bitPosition > end)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"value runs {_bitPosition - end} bits past its open type", end);
        }

        _bitPosition = end;
    }

    /// <summary>
    /// Reads an open type whole, as raw octets (an extension addition kept undecoded). Reuses
    /// <paramref name="current"/> when it has the same length, so a reused model allocates nothing.
    /// </summary>
    public byte[] ReadOpenTypeOctets(byte[]? current, string field)
    {
        var end = ReadOpenTypeStart(field);
        var octets = (int)((end - _bitPosition) / 8);
        var contents = current is not null && current.Length == octets ? current : new byte[octets];
        ReadOctets(contents, field);
        return contents;
    }

    /// <summary>
    /// The additions of a SEQUENCE whose first addition is a group kept as raw octets: returns the group's
    /// octets, or null when the extension bit is 0 or the group is absent; unknown additions are skipped.
    /// </summary>
    public byte[]? ReadRawFirstAddition(bool extended, byte[]? current, string field)
    {
        if (!extended)
        {
            return null;
        }

        var count = ReadExtensionBitmap(out var presence, field);
        var group = IsAdditionPresent(presence, count, 0) ? ReadOpenTypeOctets(current, field) : null;
        SkipUnknownAdditions(presence, count, 1, field);
        return group;
    }

    /// <summary>Skips an extension addition this version does not know (X.691 clause 19: its open type).</summary>
    public void SkipOpenType(string field) => _bitPosition = ReadOpenTypeStart(field);

    /// <summary>Reads the additions after the known ones: each one present is skipped by its length.</summary>
    public void SkipUnknownAdditions(ulong presence, int count, int knownCount, string field)
    {
        for (var index = knownCount; index < count; index++)
        {
            if (IsAdditionPresent(presence, count, index))
            {
                SkipOpenType(field);
            }
        }
    }
}
