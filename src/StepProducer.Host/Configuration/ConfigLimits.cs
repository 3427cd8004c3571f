namespace StepProducer.Host.Configuration;

/// <summary>
/// The numeric bounds of the configuration, in one place: the validator checks them and the schema
/// generator publishes them (through <see cref="ConfigRangeAttribute"/>), so the two cannot disagree.
/// </summary>
internal static class ConfigLimits
{
    /// <summary>StationID ::= INTEGER (0..4294967295), ETSI TS 102 894-2 (CDD) v2.2.1.</summary>
    public const long StationIdMin = 0;

    /// <inheritdoc cref="StationIdMin"/>
    public const long StationIdMax = uint.MaxValue;

    /// <summary>A connect or drain longer than 5 minutes is a misconfiguration, not a wait.</summary>
    public const long TimeoutMinS = 1;

    /// <inheritdoc cref="TimeoutMinS"/>
    public const long TimeoutMaxS = 300;

    /// <summary>TCP port numbers (RFC 793: 16-bit; 0 is not a connectable port).</summary>
    public const long PortMin = 1;

    /// <inheritdoc cref="PortMin"/>
    public const long PortMax = 65535;

    /// <summary>Redis logical database index; the upper bound is the server's `databases` setting, unknown here.</summary>
    public const long DatabaseMin = 0;

    /// <inheritdoc cref="DatabaseMin"/>
    public const long DatabaseMax = int.MaxValue;

    /// <summary>Reconnect back-off: at least 1 ms, at most 1 hour between tries.</summary>
    public const long RetryIntervalMinMs = 1;

    /// <inheritdoc cref="RetryIntervalMinMs"/>
    public const long RetryIntervalMaxMs = 3_600_000;

    /// <summary>XREADGROUP COUNT per poll: 1..1000 keeps one batch well under a second of work.</summary>
    public const long BatchSizeMin = 1;

    /// <inheritdoc cref="BatchSizeMin"/>
    public const long BatchSizeMax = 1000;

    /// <summary>
    /// Largest stream entry accepted: 1 KiB still holds a one-collision event (about 400 bytes), and
    /// 16 MiB bounds the memory one oversized entry can take.
    /// </summary>
    public const long MaxEntryBytesMin = 1024;

    /// <inheritdoc cref="MaxEntryBytesMin"/>
    public const long MaxEntryBytesMax = 16 * 1024 * 1024;

    /// <summary>XADD MAXLEN ~ bound of an output or dead-letter stream (0 = unbounded).</summary>
    public const long StreamMaxLengthMin = 0;

    /// <inheritdoc cref="StreamMaxLengthMin"/>
    public const long StreamMaxLengthMax = int.MaxValue;

    /// <summary>XAUTOCLAIM min-idle-time: pending entries idle this long are taken over (1 s .. 1 day).</summary>
    public const long ClaimIdleMinMs = 1000;

    /// <inheritdoc cref="ClaimIdleMinMs"/>
    public const long ClaimIdleMaxMs = 86_400_000;

    /// <summary>Stream counts: at least one, and a small bound since each input is polled every cycle.</summary>
    public const int StreamsMin = 1;

    /// <inheritdoc cref="StreamsMin"/>
    public const int StreamsMax = 16;

    /// <summary>Rolling log file size: 1 MiB .. 1 GiB per file.</summary>
    public const long MaxSizeMbMin = 1;

    /// <inheritdoc cref="MaxSizeMbMin"/>
    public const long MaxSizeMbMax = 1024;

    /// <summary>Rolled log files kept: 1 .. 100.</summary>
    public const long MaxFilesMin = 1;

    /// <inheritdoc cref="MaxFilesMin"/>
    public const long MaxFilesMax = 100;

    /// <summary>Log handlers: one console and a few files are the realistic maximum.</summary>
    public const int HandlersMax = 8;
}
