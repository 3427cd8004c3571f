namespace StepProducer.Transport.Redis;

/// <summary>
/// Redis Cluster key slots (Redis Cluster specification, "Keys distribution model" and "Hash tags"):
/// slot = CRC16(key) mod 16384, where only the part between the first <c>{</c> and the next <c>}</c> is hashed
/// when that part is not empty. Every key of one transaction must map to one slot.
/// </summary>
public static class ClusterHashSlots
{
    /// <summary>The cluster has 16384 slots (the spec fixes it; CRC16 mod 16384 uses 14 of the 16 bits).</summary>
    public const int SlotCount = 16384;

    /// <summary>CRC16-CCITT (XMODEM) polynomial x^16 + x^12 + x^5 + 1, the one the cluster spec names.</summary>
    private const ushort Polynomial = 0x1021;

    public static int Slot(string key)
    {
        var hashed = HashedPart(key);
        ushort crc = 0;
        foreach (var character in System.Text.Encoding.UTF8.GetBytes(hashed))
        {
            crc ^= (ushort)(character << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ Polynomial) : (ushort)(crc << 1);
            }
        }

        return crc % SlotCount;
    }

    /// <summary>The part of the key that is hashed: the hash tag when the key has a non-empty one.</summary>
    public static string HashedPart(string key)
    {
        var open = key.IndexOf('{');
        if (open < 0)
        {
            return key;
        }

        var close = key.IndexOf('}', open + 1);
        return close <= open + 1 ? key : key[(open + 1)..close];
    }

    /// <summary>
    /// The rule for a cluster: every key of a batch transaction (inputs, outputs, dead letter, state) in one
    /// slot. Returns null when it holds, else an error naming the keys that differ from the first.
    /// </summary>
    public static string? CheckOneSlot(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return null;
        }

        var expected = Slot(keys[0]);
        var offenders = new List<string>();
        foreach (var key in keys)
        {
            if (Slot(key) != expected)
            {
                offenders.Add($"'{key}' (slot {Slot(key)})");
            }
        }

        return offenders.Count == 0
            ? null
            : $"Redis Cluster: every key of a batch must live in one hash slot, but '{keys[0]}' is in slot {expected} "
                + $"and {string.Join(", ", offenders)} are not; give the input, output and dead-letter stream names "
                + "and redis.stateKeyPrefix one hash tag, for example {station-1234}";
    }
}
