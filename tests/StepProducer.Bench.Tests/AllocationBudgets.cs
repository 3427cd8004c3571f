using System.Text.Json;
using StepProducer.TestSupport;

namespace StepProducer.Bench.Tests;

/// <summary>
/// bench/allocation-budgets.json: benchmark ("Class.Method") → the most bytes one operation may allocate,
/// as BenchmarkDotNet's memory diagnoser reports it.
/// </summary>
internal static class AllocationBudgets
{
    public static string FilePath => RepoPaths.Combine("bench", "allocation-budgets.json");

    public static IReadOnlyDictionary<string, long> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(FilePath));
        var budgets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var budget in document.RootElement.GetProperty("budgets").EnumerateObject())
        {
            budgets.Add(budget.Name, budget.Value.GetInt64());
        }

        return budgets;
    }
}
