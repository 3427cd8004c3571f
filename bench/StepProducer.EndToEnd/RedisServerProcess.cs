using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace StepProducer.EndToEnd;

/// <summary>The harness's own redis-server on a free 127.0.0.1 port, with its files in a directory of the run.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    /// <summary>redis-server answers PING within ~10 ms on an idle machine; 100 tries 100 ms apart allow a busy one.</summary>
    private const int StartAttempts = 100;

    private static readonly TimeSpan StartAttemptDelay = TimeSpan.FromMilliseconds(100);

    private readonly ChildProcess _process;

    private RedisServerProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Pid;

    public static async Task<RedisServerProcess> StartAsync(Persistence persistence, string directory)
    {
        Directory.CreateDirectory(directory);
        var port = FreeLoopbackPort();
        List<string> arguments =
        [
            "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dir", directory, "--save", "", "--daemonize", "no", "--protected-mode", "yes",
        ];
        arguments.AddRange(persistence == Persistence.AppendOnlyEverySec
            ? ["--appendonly", "yes", "--appendfsync", "everysec"]
            : ["--appendonly", "no"]);
        var process = ChildProcess.Start("redis-server", arguments, Path.Combine(directory, "redis-server.log"));
        var server = new RedisServerProcess(process, port);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public ConfigurationOptions ClientOptions() => new()
    {
        EndPoints = { { IPAddress.Loopback, Port } },
        AbortOnConnectFail = true,
        ClientName = "step_producer_e2e",
    };

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var attempt = 0; attempt < StartAttempts; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}; see {_process.LogPath}");
            }

            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(ClientOptions());
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(StartAttemptDelay);
            }
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer PING; see {_process.LogPath}");
    }

    /// <summary>A port the kernel reports free; redis-server binds it right after.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
