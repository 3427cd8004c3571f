using System.Diagnostics;
using System.Net.Sockets;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>
/// sd_notify in Redis mode, the packaged configuration: the unit sets WatchdogSec, so the real program must
/// ping WATCHDOG=1 while it works and while it waits for Redis, or systemd kills it.
/// </summary>
public sealed class SystemdNotifyTests : RedisServerTest
{
    [Fact]
    public async Task Watchdog_IsPingedWhileRunningAndWhileRedisIsAway_ThenStoppingOnSigterm()
    {
        var socketPath = Path.Combine(WorkDirectory, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var config = new ProducerConfig(Server);
        // A long back-off: the pings during the outage come from the sliced retry wait, not from retries.
        config.Connection["retryIntervalMs"] = 3000;
        config.Connection["maxRetryIntervalMs"] = 3000;
        // 400 ms watchdog: the program must ping every 200 ms.
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory), environment: new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = socketPath,
            ["WATCHDOG_USEC"] = "400000",
        });
        var messages = new List<string>();
        await ReceiveUntilAsync(socket, messages, message => message == "READY=1");

        // 1.2 s at one ping per 200 ms is 6 pings; at least 3 leaves room for a busy machine.
        Assert.True(await CountWatchdogPingsAsync(socket, messages, TimeSpan.FromSeconds(1.2)) >= 3, "no steady WATCHDOG=1 while running");

        await Connection.DisposeAsync();
        await Server.ShutdownAsync();
        await producer.WaitForLogAsync("is unavailable");
        Assert.True(await CountWatchdogPingsAsync(socket, messages, TimeSpan.FromSeconds(1.2)) >= 3, "no steady WATCHDOG=1 while Redis is away");

        producer.Terminate();
        await ReceiveUntilAsync(socket, messages, message => message == "STOPPING=1");
        Assert.Equal(0, await producer.WaitForExitAsync());
        Assert.StartsWith("STATUS=running: redis 127.0.0.1:", messages[1], StringComparison.Ordinal);
    }

    /// <summary>Receives for <paramref name="window"/> into <paramref name="messages"/>; returns the WATCHDOG=1 messages among them.</summary>
    private static async Task<int> CountWatchdogPingsAsync(Socket socket, List<string> messages, TimeSpan window)
    {
        var before = messages.Count;
        var end = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var buffer = new byte[4096];
        // Bounded by the window: each receive is cancelled when it runs out.
        while (Stopwatch.GetTimestamp() < end)
        {
            using var limit = new CancellationTokenSource(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end));
            try
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
                messages.Add(System.Text.Encoding.UTF8.GetString(buffer, 0, length));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return messages.Skip(before).Count(message => message == "WATCHDOG=1");
    }

    private static async Task ReceiveUntilAsync(Socket socket, List<string> messages, Func<string, bool> expected)
    {
        var buffer = new byte[4096];
        using var limit = new CancellationTokenSource(ProducerProcess.WaitLimit);
        // Bounded by the wait limit: the receive is cancelled when it runs out.
        while (!messages.Any(expected))
        {
            var length = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
            messages.Add(System.Text.Encoding.UTF8.GetString(buffer, 0, length));
        }
    }
}
