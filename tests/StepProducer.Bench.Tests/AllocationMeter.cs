using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using BenchmarkDotNet.Running;

namespace StepProducer.Bench.Tests;

/// <summary>
/// Measures what one operation of a benchmark allocates on its own thread, by calling the benchmark's own
/// [GlobalSetup], [Benchmark] and [GlobalCleanup] methods (as BenchmarkDotNet found them) with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> around them. BenchmarkDotNet's in-process memory
/// diagnoser counts the whole process's allocations (GC.GetTotalAllocatedBytes), so the test host's own
/// threads showed up as 45 B per operation of a path that allocates nothing; this meter does not see them.
/// </summary>
internal static class AllocationMeter
{
    /// <summary>
    /// Operations before measuring (at least 2 calls): the first calls fill pools, grow reused buffers and JIT the code
    /// (tiered compilation), none of which is the steady state the budgets are about.
    /// </summary>
    private const int WarmupOperations = 200;

    /// <summary>Operations per measured round (fewer calls for a benchmark whose call is a batch of operations).</summary>
    private const int OperationsPerRound = 64;

    /// <summary>
    /// Rounds measured; the least allocating counts. A one-off in one round (an ArrayPool refill after a
    /// gen-2 GC trimmed the pool) does not repeat in every round; a per-operation allocation does.
    /// </summary>
    private const int Rounds = 3;

    /// <summary>Bytes per operation (rounded down, as BenchmarkDotNet reports them) of the least allocating round.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Tests are not trimmed; benchmark types are kept whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Tests are not trimmed; benchmark types are kept whole.")]
    public static long BytesPerOperation(BenchmarkCase benchmark)
    {
        var descriptor = benchmark.Descriptor;
        var instance = Activator.CreateInstance(descriptor.Type)
            ?? throw new InvalidOperationException($"{descriptor.Type.Name} could not be created");
        foreach (var parameter in benchmark.Parameters.Items)
        {
            var property = descriptor.Type.GetProperty(parameter.Name);
            if (property is not null)
            {
                property.SetValue(instance, parameter.Value);
            }
            else
            {
                descriptor.Type.GetField(parameter.Name)!.SetValue(instance, parameter.Value);
            }
        }

        descriptor.GlobalSetupMethod?.Invoke(instance, null);
        try
        {
            var operation = Operation(descriptor.WorkloadMethod, instance);
            // A benchmark method that does OperationsPerInvoke operations per call (a batch) is called
            // that much less often; BenchmarkDotNet reports its allocations per operation, and so does this.
            var operationsPerCall = descriptor.OperationsPerInvoke;
            var warmupCalls = Math.Max(2, WarmupOperations / operationsPerCall);
            var callsPerRound = Math.Max(1, OperationsPerRound / operationsPerCall);
            for (var warmup = 0; warmup < warmupCalls; warmup++)
            {
                Measure(descriptor, instance, operation);
            }

            var least = long.MaxValue;
            for (var round = 0; round < Rounds; round++)
            {
                long allocated = 0;
                for (var call = 0; call < callsPerRound; call++)
                {
                    allocated += Measure(descriptor, instance, operation);
                }

                least = Math.Min(least, allocated / ((long)callsPerRound * operationsPerCall));
            }

            return least;
        }
        finally
        {
            descriptor.GlobalCleanupMethod?.Invoke(instance, null);
        }
    }

    /// <summary>
    /// One call of the benchmark method, between its [IterationSetup] and [IterationCleanup] as BenchmarkDotNet
    /// runs them (those two are not measured); returns the bytes the call allocated.
    /// </summary>
    private static long Measure(Descriptor descriptor, object instance, Action operation)
    {
        descriptor.IterationSetupMethod?.Invoke(instance, null);
        var before = GC.GetAllocatedBytesForCurrentThread();
        operation();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        descriptor.IterationCleanupMethod?.Invoke(instance, null);
        return allocated;
    }

    /// <summary>
    /// A delegate that calls the benchmark method without the boxing and argument array of
    /// <see cref="MethodBase.Invoke(object, object[])"/>, which would be counted as the benchmark's.
    /// </summary>
    private static Action Operation(MethodInfo method, object instance)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(void))
        {
            return method.CreateDelegate<Action>(instance);
        }

        if (returnType == typeof(int))
        {
            var call = method.CreateDelegate<Func<int>>(instance);
            return () => call();
        }

        if (returnType == typeof(long))
        {
            var call = method.CreateDelegate<Func<long>>(instance);
            return () => call();
        }

        if (!returnType.IsValueType)
        {
            var call = method.CreateDelegate<Func<object?>>(instance);
            return () => call();
        }

        throw new NotSupportedException($"{method.DeclaringType!.Name}.{method.Name} returns {returnType.Name}; the meter calls benchmarks returning void, int, long or a reference");
    }
}
