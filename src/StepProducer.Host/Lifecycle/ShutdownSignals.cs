using System.Runtime.InteropServices;

namespace StepProducer.Host.Lifecycle;

/// <summary>
/// SIGTERM and SIGINT request a graceful stop (the <see cref="Token"/> is cancelled). A second SIGINT
/// calls the second-interrupt callback and exits at once with code 130.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration terminate;
    private readonly PosixSignalRegistration interrupt;
    private readonly Action<string> onStopRequested;
    private readonly Action onSecondInterrupt;
    private int interrupts;

    public ShutdownSignals(Action<string> onStopRequested, Action onSecondInterrupt)
    {
        this.onStopRequested = onStopRequested;
        this.onSecondInterrupt = onSecondInterrupt;
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
    }

    public CancellationToken Token => stop.Token;

    public void Dispose()
    {
        terminate.Dispose();
        interrupt.Dispose();
        stop.Dispose();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true;
        RequestStop("SIGTERM");
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref interrupts) > 1)
        {
            onSecondInterrupt();
            Environment.Exit(Cli.ExitCodes.Interrupted);
        }

        RequestStop("SIGINT");
    }

    private void RequestStop(string signal)
    {
        if (!stop.IsCancellationRequested)
        {
            onStopRequested(signal);
            stop.Cancel();
        }
    }
}
