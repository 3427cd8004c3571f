using System.Diagnostics;

namespace StepProducer.EndToEnd;

/// <summary>A child process whose stdout and stderr go to a log file; killed on dispose if still running.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string LogPath { get; private init; } = "";

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string logPath)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => WriteLine(log, line.Data);
        process.ErrorDataReceived += (_, line) => WriteLine(log, line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{fileName} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, log) { LogPath = logPath };
    }

    /// <summary>Sends SIGTERM (a graceful stop) and waits up to <paramref name="timeout"/>; kills it after that.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        SendSigTerm(_process.Id);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    /// <summary>SIGTERM through kill(1): the signal systemd stops the producer with.</summary>
    private static void SendSigTerm(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }
}
