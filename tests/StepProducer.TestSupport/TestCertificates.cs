namespace StepProducer.TestSupport;

/// <summary>A throw-away CA and a localhost server certificate made with the real openssl command.</summary>
public static class TestCertificates
{
    /// <summary>Writes ca.crt, ca.key, server.crt and server.key into the directory.</summary>
    public static async Task CreateAsync(string directory)
    {
        await OpenSslAsync(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=step_producer test CA", "-keyout", "ca.key", "-out", "ca.crt");
        await OpenSslAsync(directory, "req", "-newkey", "rsa:2048", "-nodes",
            "-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr");
        await File.WriteAllTextAsync(Path.Combine(directory, "server.ext"),
            "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        await OpenSslAsync(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "server.crt");
    }

    private static async Task OpenSslAsync(string directory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("openssl", arguments, workingDirectory: directory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"openssl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError}");
        }
    }
}
