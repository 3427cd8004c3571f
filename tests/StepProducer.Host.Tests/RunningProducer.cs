using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StepProducer.Host.Tests;

/// <summary>
/// A running <c>step_producer</c> child process for pipeline tests: write stdin lines as they are due,
/// wait for given stdout/stderr lines, send real signals with libc kill(2), and wait for the exit.
/// </summary>
public sealed partial class RunningProducer : IDisposable
{
    /// <summary>How long a test waits for one expected line or for the exit before it fails.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly ConcurrentQueue<string> standardOutput = new();
    private readonly ConcurrentQueue<string> standardError = new();
    private readonly SemaphoreSlim lineArrived = new(0);

    private RunningProducer(Process process) => this.process = process;

    public IReadOnlyCollection<string> StandardOutputLines => standardOutput;

    public IReadOnlyCollection<string> StandardErrorLines => standardError;

    /// <summary>
    /// Starts the program. With <paramref name="readStandardOutput"/> false nobody reads stdout, so the
    /// pipe fills up and the program blocks in its writes, as behind a stalled consumer.
    /// </summary>
    public static RunningProducer Start(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        bool readStandardOutput = true)
    {
        var startInfo = new ProcessStartInfo(StepProducerProcess.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start step_producer");
        var producer = new RunningProducer(process);
        process.ErrorDataReceived += (_, line) => producer.Collect(producer.standardError, line.Data);
        process.BeginErrorReadLine();
        if (readStandardOutput)
        {
            process.OutputDataReceived += (_, line) => producer.Collect(producer.standardOutput, line.Data);
            process.BeginOutputReadLine();
        }

        return producer;
    }

    public int ProcessId => process.Id;

    public async Task WriteLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    public void CloseStandardInput() => process.StandardInput.Close();

    /// <summary>Closes the read end of the program's stdout, as a consumer that goes away (only when not read).</summary>
    public void CloseStandardOutput() => process.StandardOutput.Close();

    public void SendSigterm() => Signal(SigTerm);

    public void SendSigint() => Signal(SigInt);

    /// <summary>Waits until stderr holds a line containing <paramref name="text"/>; fails after <see cref="WaitLimit"/>.</summary>
    public Task WaitForStandardErrorAsync(string text) => WaitForAsync(standardError, text);

    /// <summary>Waits until stdout holds a line containing <paramref name="text"/>; fails after <see cref="WaitLimit"/>.</summary>
    public Task WaitForStandardOutputAsync(string text) => WaitForAsync(standardOutput, text);

    /// <summary>Waits for the exit (and for the rest of its output); fails after <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? limit = null)
    {
        using var cancellation = new CancellationTokenSource(limit ?? WaitLimit);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"step_producer did not exit within {limit ?? WaitLimit}; stderr:\n{string.Join('\n', standardError)}");
        }

        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.Dispose();
        lineArrived.Dispose();
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

    private void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
            lineArrived.Release();
        }
    }

    private async Task WaitForAsync(ConcurrentQueue<string> lines, string text)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(WaitLimit.TotalSeconds * Stopwatch.Frequency);
        while (!lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero || !await lineArrived.WaitAsync(remaining))
            {
                throw new TimeoutException($"no line containing \"{text}\" within {WaitLimit}; stderr:\n{string.Join('\n', standardError)}");
            }
        }
    }
}
