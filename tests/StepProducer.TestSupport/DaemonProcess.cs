using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StepProducer.TestSupport;

/// <summary>
/// A long-running child process (the daemon, possibly under qemu): the test writes its stdin, reads its
/// stdout and stderr lines while it runs, sends it real signals with libc kill(2) and waits for its exit.
/// Every wait is bounded by <see cref="WaitLimit"/> unless the call names another limit. Killed on dispose
/// if it is still running.
/// </summary>
public sealed partial class DaemonProcess : IDisposable
{
    /// <summary>
    /// How long <see cref="WaitForLogAsync"/> and <see cref="WaitForExitAsync"/> wait when not told otherwise:
    /// far above a start or a drain on a loaded 2-core CI machine (seconds), and still a prompt failure for
    /// a child that hangs.
    /// </summary>
    public static readonly TimeSpan DefaultWaitLimit = TimeSpan.FromSeconds(30);

    // Signal numbers of Linux (x86-64 and arm64 alike, signal(7)); .NET's PosixSignal has no SIGKILL or SIGSTOP.
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    /// <summary>How often a wait for a line looks at the lines read so far.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Process process;
    private readonly ConcurrentQueue<string> standardOutput = new();
    private readonly ConcurrentQueue<string> standardError = new();
    private readonly ConcurrentQueue<string> output = new();

    private DaemonProcess(Process process, TimeSpan waitLimit)
    {
        this.process = process;
        WaitLimit = waitLimit;
    }

    /// <summary>The limit of the waits that name none.</summary>
    public TimeSpan WaitLimit { get; }

    public IReadOnlyCollection<string> StandardOutputLines => standardOutput;

    public IReadOnlyCollection<string> StandardErrorLines => standardError;

    /// <summary>Every line the process wrote so far, stderr and stdout interleaved (stdout lines prefixed "stdout: ").</summary>
    public string Output => string.Join('\n', output);

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts <paramref name="fileName"/> in the repository root. With <paramref name="readStandardOutput"/>
    /// false nobody reads stdout, so the pipe fills up and the program blocks in its writes, as behind a
    /// stalled consumer, until the test closes it (<see cref="CloseStandardOutput"/>).
    /// </summary>
    public static DaemonProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        bool readStandardOutput = true,
        TimeSpan? waitLimit = null)
    {
        // A test run started as a background job of a shell without job control (a CI script's `cmd &`) inherits
        // SIGINT ignored (POSIX Shell Command Language, 2.11), .NET leaves an inherited SIG_IGN of SIGINT in place,
        // and so the daemon would never see the SIGINT the tests send (seen in such a run). env(1) of coreutils
        // resets it to the default and then execs the program in the same process, so ProcessId stays the daemon's.
        string[] withSigintAtItsDefault = ["--default-signal=INT", "--", fileName, .. arguments];
        var process = Process.Start(ProcessRunner.RedirectedStartInfo("env", withSigintAtItsDefault, environment))
            ?? throw new InvalidOperationException($"cannot start {fileName}");
        var daemon = new DaemonProcess(process, waitLimit ?? DefaultWaitLimit);
        process.ErrorDataReceived += (_, line) => daemon.Collect(daemon.standardError, line.Data, outputPrefix: "");
        process.BeginErrorReadLine();
        if (readStandardOutput)
        {
            process.OutputDataReceived += (_, line) => daemon.Collect(daemon.standardOutput, line.Data, outputPrefix: "stdout: ");
            process.BeginOutputReadLine();
        }

        return daemon;
    }

    public async Task WriteLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    public void CloseStandardInput() => process.StandardInput.Close();

    /// <summary>Closes the read end of the program's stdout, as a consumer that goes away (only when not read).</summary>
    public void CloseStandardOutput() => process.StandardOutput.Close();

    /// <summary>SIGTERM, as systemd sends on stop.</summary>
    public void Terminate() => Signal(SigTerm);

    /// <summary>SIGINT, as Ctrl+C sends.</summary>
    public void Interrupt() => Signal(SigInt);

    /// <summary>SIGKILL (kill -9): no chance to clean up.</summary>
    public void Kill9() => Signal(SigKill);

    /// <summary>SIGSTOP: the process stops where it is, with its sockets open.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Continue() => Signal(SigCont);

    /// <summary>Waits until stderr holds a line containing <paramref name="text"/>; fails after the limit or once the process exited without it.</summary>
    public Task WaitForLogAsync(string text, TimeSpan? limit = null) => WaitForLineAsync(standardError, text, limit ?? WaitLimit);

    /// <summary>Waits until stdout holds a line containing <paramref name="text"/>; fails after <see cref="WaitLimit"/> or once the process exited without it.</summary>
    public Task WaitForStandardOutputAsync(string text) => WaitForLineAsync(standardOutput, text, WaitLimit);

    /// <summary>Waits for the exit (and for the rest of its output) and returns the exit code; fails after the limit.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? limit = null)
    {
        using var cancellation = new CancellationTokenSource(limit ?? WaitLimit);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{process.StartInfo.FileName} did not exit within {limit ?? WaitLimit}; output:\n{Output}");
        }

        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            // SIGKILL ends a stopped (SIGSTOP) process as well.
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private void Signal(int signal)
    {
        if (Kill(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private void Collect(ConcurrentQueue<string> lines, string? line, string outputPrefix)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
            output.Enqueue(outputPrefix + line);
        }
    }

    private async Task WaitForLineAsync(ConcurrentQueue<string> lines, string text, TimeSpan limit)
    {
        using var cancellation = new CancellationTokenSource(limit);
        // Bounded by the limit: the delay throws once it runs out.
        while (!lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            try
            {
                if (process.HasExited)
                {
                    // The last lines may still be on their way from the pipes: read them to the end, then look once more.
                    await process.WaitForExitAsync(cancellation.Token);
                    if (lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
                    {
                        return;
                    }

                    throw new InvalidOperationException(
                        $"{process.StartInfo.FileName} exited ({process.ExitCode}) without a line containing \"{text}\"; output:\n{Output}");
                }

                await Task.Delay(PollInterval, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no line containing \"{text}\" within {limit} (exited: {process.HasExited}); output:\n{Output}");
            }
        }
    }
}
