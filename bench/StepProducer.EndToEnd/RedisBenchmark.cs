using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace StepProducer.EndToEnd;

/// <summary>
/// redis-benchmark -c 1 -P 16 with an XADD of an entry as large as the producer's output entry: one
/// connection like the producer's multiplexer, 16 commands in flight. Its XADD/s is the ceiling the
/// producer's DENMs/s is compared with.
/// </summary>
public static partial class RedisBenchmark
{
    /// <summary>The stream redis-benchmark appends to; deleted after the run.</summary>
    public const string Stream = "e2e:redis_benchmark";

    /// <summary>One connection and 16 pipelined requests: the issue's reference configuration.</summary>
    private const int Clients = 1;

    /// <inheritdoc cref="Clients"/>
    private const int Pipeline = 16;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Bytes of an entry's field names and values.</summary>
    public static int EntryBytes(NameValueEntry[] fields) =>
        fields.Sum(field => ((byte[])field.Name!).Length + ((byte[])field.Value!).Length);

    public static async Task<RedisBenchmarkResults> RunAsync(int port, NameValueEntry[] outputFields, int requests)
    {
        var info = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
                     "-c", $"{Clients}", "-P", $"{Pipeline}", "-n", requests.ToString(CultureInfo.InvariantCulture), "-q", "XADD", Stream, "*"])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var field in outputFields)
        {
            info.ArgumentList.Add(field.Name!);
            // Values of the same length; binary ones (uper) may hold NUL bytes, which no argument can carry.
            info.ArgumentList.Add(new string('x', ((byte[])field.Value!).Length));
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("redis-benchmark did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(deadline.Token);
        var output = await stdout;
        var rates = RequestsPerSecond().Matches(output);
        if (process.ExitCode != 0 || rates.Count == 0)
        {
            throw new InvalidOperationException($"redis-benchmark exited with {process.ExitCode}: {output} {await stderr}");
        }

        return new RedisBenchmarkResults
        {
            Command = $"redis-benchmark -c {Clients} -P {Pipeline} -n {requests} XADD {Stream} * <{outputFields.Length} fields, {EntryBytes(outputFields)} B>",
            Requests = requests,
            XaddPerSecond = double.Parse(rates[^1].Groups[1].Value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>redis-benchmark -q ends with "&lt;command&gt;: 123456.79 requests per second, p50=...".</summary>
    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) requests per second")]
    private static partial Regex RequestsPerSecond();
}
