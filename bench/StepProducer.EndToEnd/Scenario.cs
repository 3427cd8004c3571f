using System.Diagnostics;
using StackExchange.Redis;

namespace StepProducer.EndToEnd;

/// <summary>
/// One run against one redis-server: preload and drain (throughput), redis-benchmark XADD on the same
/// server, then the paced latency runs, with the producer running from the drain to the end.
/// </summary>
public sealed class Scenario(HarnessOptions options, Persistence persistence, string directory, TextWriter progress)
{
    /// <summary>XADDs sent before the harness awaits their replies while preloading: keeps the pipeline full and memory bounded.</summary>
    private const int PreloadWindow = 2000;

    /// <summary>How often the harness polls XLEN while waiting for the producer.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>The producer's graceful stop (SIGTERM; it commits the batch in flight) must end within this.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly EventFeed _feed = new(options.EventKeys);

    public async Task<PersistenceResults> RunAsync()
    {
        await using var redis = await RedisServerProcess.StartAsync(persistence, Path.Combine(directory, "redis"));
        await using var client = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions());
        var database = client.GetDatabase();

        // The producer's own group would start at "$" and skip the preloaded entries.
        await database.StreamCreateConsumerGroupAsync(ProducerConfig.InputStream, ProducerConfig.ConsumerGroup, "0", createStream: true);
        progress.WriteLine($"[{Name}] preloading {options.Events} events");
        await PreloadAsync(database);
        var expectedDenms = _feed.Collisions;
        var expectedNew = _feed.KeysUsed;

        var configPath = Path.Combine(directory, "step_producer.json");
        ProducerConfig.Write(configPath, redis.Port, options.BatchSize);
        using var producer = ChildProcess.Start(options.Binary, ["--config", configPath], Path.Combine(directory, "step_producer.log"));
        var throughput = await MeasureThroughputAsync(database, producer, redis, expectedDenms, expectedNew);

        var benchmark = await RedisBenchmark.RunAsync(redis.Port, await OutputStream.NewestFieldsAsync(database), options.BenchRequests);
        await database.KeyDeleteAsync([ProducerConfig.OutputStream, RedisBenchmark.Stream]);

        var latency = new List<LatencyResults>();
        foreach (var rate in options.Rates)
        {
            var seconds = rate == options.Rates[0] && options.RssSeconds > 0 ? Math.Max(options.RssSeconds, options.LatencySeconds) : options.LatencySeconds;
            progress.WriteLine($"[{Name}] paced {rate} events/s for {seconds} s");
            latency.Add(await MeasureLatencyAsync(database, producer, redis, rate, seconds));
            await database.KeyDeleteAsync(ProducerConfig.OutputStream);
        }

        var maxRss = ProcessStats.MaxRssBytes(producer.Pid);
        await producer.StopAsync(StopTimeout);
        return new PersistenceResults
        {
            Persistence = Name,
            Throughput = throughput,
            RedisBenchmark = benchmark,
            Ratio = throughput.DenmsPerSecond / benchmark.XaddPerSecond,
            Latency = latency,
            ProducerMaxRssBytes = maxRss,
        };
    }

    private string Name => persistence == Persistence.None ? "no persistence" : "appendonly everysec";

    private async Task PreloadAsync(IDatabase database)
    {
        var time = DateTimeOffset.UtcNow;
        var pending = new List<Task>(PreloadWindow);
        for (var index = 0; index < options.Events; index++)
        {
            pending.Add(database.StreamAddAsync(ProducerConfig.InputStream, "event", _feed.Next(time)));
            if (pending.Count == PreloadWindow)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    private async Task<ThroughputResults> MeasureThroughputAsync(
        IDatabase database, ChildProcess producer, RedisServerProcess redis, long expectedDenms, long expectedNew)
    {
        var redisCpuBefore = ProcessStats.CpuSeconds(redis.Pid);
        await WaitForOutputAsync(database, producer, expectedDenms, DrainTimeout(expectedDenms));
        var producerCpu = ProcessStats.CpuSeconds(producer.Pid);
        var redisCpu = ProcessStats.CpuSeconds(redis.Pid) - redisCpuBefore;

        var entries = await OutputStream.ReadAllAsync(database);
        var firstToLastSeconds = entries.Count > 1 ? (entries[^1].AddedMs - entries[0].AddedMs) / 1000.0 : 0;
        var fields = await OutputStream.NewestFieldsAsync(database);
        return new ThroughputResults
        {
            Events = options.Events,
            ExpectedDenms = expectedDenms,
            ExpectedNew = expectedNew,
            DenmsOut = entries.Count,
            NewOut = entries.Count(entry => entry.IsNew),
            DeadLetters = await database.StreamLengthAsync(ProducerConfig.DeadLetterStream),
            // Entries after the first over the time from the first: the rate, not counting the first's own time.
            DenmsPerSecond = firstToLastSeconds > 0 ? (entries.Count - 1) / firstToLastSeconds : 0,
            FirstToLastSeconds = firstToLastSeconds,
            ProducerCpuSeconds = producerCpu,
            RedisCpuSeconds = redisCpu,
            OutputEntryBytes = RedisBenchmark.EntryBytes(fields),
        };
    }

    private async Task<LatencyResults> MeasureLatencyAsync(IDatabase database, ChildProcess producer, RedisServerProcess redis, int rate, int seconds)
    {
        var producerCpuBefore = ProcessStats.CpuSeconds(producer.Pid);
        var redisCpuBefore = ProcessStats.CpuSeconds(redis.Pid);
        var collisionsBefore = _feed.Collisions;
        var warmupEnd = TimeSpan.FromSeconds(seconds / 10.0);
        long rssAfterWarmup = 0;
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var total = (long)rate * seconds;
        // Paced: at any moment the events due are rate × elapsed; send those, then sleep about 1 ms.
        // Bounded by the event count, and the last event is due at the run's end.
        while (sent < total)
        {
            var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                _ = database.StreamAddAsync(ProducerConfig.InputStream, "event", _feed.Next(DateTimeOffset.UtcNow), flags: CommandFlags.FireAndForget);
            }

            if (rssAfterWarmup == 0 && clock.Elapsed >= warmupEnd)
            {
                rssAfterWarmup = ProcessStats.RssBytes(producer.Pid);
            }

            Thread.Sleep(1);
        }

        var offeredSeconds = clock.Elapsed.TotalSeconds;
        var expected = _feed.Collisions - collisionsBefore;
        await WaitForOutputAsync(database, producer, expected, DrainTimeout(expected));
        var rssAtEnd = ProcessStats.RssBytes(producer.Pid);
        var producerCpu = ProcessStats.CpuSeconds(producer.Pid) - producerCpuBefore;
        var redisCpu = ProcessStats.CpuSeconds(redis.Pid) - redisCpuBefore;

        var entries = await OutputStream.ReadAllAsync(database);
        var latencies = entries.Select(entry => (double)(entry.AddedMs - entry.SourceInputMs)).Order().ToArray();
        return new LatencyResults
        {
            OfferedEventsPerSecond = rate,
            AchievedEventsPerSecond = sent / offeredSeconds,
            Seconds = seconds,
            EventsSent = sent,
            DenmsOut = entries.Count,
            ExpectedDenms = expected,
            P50Ms = Percentile(latencies, 0.50),
            P99Ms = Percentile(latencies, 0.99),
            P999Ms = Percentile(latencies, 0.999),
            MaxMs = latencies.Length > 0 ? latencies[^1] : 0,
            ProducerCpuSeconds = producerCpu,
            RedisCpuSeconds = redisCpu,
            RssAfterWarmupBytes = rssAfterWarmup,
            RssAtEndBytes = rssAtEnd,
        };
    }

    /// <summary>Waits until the output stream holds <paramref name="expected"/> entries; fails if the producer exits or time runs out.</summary>
    private static async Task WaitForOutputAsync(IDatabase database, ChildProcess producer, long expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await database.StreamLengthAsync(ProducerConfig.OutputStream) < expected)
        {
            if (producer.HasExited)
            {
                throw new InvalidOperationException($"step_producer exited with {producer.ExitCode}; see {producer.LogPath}");
            }

            if (clock.Elapsed > timeout)
            {
                var have = await database.StreamLengthAsync(ProducerConfig.OutputStream);
                var deadLetters = await database.StreamLengthAsync(ProducerConfig.DeadLetterStream);
                throw new TimeoutException(
                    $"{ProducerConfig.OutputStream} holds {have} of {expected} DENMs after {timeout.TotalSeconds:F0} s "
                    + $"({deadLetters} dead letters); see {producer.LogPath}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Generous: 30 s plus 1 ms per DENM (1,000 DENMs/s, a twentieth of the target rate).</summary>
    private static TimeSpan DrainTimeout(long denms) => TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(denms);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
