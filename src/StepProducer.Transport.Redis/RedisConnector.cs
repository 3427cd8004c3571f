using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StepProducer.Transport.Redis;

/// <summary>What a connection of the producer is for.</summary>
public enum RedisConnectionRole
{
    /// <summary>Ownership, commits, restores, group creation: every command that needs the order of one connection.</summary>
    Commits,

    /// <summary>XREADGROUP and XAUTOCLAIM only, including blocking reads that hold the connection while they wait.</summary>
    Reads,
}

/// <summary>
/// Opens the multiplexer: AUTH with the ACL user and password, TLS with an optional CA, <c>timeout</c> on
/// connects and commands. Retries with exponential back-off while Redis is away (never gives up; only the
/// cancellation token ends the wait) and logs the outage through <see cref="OutageLog"/>. While it waits
/// between attempts it calls <paramref name="heartbeat"/> every <see cref="HeartbeatSlice"/>, so a systemd
/// watchdog keeps hearing from a process that is waiting for Redis, not stuck.
/// </summary>
public sealed class RedisConnector(RedisTransportOptions options, ILogger logger, TimeProvider time, Action? heartbeat = null)
{
    /// <summary>
    /// The back-off sleep is cut into slices of this length with a heartbeat before each: a watchdog pinged at
    /// half its period then works down to WATCHDOG_USEC = 200 ms, while an outage costs 10 wake-ups a second.
    /// </summary>
    public static readonly TimeSpan HeartbeatSlice = TimeSpan.FromMilliseconds(100);

    public OutageLog Outage { get; } = new(logger, time, options.Endpoint);

    public RetryBackoff Backoff { get; } = new(options.RetryInterval, options.MaxRetryInterval);

    public ConfigurationOptions BuildConfiguration(RedisConnectionRole role = RedisConnectionRole.Commits)
    {
        var timeoutMs = (int)options.Timeout.TotalMilliseconds;
        var configuration = new ConfigurationOptions
        {
            EndPoints = { { options.Host, options.Port } },
            DefaultDatabase = options.Database,
            User = options.Username,
            Password = options.Password,
            Ssl = options.Tls,
            ConnectTimeout = timeoutMs,
            SyncTimeout = timeoutMs,
            AsyncTimeout = timeoutMs,
            // Fail the first connect instead of connecting in the background: this class owns the retry
            // schedule and the outage log. Once connected, the multiplexer reconnects on the same schedule.
            AbortOnConnectFail = true,
            ReconnectRetryPolicy = new ExponentialRetry(
                (int)options.RetryInterval.TotalMilliseconds, (int)options.MaxRetryInterval.TotalMilliseconds),
            // CLIENT LIST tells the two connections apart: "<instanceName>" commits, "<instanceName>:reads" reads.
            ClientName = role == RedisConnectionRole.Commits ? options.InstanceName : options.InstanceName + ":reads",
            // The transport never needs CONFIG/INFO-based discovery beyond the one server it is given.
            AllowAdmin = false,
        };
        if (options.Tls)
        {
            configuration.SslHost = options.Host;
            if (options.CaCertificatePath is { } ca)
            {
                configuration.TrustIssuer(ca);
            }

            configuration.SslClientAuthenticationOptions = NoDownloadsTls;
        }

        return configuration;
    }

    /// <summary>
    /// The TLS handshake as StackExchange.Redis makes it by default (the host name checked, revocation checked online,
    /// the validation callback of <see cref="ConfigurationOptions.TrustIssuer(string)"/> kept), except that the chain is
    /// built without downloading issuer certificates or CRLs over HTTP: an RSU need not reach the internet, a
    /// handshake must not wait for it, and the Native AOT binary leaves the HTTP downloader out
    /// (src/StepProducer.Host/ILLink.Substitutions.xml). With <c>caCertificate</c> the CA's check decides anyway.
    /// </summary>
    private static SslClientAuthenticationOptions NoDownloadsTls(string host) => new()
    {
        TargetHost = host,
        CertificateChainPolicy = new X509ChainPolicy
        {
            RevocationMode = X509RevocationMode.Online,
            DisableCertificateDownloads = true,
        },
    };

    /// <summary>Connects, waiting out any outage with back-off; throws only when <paramref name="cancellation"/> fires.</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellation, RedisConnectionRole role = RedisConnectionRole.Commits)
    {
        var configuration = BuildConfiguration(role);
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(cancellation);
                if (await WrongUserAsync(multiplexer) is { } actualUser)
                {
                    await multiplexer.DisposeAsync();
                    throw new System.Security.Authentication.AuthenticationException(
                        $"AUTH as ACL user '{options.Username}' failed: the server let this client in as '{actualUser}' "
                            + "(wrong password or unknown user)");
                }

                Outage.Recovered();
                Backoff.Reset();
                RedisLog.Connected(logger, options.Endpoint, role, options.Database, options.Tls, options.Username ?? "default");
                return multiplexer;
            }
            catch (Exception error) when (IsTransient(error))
            {
                await WaitBeforeRetryAsync(error, cancellation);
            }
        }
    }

    /// <summary>
    /// When a failed HELLO/AUTH leaves SE.Redis connected as the server's default user, the configured user
    /// is not who this client is: returns the user the server reports (ACL WHOAMI), or null when it matches,
    /// no user is configured, or the user may not run ACL WHOAMI.
    /// </summary>
    private async Task<string?> WrongUserAsync(ConnectionMultiplexer multiplexer)
    {
        if (options.Username is null)
        {
            return null;
        }

        try
        {
            var user = (string?)await multiplexer.GetDatabase().ExecuteAsync("ACL", "WHOAMI");
            return user == options.Username ? null : user;
        }
        catch (RedisServerException error) when (error.Message.StartsWith("NOPERM", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>Logs the failure (once per outage, then once a minute) and sleeps the next back-off delay.</summary>
    public async Task WaitBeforeRetryAsync(Exception error, CancellationToken cancellation)
    {
        var delay = Backoff.NextDelay();
        Outage.Failed(error, delay);
        for (var remaining = delay; remaining > TimeSpan.Zero; remaining -= HeartbeatSlice)
        {
            heartbeat?.Invoke();
            await Task.Delay(remaining < HeartbeatSlice ? remaining : HeartbeatSlice, time, cancellation);
        }
    }

    /// <summary>Errors that mean "Redis is away or slow", as opposed to a misconfigured key or a bug.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutException => true,
        System.Net.Sockets.SocketException or IOException => true,
        // Wrong credentials are retried too: an operator may fix the ACL on the server without restarting us.
        System.Security.Authentication.AuthenticationException => true,
        // SE.Redis reports AUTH failures and LOADING (Redis replaying its AOF) as server errors.
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("WRONGPASS", StringComparison.Ordinal)
            || server.Message.StartsWith("NOAUTH", StringComparison.Ordinal),
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
