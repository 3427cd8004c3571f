using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using StepProducer.Benchmarks;
using Xunit.Abstractions;

namespace StepProducer.Bench.Tests;

/// <summary>
/// Runs every benchmark of bench/StepProducer.Benchmarks in this process (<see cref="AllocationMeter"/>) and
/// fails when one allocates more per operation than bench/allocation-budgets.json allows. No time is measured
/// or asserted.
/// </summary>
public sealed class AllocationBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryBenchmark_HasAnAllocationBudget_AndEveryBudgetABenchmark()
    {
        var budgets = AllocationBudgets.Load();
        var benchmarks = BenchmarkNames();

        Assert.Empty(benchmarks.Except(budgets.Keys));
        Assert.Empty(budgets.Keys.Except(benchmarks));
    }

    [Fact]
    public void EveryBenchmark_StaysWithinItsAllocationBudget()
    {
        var budgets = AllocationBudgets.Load();
        var overBudget = new List<string>();
        var measured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in BenchmarkRuns(config: null))
        {
            foreach (var benchmark in run.BenchmarksCases)
            {
                // One budget per method: every [Params] case of it must stay within it.
                var name = NameOf(benchmark.Descriptor.Type, benchmark.Descriptor.WorkloadMethod.Name);
                var allocated = AllocationMeter.BytesPerOperation(benchmark);
                var hasBudget = budgets.TryGetValue(name, out var budget);
                output.WriteLine($"{benchmark.DisplayInfo}: {allocated} B per operation (budget {(hasBudget ? $"{budget} B" : "none")})");
                measured.Add(name);
                if (!hasBudget || allocated > budget)
                {
                    overBudget.Add($"{name}: {allocated} B per operation, budget {(hasBudget ? $"{budget} B" : "none")} ({AllocationBudgets.FilePath})");
                }
            }
        }

        Assert.Equal(budgets.Keys.Order(), measured.Order());
        Assert.Empty(overBudget);
    }

    private static string NameOf(Type type, string method) => $"{type.Name}.{method}";

    private static HashSet<string> BenchmarkNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in BenchmarkRuns(config: null))
        {
            foreach (var benchmark in run.BenchmarksCases)
            {
                names.Add(NameOf(benchmark.Descriptor.Type, benchmark.Descriptor.WorkloadMethod.Name));
            }
        }

        return names;
    }

    /// <summary>One run per public class of the benchmark assembly that has [Benchmark] methods.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Tests are not trimmed; the benchmark assembly is loaded whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Tests are not trimmed; the benchmark assembly is loaded whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Tests are not trimmed; the benchmark assembly is loaded whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Tests are not trimmed; the benchmark assembly is loaded whole.")]
    private static BenchmarkRunInfo[] BenchmarkRuns(IConfig? config)
    {
        var runs = new List<BenchmarkRunInfo>();
        foreach (var type in typeof(BenchmarkConfigs).Assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods())
            {
                if (method.IsDefined(typeof(BenchmarkAttribute), inherit: false))
                {
                    runs.Add(BenchmarkConverter.TypeToBenchmarks(type, config));
                    break;
                }
            }
        }

        return runs.ToArray();
    }
}
