using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace StepProducer.TestSupport;

/// <summary>
/// A long-running child process (the daemon, possibly under qemu) whose stderr the test reads while it
/// runs, stopped with a real SIGTERM. Killed on dispose if it is still running.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private DaemonProcess(Process process) => this.process = process;

    /// <summary>Every line the process wrote so far, stderr and stdout interleaved (stdout lines prefixed).</summary>
    public string Output => string.Join('\n', output);

    public static DaemonProcess Start(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var daemon = new DaemonProcess(process);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                daemon.output.Enqueue(line.Data);
            }
        };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                daemon.output.Enqueue("stdout: " + line.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return daemon;
    }

    public bool HasExited => process.HasExited;

    /// <summary>Sends SIGTERM with kill(1), as systemd does on stop, and returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan limit)
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {process.Id} exited {kill.ExitCode}: {kill.StandardError}");
        }

        using var cancellation = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no exit within {limit} of SIGTERM; output:\n{Output}");
        }

        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
