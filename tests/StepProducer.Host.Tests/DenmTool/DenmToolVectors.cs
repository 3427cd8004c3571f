using System.Text.Json;
using StepProducer.TestSupport;

namespace StepProducer.Host.Tests.DenmTool;

/// <summary>One golden UPER vector: its name, module version (v1 or v2) and hex.</summary>
public sealed record DenmToolVector(string Name, string Version, string UperHex)
{
    /// <summary>Every vector of denm_vectors.json and typical_denm.json (the copies in the Encoding tests).</summary>
    public static IReadOnlyList<DenmToolVector> All { get; } = Load();

    public static DenmToolVector Named(string name) => All.Single(vector => vector.Name == name);

    private static List<DenmToolVector> Load()
    {
        var folder = RepoPaths.Combine("tests", "StepProducer.Encoding.Tests", "Vectors");
        var vectors = new List<DenmToolVector>();
        using (var list = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "denm_vectors.json"))))
        {
            foreach (var vector in list.RootElement.EnumerateArray())
            {
                vectors.Add(From(vector));
            }
        }

        using (var typical = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "typical_denm.json"))))
        {
            vectors.Add(From(typical.RootElement));
        }

        return vectors;
    }

    private static DenmToolVector From(JsonElement vector) => new(
        vector.GetProperty("name").GetString()!,
        vector.GetProperty("asn1_version").GetString()!,
        vector.GetProperty("uper_hex").GetString()!);
}
