namespace StepProducer.Transport.Redis;

/// <summary>Another producer incremented the ownership epoch: this one must stop (exit code 4) and commit nothing.</summary>
public sealed class OwnershipLostException(string prefix, long ownEpoch, long currentEpoch)
    : Exception($"lost ownership of the DEN state under '{prefix}': epoch is {currentEpoch}, this instance had {ownEpoch}")
{
    public long OwnEpoch { get; } = ownEpoch;

    public long CurrentEpoch { get; } = currentEpoch;
}

/// <summary>
/// A command inside a committed transaction failed at run time (for example WRONGTYPE: EXEC does not roll
/// back), or the keys break the Redis Cluster rule: a misconfiguration; the transport stops consuming.
/// </summary>
public sealed class RedisMisconfigurationException(string message, bool isClusterRule = false) : Exception(message)
{
    /// <summary>True when the configured keys break the Redis Cluster one-slot rule (a config error).</summary>
    public bool IsClusterRule { get; } = isClusterRule;
}
