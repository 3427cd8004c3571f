using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace StepProducer.Packaging.Tests;

/// <summary>
/// A real redis-server on a free 127.0.0.1 port, without persistence, killed on dispose. A plain server is
/// all the packaged binaries need here; tests/StepProducer.Transport.Redis.Tests has the full fixture
/// (TLS, ACL users, restarts).
/// </summary>
internal sealed class LoopbackRedisServer : IAsyncDisposable
{
    /// <summary>redis-server answers within ~10 ms on an idle machine; allow for a busy CI.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;

    private LoopbackRedisServer(Process process, int port, ConnectionMultiplexer client)
    {
        this.process = process;
        Port = port;
        Client = client;
    }

    public int Port { get; }

    /// <summary>A connection for the test's own commands (XADD, XRANGE).</summary>
    public ConnectionMultiplexer Client { get; }

    public static async Task<LoopbackRedisServer> StartAsync()
    {
        var port = FreeLoopbackPort();
        var startInfo = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No RDB snapshots and no AOF: nothing is written to the working directory.
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start redis-server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new LoopbackRedisServer(process, port, await ConnectWhenReadyAsync(process, port));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (!process.HasExited)
        {
            process.Kill();
            using var cancellation = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(cancellation.Token);
        }

        process.Dispose();
    }

    /// <summary>A port the kernel reports free; redis-server binds it right after.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<ConnectionMultiplexer> ConnectWhenReadyAsync(Process process, int port)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        var configuration = new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, port } },
            AbortOnConnectFail = true,
            ConnectTimeout = 2000,
        };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {process.ExitCode} at start on port {port}");
            }

            try
            {
                var client = await ConnectionMultiplexer.ConnectAsync(configuration);
                await client.GetDatabase().PingAsync();
                return client;
            }
            catch (RedisConnectionException) when (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
