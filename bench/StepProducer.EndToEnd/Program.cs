using System.Text.Json;
using StepProducer.EndToEnd;

// ./build.sh bench e2e [--json] [...]: see HarnessOptions.Usage. Exit codes: 0 measured, 1 a run failed or
// its record counts are wrong, 2 bad command line.
HarnessOptions options;
try
{
    if (args.Contains("-h") || args.Contains("--help"))
    {
        Console.WriteLine(HarnessOptions.Usage);
        return 0;
    }

    options = HarnessOptions.Parse(args, Path.Combine("artifacts", "linux-x64", "step_producer"));
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"step_producer_e2e: {error.Message}");
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

if (!File.Exists(options.Binary))
{
    Console.Error.WriteLine($"step_producer_e2e: --binary: {options.Binary} does not exist (./build.sh publish linux-x64 builds it)");
    return 2;
}

var machine = Machine.Describe();
var workDirectory = options.WorkDirectory ?? Directory.CreateTempSubdirectory("step_producer-e2e-").FullName;
var runs = new List<PersistenceResults>();
try
{
    foreach (var persistence in options.Persistences)
    {
        var scenario = new Scenario(options, persistence, Path.Combine(workDirectory, persistence.ToString()), Console.Error);
        runs.Add(await scenario.RunAsync());
    }
}
catch (Exception error) when (error is InvalidOperationException or TimeoutException)
{
    Console.Error.WriteLine($"step_producer_e2e: {error.Message}");
    return 1;
}
finally
{
    if (options.WorkDirectory is null)
    {
        Directory.Delete(workDirectory, recursive: true);
    }
}

var results = new HarnessResults { Machine = machine, Binary = Path.GetFullPath(options.Binary), BatchSize = options.BatchSize, Runs = runs };
Console.WriteLine(options.Json ? JsonSerializer.Serialize(results, ResultsJsonContext.Default.HarnessResults) : ResultsTable.Format(results));
var countErrors = ResultsTable.CountErrors(results);
foreach (var countError in countErrors)
{
    Console.Error.WriteLine($"step_producer_e2e: {countError}");
}

return countErrors.Count == 0 ? 0 : 1;
