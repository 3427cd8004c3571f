using System.Text.Json;

namespace StepProducer.TestSupport;

/// <summary>
/// The independent DENM oracle: tests/oracle/denm-dissect (a copy of shared/tools/denm-dissect) decodes
/// UPER with Wireshark's ETSI ITS dissector (tshark 4.0, EN 302 637-3 v1.3.1 layout).
/// </summary>
public static class DenmDissect
{
    public static string ScriptPath => RepoPaths.Combine("tests", "oracle", "denm-dissect");

    /// <summary>
    /// Dissects each hex PDU. <see cref="ProcessResult.ExitCode"/> is 0 when every message decoded as a
    /// DENM with no malformed or expert-error item; stderr holds one status line per message.
    /// </summary>
    public static Task<ProcessResult> RunAsync(IEnumerable<string> uperHex, string format = "none") =>
        ProcessRunner.RunAsync("python3", [ScriptPath, "--format", format], string.Join('\n', uperHex) + "\n");

    /// <summary>
    /// Dissects the PDUs and returns, per message, every field tshark decoded as (name, show value) pairs,
    /// in dissection order. Throws when the oracle reports any message as malformed.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>> DecodeFieldsAsync(
        IReadOnlyList<string> uperHex)
    {
        var result = await RunAsync(uperHex, "json");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"denm-dissect failed ({result.ExitCode}): {result.StandardError}");
        }

        using var document = JsonDocument.Parse(result.StandardOutput);
        var messages = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        foreach (var packet in document.RootElement.EnumerateArray())
        {
            var fields = new List<KeyValuePair<string, string>>();
            var layers = packet.GetProperty("_source").GetProperty("layers");
            if (layers.TryGetProperty("its", out var its))
            {
                Flatten(its, fields);
            }

            messages.Add(fields);
        }

        return messages;
    }

    private static void Flatten(JsonElement element, List<KeyValuePair<string, string>> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, fields);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object)
                        {
                            Flatten(item, fields);
                        }
                        else
                        {
                            fields.Add(new(property.Name, item.ToString()));
                        }
                    }

                    break;
                default:
                    fields.Add(new(property.Name, property.Value.ToString()));
                    break;
            }
        }
    }
}
