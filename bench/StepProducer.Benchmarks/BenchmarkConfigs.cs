using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Validators;

namespace StepProducer.Benchmarks;

/// <summary>
/// The shared BenchmarkDotNet configurations: every suite runs with the memory diagnoser, and a benchmark
/// built without JIT optimizations is an error, not a warning (its figures would be meaningless).
/// </summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// How long BenchmarkDotNet may take to build the benchmark process. Its default of 2 minutes is not
    /// enough on a 2-core machine that is compiling something else too (measured: a build killed at 120 s).
    /// </summary>
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>For <c>./build.sh bench</c>: BenchmarkDotNet's defaults plus the memory diagnoser.</summary>
    public static IConfig Default { get; } = DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddValidator(JitOptimizationsValidator.FailOnError)
        .WithBuildTimeout(BuildTimeout);
}
