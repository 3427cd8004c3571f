using StepProducer.TestSupport;

namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>
/// The real <c>step_producer</c> program (<see cref="StepProducerBinary"/>) in Redis mode as a child process,
/// with real signals: SIGTERM, SIGKILL (kill -9), SIGSTOP and SIGCONT (see <see cref="DaemonProcess"/>).
/// </summary>
public static class ProducerProcess
{
    /// <summary>How long a test waits for one log line or for the exit before it fails (connects and retries take their time).</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(40);

    public static DaemonProcess Start(string configFile, string? instance = null, IReadOnlyDictionary<string, string>? environment = null) =>
        DaemonProcess.Start(
            StepProducerBinary.Path,
            instance is null ? ["--config", configFile] : ["--config", configFile, "--instance", instance],
            environment,
            waitLimit: WaitLimit);
}
