using StackExchange.Redis;
using StepProducer.TestSupport;

namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>A test class with its own real redis-server per test and an admin connection to it.</summary>
public abstract class RedisServerTest : IAsyncLifetime
{
    protected RedisServer Server { get; private set; } = null!;

    protected ConnectionMultiplexer Connection { get; private set; } = null!;

    protected IDatabase Database => Connection.GetDatabase();

    private readonly TemporaryDirectory workDirectory = new();

    /// <summary>A temp directory for the test's config files, deleted with the server.</summary>
    protected string WorkDirectory => workDirectory.Path;

    public virtual async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync(ServerOptions);
        Connection = await Server.ConnectAdminAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
        workDirectory.Dispose();
    }

    protected virtual RedisServerOptions ServerOptions => new();

    /// <summary>A new admin connection, after the server was shut down and started again.</summary>
    protected async Task ReconnectAsync()
    {
        await Connection.DisposeAsync();
        Connection = await Server.ConnectAdminAsync();
    }
}
