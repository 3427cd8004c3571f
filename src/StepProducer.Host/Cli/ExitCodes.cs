namespace StepProducer.Host.Cli;

/// <summary>The process exit codes: a contract with systemd units, packaging scripts and operators.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    public const int RuntimeFailure = 1;

    /// <summary>Command-line usage error; the message names the option.</summary>
    public const int Usage = 2;

    /// <summary>Config error; the message names the JSON path and the rule.</summary>
    public const int Config = 3;

    /// <summary>Reserved for the Redis transport: this instance lost ownership of its state.</summary>
    public const int LostRedisOwnership = 4;

    /// <summary>A second SIGINT: 128 + SIGINT (2), the shell convention for "ended by Ctrl+C".</summary>
    public const int Interrupted = 130;
}
