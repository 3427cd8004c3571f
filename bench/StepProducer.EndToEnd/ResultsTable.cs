using System.Globalization;
using System.Text;

namespace StepProducer.EndToEnd;

/// <summary>The human-readable form of <see cref="HarnessResults"/>, and the checks of the record counts.</summary>
public static class ResultsTable
{
    private const double BytesPerMebibyte = 1024 * 1024;

    public static string Format(HarnessResults results)
    {
        var text = new StringBuilder();
        var machine = results.Machine;
        Append(text, $"machine: {machine.CpuModel}, {machine.Cores} cores, {machine.MemoryBytes / BytesPerMebibyte / 1024:F1} GiB, load {machine.LoadAverage1Min:F2} at start");
        Append(text, $"binary:  {results.Binary}, batchSize {results.BatchSize?.ToString(CultureInfo.InvariantCulture) ?? "default"}");
        foreach (var run in results.Runs)
        {
            var throughput = run.Throughput;
            text.AppendLine();
            Append(text, $"redis-server, {run.Persistence}");
            Append(text, $"  {"ratio producer DENMs/s / redis-benchmark XADD/s",-52} {run.Ratio:F3}");
            Append(text, $"  {"producer DENMs/s (first to last output entry)",-52} {throughput.DenmsPerSecond:F0}");
            Append(text, $"  {"redis-benchmark -c 1 -P 16 XADD/s",-52} {run.RedisBenchmark.XaddPerSecond:F0}");
            Append(text, $"  {"events / DENMs expected / out / new / dead letters",-52} {throughput.Events} / {throughput.ExpectedDenms} / {throughput.DenmsOut} / {throughput.NewOut} / {throughput.DeadLetters}");
            Append(text, $"  {"first to last output entry",-52} {throughput.FirstToLastSeconds:F3} s");
            Append(text, $"  {"CPU producer / redis-server (drain)",-52} {throughput.ProducerCpuSeconds:F2} s / {throughput.RedisCpuSeconds:F2} s");
            Append(text, $"  {"output entry",-52} {throughput.OutputEntryBytes} B");
            Append(text, $"  {"producer max RSS (VmHWM)",-52} {run.ProducerMaxRssBytes / BytesPerMebibyte:F1} MiB");
            Append(text, $"  {"offered/s",10} {"achieved/s",10} {"s",4} {"DENMs",8} {"p50 ms",7} {"p99 ms",7} {"p99.9 ms",8} {"max ms",7} {"CPU prod s",10} {"CPU redis s",11} {"RSS warm→end MiB",18}");
            foreach (var latency in run.Latency)
            {
                Append(text, $"  {latency.OfferedEventsPerSecond,10} {latency.AchievedEventsPerSecond,10:F0} {latency.Seconds,4} {latency.DenmsOut,8} {latency.P50Ms,7:F0} {latency.P99Ms,7:F0} {latency.P999Ms,8:F0} {latency.MaxMs,7:F0} {latency.ProducerCpuSeconds,10:F2} {latency.RedisCpuSeconds,11:F2} {$"{latency.RssAfterWarmupBytes / BytesPerMebibyte:F1}→{latency.RssAtEndBytes / BytesPerMebibyte:F1}",18}");
            }
        }

        Append(text, "latency: input XADD to output XADD on Redis entry IDs (1 ms steps); time figures depend on the machine's load");
        return text.ToString();
    }

    /// <summary>Every record count that differs from what the input makes the producer emit.</summary>
    public static List<string> CountErrors(HarnessResults results)
    {
        var errors = new List<string>();
        foreach (var run in results.Runs)
        {
            var throughput = run.Throughput;
            if (throughput.DenmsOut != throughput.ExpectedDenms || throughput.NewOut != throughput.ExpectedNew || throughput.DeadLetters != 0)
            {
                errors.Add($"{run.Persistence}: throughput run emitted {throughput.DenmsOut} DENMs ({throughput.NewOut} new, "
                    + $"{throughput.DeadLetters} dead letters); expected {throughput.ExpectedDenms} ({throughput.ExpectedNew} new, 0 dead letters)");
            }

            foreach (var latency in run.Latency.Where(latency => latency.DenmsOut != latency.ExpectedDenms))
            {
                errors.Add($"{run.Persistence}: the {latency.OfferedEventsPerSecond} events/s run emitted {latency.DenmsOut} DENMs, expected {latency.ExpectedDenms}");
            }
        }

        return errors;
    }

    private static void Append(StringBuilder text, string line) => text.Append(line).Append('\n');
}
