namespace StepProducer.TestSupport;

/// <summary>Locates files of this repository from a test's working directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds StepProducer.sln.</summary>
    public static string Root => LazyRoot.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StepProducer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"StepProducer.sln not found above {AppContext.BaseDirectory}");
    }
}
