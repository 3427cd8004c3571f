using StepProducer.TestSupport;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>The real program against ACL and TLS redis-servers.</summary>
public sealed class SecurityTests : IDisposable
{
    private const string Password = "Rsu-pass-4711";

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task AclUserWithPasswordFile_Works_AndThePasswordNeverAppearsInTheLog()
    {
        await using var server = await RedisServer.StartAsync(new() { AclUsers = [("producer", Password)] });
        var passwordFile = directory.File("redis.pass");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead);
        var config = new ProducerConfig(server);
        config.Connection["username"] = "producer";
        config.Connection["passwordFile"] = passwordFile;

        using var producer = ProducerProcess.Start(config.Write(directory.Path));

        await RunsOneEventAsync(server, producer);
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("user producer", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, producer.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(producer.StandardErrorLines, line => line.Contains("readable by others", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPassword_LogsAClearErrorAndKeepsRetrying_InlinePasswordInAWorldReadableConfigIsWarned()
    {
        await using var server = await RedisServer.StartAsync(new() { AclUsers = [("producer", Password)] });
        var config = new ProducerConfig(server);
        config.Connection["username"] = "producer";
        config.Connection["password"] = "not-the-password";
        var configFile = config.Write(directory.Path);
        File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        using var producer = ProducerProcess.Start(configFile);

        await producer.WaitForLogAsync("readable by others");
        await producer.WaitForLogAsync("is unavailable");
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("WRONGPASS", StringComparison.Ordinal)
            || line.Contains("AuthenticationFailure", StringComparison.Ordinal) || line.Contains("AUTH", StringComparison.Ordinal));
        await Task.Delay(1500);
        Assert.False(producer.HasExited);
        Assert.DoesNotContain("not-the-password", producer.Output, StringComparison.Ordinal);
        producer.Terminate();
        Assert.Equal(0, await producer.WaitForExitAsync());
    }

    [Fact]
    public async Task Tls_WithTheTestCa_Works()
    {
        await using var server = await RedisServer.StartAsync(new() { Tls = true });
        var config = new ProducerConfig(server);
        config.Connection["host"] = "localhost";
        config.Connection["tls"] = true;
        config.Connection["caCertificate"] = server.CaCertificatePath;

        using var producer = ProducerProcess.Start(config.Write(directory.Path));

        await RunsOneEventAsync(server, producer);
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("tls True", StringComparison.Ordinal));
    }

    private static async Task RunsOneEventAsync(RedisServer server, DaemonProcess producer)
    {
        await producer.WaitForLogAsync("took the DEN state");
        await using var admin = await server.ConnectAdminAsync();
        var database = admin.GetDatabase();
        var id = await Streams.AddEventAsync(database, CloudEvents.Collision(1001, 2002));
        var records = await Streams.WaitForOutputAsync(database, records => records.Count == 1);
        ExactlyOnce.AssertOneNewPerInput(records, [id]);
    }
}
