using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using StepProducer.TestSupport;

namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>
/// The real <c>step_producer</c> program (the Host build's apphost) as a child process, with real signals:
/// SIGTERM, SIGKILL (kill -9), SIGSTOP and SIGCONT.
/// </summary>
public sealed partial class ProducerProcess : IDisposable
{
    /// <summary>How long a test waits for one log line or for the exit before it fails.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(40);

    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private readonly Process process;
    private readonly ConcurrentQueue<string> standardError = new();

    private ProducerProcess(Process process) => this.process = process;

    /// <summary>
    /// Names another step_producer binary to run instead of the apphost, e.g. the Native AOT build:
    /// <c>STEP_PRODUCER_BINARY=artifacts/linux-x64/step_producer dotnet test ...</c>.
    /// </summary>
    public const string BinaryVariable = "STEP_PRODUCER_BINARY";

    /// <summary>
    /// The binary the tests run: <see cref="BinaryVariable"/> when set, otherwise the apphost in the Host
    /// project's build output (artifacts/build/bin/StepProducer.Host/&lt;config&gt;).
    /// </summary>
    public static string AppHostPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } binary)
            {
                var fullPath = Path.GetFullPath(binary, RepoPaths.Root);
                return File.Exists(fullPath) ? fullPath : throw new FileNotFoundException($"{BinaryVariable}: no file at {fullPath}");
            }

            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Name;
            var path = RepoPaths.Combine("artifacts", "build", "bin", "StepProducer.Host", configuration, "step_producer");
            return File.Exists(path) ? path : throw new FileNotFoundException($"step_producer apphost not built at {path}");
        }
    }

    public IReadOnlyCollection<string> StandardErrorLines => standardError;

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public static ProducerProcess Start(string configFile, string? instance = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(AppHostPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("--config");
        startInfo.ArgumentList.Add(configFile);
        if (instance is not null)
        {
            startInfo.ArgumentList.Add("--instance");
            startInfo.ArgumentList.Add(instance);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start step_producer");
        var producer = new ProducerProcess(process);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                producer.standardError.Enqueue(line.Data);
            }
        };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                producer.standardError.Enqueue("stdout: " + line.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return producer;
    }

    public void Terminate() => Signal(SigTerm);

    public void Kill9() => Signal(SigKill);

    public void Pause() => Signal(SigStop);

    public void Continue() => Signal(SigCont);

    /// <summary>Waits until stderr holds a line containing <paramref name="text"/> (polled every 20 ms, bounded).</summary>
    public async Task WaitForLogAsync(string text, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((limit ?? WaitLimit).TotalSeconds * Stopwatch.Frequency);
        while (!standardError.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (Stopwatch.GetTimestamp() > deadline || process.HasExited)
            {
                throw new TimeoutException(
                    $"no log line containing \"{text}\" (exited: {process.HasExited}); stderr:\n{string.Join('\n', standardError)}");
            }

            await Task.Delay(20);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan? limit = null)
    {
        using var cancellation = new CancellationTokenSource(limit ?? WaitLimit);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"step_producer did not exit in time; stderr:\n{string.Join('\n', standardError)}");
        }

        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Signal(SigCont);
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
}
