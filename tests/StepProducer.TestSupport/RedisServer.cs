using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace StepProducer.TestSupport;

/// <summary>How a test's redis-server is started.</summary>
public sealed record RedisServerOptions
{
    /// <summary>appendonly yes with appendfsync always, so a SHUTDOWN/restart keeps every acknowledged write.</summary>
    public bool AppendOnly { get; init; }

    /// <summary>ACL users as (name, password); each gets every key, channel and command.</summary>
    public IReadOnlyList<(string Name, string Password)> AclUsers { get; init; } = [];

    /// <summary>Keep the default user on (no password) beside the ACL users.</summary>
    public bool DefaultUserOpen { get; init; }

    /// <summary>A password for the default user (requirepass); null leaves it open unless ACL users are given.</summary>
    public string? DefaultUserPassword { get; init; }

    /// <summary>Serve TLS only, with a server certificate signed by a CA the fixture generates with openssl.</summary>
    public bool Tls { get; init; }
}

/// <summary>
/// A real redis-server on a free 127.0.0.1 port, in its own temp directory, stopped and deleted on dispose.
/// It can be shut down and started again on the same port and directory (for appendonly recovery tests).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>How long a start may take before the test fails; redis-server starts in ~10 ms when the machine is idle.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly RedisServerOptions options;
    private Process? process;

    private RedisServer(RedisServerOptions options, string directory, int port)
    {
        this.options = options;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>PEM of the test CA (only with <see cref="RedisServerOptions.Tls"/>).</summary>
    public string CaCertificatePath => Path.Combine(Directory, "ca.crt");

    public bool IsRunning => process is { HasExited: false };

    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("step-redis-").FullName;
        var server = new RedisServer(options ?? new RedisServerOptions(), directory, FreeLoopbackPort());
        if (server.options.Tls)
        {
            await TestCertificates.CreateAsync(directory);
        }

        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Picks a port the kernel reports free; redis-server binds it right after.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts redis-server (again) on the same port and directory and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is already running");
        }

        var startInfo = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var argument in Arguments())
        {
            startInfo.ArgumentList.Add(argument);
        }

        process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start redis-server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>An admin connection (the first ACL user, else the default user; TLS when the server is TLS-only).</summary>
    public async Task<ConnectionMultiplexer> ConnectAdminAsync()
    {
        var configuration = new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, Port } },
            User = options.AclUsers.Count > 0 ? options.AclUsers[0].Name : null,
            Password = options.AclUsers.Count > 0 ? options.AclUsers[0].Password : options.DefaultUserPassword,
            AbortOnConnectFail = true,
            ConnectTimeout = 5000,
            AllowAdmin = true,
            Ssl = options.Tls,
        };
        if (options.Tls)
        {
            configuration.TrustIssuer(CaCertificatePath);
            configuration.SslHost = "localhost";
        }

        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    /// <summary>SHUTDOWN (saving the AOF when appendonly is on) and waits for the process to exit.</summary>
    public async Task ShutdownAsync()
    {
        if (!IsRunning)
        {
            return;
        }

        await using (var admin = await ConnectAdminAsync())
        {
            try
            {
                await admin.GetServer(IPAddress.Loopback, Port).ExecuteAsync("SHUTDOWN");
            }
            catch (RedisConnectionException)
            {
                // SHUTDOWN closes the connection instead of replying: that is its success.
            }
        }

        await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await WaitForExitAsync();
        }

        process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp dir is left for the OS to clean.
        }
    }

    private async Task WaitForExitAsync()
    {
        using var cancellation = new CancellationTokenSource(StartTimeout);
        await process!.WaitForExitAsync(cancellation.Token);
    }

    private IEnumerable<string> Arguments()
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--bind";
        yield return "127.0.0.1";
        if (options.Tls)
        {
            yield return "--port";
            yield return "0";
            yield return "--tls-port";
            yield return port;
            yield return "--tls-cert-file";
            yield return Path.Combine(Directory, "server.crt");
            yield return "--tls-key-file";
            yield return Path.Combine(Directory, "server.key");
            yield return "--tls-ca-cert-file";
            yield return CaCertificatePath;
            yield return "--tls-auth-clients";
            yield return "no";
        }
        else
        {
            yield return "--port";
            yield return port;
        }

        yield return "--dir";
        yield return Directory;
        yield return "--save";
        yield return "";
        yield return "--appendonly";
        yield return options.AppendOnly ? "yes" : "no";
        yield return "--appendfsync";
        yield return "always";
        if (options.DefaultUserPassword is { } password)
        {
            yield return "--requirepass";
            yield return password;
        }

        if (options.AclUsers.Count > 0 && !options.DefaultUserOpen)
        {
            // With ACL users the default user is switched off, so a client that fails AUTH gets no access at all.
            yield return "--user";
            yield return "default";
            yield return "off";
        }

        foreach (var (name, userPassword) in options.AclUsers)
        {
            // redis-server takes the ACL rules of one --user as separate arguments.
            yield return "--user";
            yield return name;
            yield return "on";
            yield return ">" + userPassword;
            yield return "~*";
            yield return "&*";
            yield return "+@all";
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {process.ExitCode} at start on port {Port}");
            }

            try
            {
                await using var admin = await ConnectAdminAsync();
                await admin.GetDatabase().PingAsync();
                return;
            }
            catch (Exception error) when (error is RedisConnectionException || IsLoading(error))
            {
                last = error;
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"redis-server on port {Port} not ready in {StartTimeout}", last);
    }

    /// <summary>
    /// A restarted server with appendonly answers every command with a LOADING error until it has replayed its
    /// file: it is up, but not ready yet.
    /// </summary>
    private static bool IsLoading(Exception error) =>
        error is RedisServerException && error.Message.StartsWith("LOADING", StringComparison.Ordinal);
}
