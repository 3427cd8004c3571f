using System.Globalization;

namespace StepProducer.EndToEnd;

/// <summary>CPU time and memory of a running process, read from /proc (proc(5)).</summary>
public static class ProcessStats
{
    /// <summary>
    /// Clock ticks per second of utime/stime in /proc/&lt;pid&gt;/stat (sysconf(_SC_CLK_TCK)); 100 on every
    /// Linux architecture .NET runs on (the kernel's USER_HZ, fixed by its ABI).
    /// </summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>utime and stime are fields 14 and 15 of /proc/&lt;pid&gt;/stat; counted after "comm", they are the 12th and 13th.</summary>
    private const int UtimeAfterComm = 11;

    /// <summary>User plus system CPU seconds the process has used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // comm (field 2) is in parentheses and may hold spaces: split what follows its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[UtimeAfterComm], CultureInfo.InvariantCulture)
            + long.Parse(fields[UtimeAfterComm + 1], CultureInfo.InvariantCulture);
        return ticks / ClockTicksPerSecond;
    }

    /// <summary>Resident set size now (VmRSS), bytes.</summary>
    public static long RssBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>Peak resident set size (VmHWM), bytes.</summary>
    public static long MaxRssBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    private static long StatusKilobytes(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                // "VmRSS:	   12345 kB"
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no {key} line");
    }
}
