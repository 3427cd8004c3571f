using StepProducer.TestSupport;

namespace StepProducer.Packaging.Tests;

/// <summary>Runs the packaging tools (dpkg, rpm, lintian, systemd-analyze, qemu, readelf) as child processes.</summary>
internal static class Tool
{
    /// <summary>Runs the tool and fails the test, with its output, unless it exits 0.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? standardInput = null,
        TimeSpan? timeout = null)
    {
        var argumentList = arguments.ToList();
        var result = await ProcessRunner.RunAsync(fileName, argumentList, standardInput, timeout, environment);
        Assert.True(
            result.ExitCode == 0,
            $"{fileName} {string.Join(' ', argumentList)} exited {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        return result;
    }

    /// <summary>The newest GLIBC_x.y symbol version the binary needs (readelf -V).</summary>
    public static async Task<Version> GlibcFloorAsync(string binary)
    {
        var symbols = await RunCheckedAsync("readelf", ["-V", binary]);
        return System.Text.RegularExpressions.Regex.Matches(symbols.StandardOutput, @"GLIBC_(\d+\.\d+(?:\.\d+)?)")
            .Select(match => System.Version.Parse(match.Groups[1].Value))
            .Max()!;
    }
}
