using System.Globalization;

namespace StepProducer.EndToEnd;

/// <summary>What the results were measured on, read from /proc.</summary>
public static class Machine
{
    public static MachineInfo Describe() => new()
    {
        CpuModel = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        Cores = Environment.ProcessorCount,
        MemoryBytes = 1024 * long.Parse(
            File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))["MemTotal:".Length..].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture),
        LoadAverage1Min = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture),
    };
}
