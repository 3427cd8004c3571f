using StackExchange.Redis;
using StepProducer.TestSupport;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>Connecting to real redis-servers: ACL users, wrong passwords, TLS with a generated CA, late start.</summary>
public sealed class RedisConnectorTests
{
    /// <summary>Bounds every wait on a connect in these tests; a hang fails instead of blocking the run.</summary>
    private static readonly TimeSpan TestLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connect_AclUserWithPassword_CanUseStreams()
    {
        await using var server = await RedisServer.StartAsync(new() { AclUsers = [("producer", "s3cret-Pass")] });
        var connector = Connector(server, new() { Username = "producer", Password = "s3cret-Pass" }, new ListLogger());

        await using var connection = await connector.ConnectAsync(new CancellationTokenSource(TestLimit).Token);

        Assert.Equal("producer", (string?)await connection.GetDatabase().ExecuteAsync("ACL", "WHOAMI"));
    }

    [Fact]
    public async Task Connect_WrongPassword_LogsOneClearWarningWithoutThePasswordAndKeepsRetrying()
    {
        await using var server = await RedisServer.StartAsync(new() { AclUsers = [("producer", "right-pass")] });
        var logger = new ListLogger();
        var connector = Connector(server, new() { Username = "producer", Password = "wrong-pass-123" }, logger);

        await ConnectUntilTheFirstRetryAsync(connector, logger);

        var warning = Assert.Single(logger.Entries, entry => entry.Id.Id == 5000);
        Assert.Contains(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), warning.Message);
        Assert.Matches("(?i)auth", warning.Message);
        Assert.DoesNotContain(logger.Entries, entry => entry.Message.Contains("wrong-pass-123", StringComparison.Ordinal));
        Assert.True(connector.Outage.InOutage);
    }

    [Fact]
    public async Task Connect_WrongPasswordWhileDefaultUserIsOpen_DoesNotSilentlyRunAsDefault()
    {
        await using var server = await RedisServer.StartAsync(
            new() { AclUsers = [("producer", "right-pass")], DefaultUserOpen = true });
        var logger = new ListLogger();
        var connector = Connector(server, new() { Username = "producer", Password = "wrong-pass-123" }, logger);

        await ConnectUntilTheFirstRetryAsync(connector, logger);

        var warning = Assert.Single(logger.Entries, entry => entry.Id.Id == 5000);
        Assert.Contains("'producer'", warning.Message);
        Assert.Contains("as 'default'", warning.Message);
    }

    [Fact]
    public async Task Connect_TlsWithTestCa_Connects()
    {
        await using var server = await RedisServer.StartAsync(new() { Tls = true });
        var connector = Connector(server, new() { Tls = true, CaCertificatePath = server.CaCertificatePath }, new ListLogger());

        await using var connection = await connector.ConnectAsync(new CancellationTokenSource(TestLimit).Token);

        Assert.Equal("PONG", (string?)await connection.GetDatabase().ExecuteAsync("PING"));
    }

    [Fact]
    public async Task Connect_TlsWithoutTrustedCa_KeepsRetrying()
    {
        await using var server = await RedisServer.StartAsync(new() { Tls = true });
        var logger = new ListLogger();
        var connector = Connector(server, new() { Tls = true }, logger);
        // Two connect timeouts (2 s each) and the back-off between them.
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connector.ConnectAsync(cancellation.Token));

        Assert.Single(logger.Entries, entry => entry.Id.Id == 5000);
    }

    [Fact]
    public async Task Connect_RedisStartsLate_WaitsThenConnectsAndLogsRecovery()
    {
        await using var server = await RedisServer.StartAsync();
        await server.ShutdownAsync();
        var logger = new ListLogger();
        var connector = Connector(server, new(), logger);

        var connecting = connector.ConnectAsync(new CancellationTokenSource(TestLimit).Token);
        // Wait for the first failed attempt (one connect timeout at most), bounded at 10 s.
        for (var attempt = 0; attempt < 500 && !logger.Entries.Any(entry => entry.Id.Id == 5000); attempt++)
        {
            await Task.Delay(20);
        }

        Assert.False(connecting.IsCompleted);
        await server.StartAgainAsync();
        await using var connection = await connecting;

        Assert.Equal(
            [5000, 5002, 5011],
            logger.Entries.Select(entry => entry.Id.Id).Where(id => id is 5000 or 5001 or 5002 or 5011));
    }

    /// <summary>
    /// Connects until the first failed attempt is logged (bounded, 10 s; on a busy machine
    /// one attempt can take up to the 2 s timeout), then cancels: the connect must end only by cancellation.
    /// </summary>
    private static async Task ConnectUntilTheFirstRetryAsync(RedisConnector connector, ListLogger logger)
    {
        using var cancellation = new CancellationTokenSource(TestLimit);
        var connecting = connector.ConnectAsync(cancellation.Token);
        await ScenarioTests.WaitUntilAsync(() => Task.FromResult(logger.Entries.Any(entry => entry.Id.Id == 5000) || connecting.IsCompleted));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
    }

    private static RedisConnector Connector(RedisServer server, RedisTransportOptions options, ListLogger logger) =>
        new(
            options with
            {
                Host = options.Tls ? "localhost" : "127.0.0.1",
                Port = server.Port,
                RetryInterval = TimeSpan.FromMilliseconds(100),
                MaxRetryInterval = TimeSpan.FromMilliseconds(400),
                Timeout = TimeSpan.FromSeconds(2),
            },
            logger,
            TimeProvider.System);
}
