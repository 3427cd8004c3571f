namespace StepProducer.Packaging.Tests;

/// <summary>Reads a systemd unit file: [Section] headers, Key=Value lines, # and ; comments.</summary>
internal static class SystemdUnitFile
{
    public static IReadOnlyDictionary<string, Dictionary<string, List<string>>> Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>();
        Dictionary<string, List<string>>? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                current = new Dictionary<string, List<string>>();
                sections.Add(line.Trim('[', ']'), current);
                continue;
            }

            var separator = line.IndexOf('=');
            if (current is null || separator < 0)
            {
                throw new FormatException($"not a unit file line: '{line}'");
            }

            var key = line[..separator];
            if (!current.TryGetValue(key, out var values))
            {
                values = [];
                current.Add(key, values);
            }

            values.Add(line[(separator + 1)..]);
        }

        return sections;
    }
}
