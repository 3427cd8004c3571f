using System.Text.Json.Nodes;
using StepProducer.TestSupport;

namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>A step_producer config file for a test's redis-server, written as JSON into a temp directory.</summary>
public sealed class ProducerConfig
{
    public const string Events = "{s}:events";
    public const string Received = "{s}:received";
    public const string Output = "{s}:denm";
    public const string DeadLetter = "{s}:dead";

    public ProducerConfig(RedisServer server, uint stationId = 1234)
    {
        Root = new JsonObject
        {
            ["instanceName"] = "rsu-a",
            ["stationId"] = stationId,
            ["timeout"] = 2,
            ["den"] = new JsonObject { ["validityDurationS"] = 2, ["minUpdateIntervalMs"] = 0 },
            ["redis"] = new JsonObject
            {
                ["connection"] = new JsonObject
                {
                    ["host"] = "127.0.0.1",
                    ["port"] = server.Port,
                    ["retryIntervalMs"] = 100,
                    ["maxRetryIntervalMs"] = 500,
                },
                ["streams"] = new JsonObject
                {
                    ["inputs"] = new JsonArray(
                        new JsonObject { ["name"] = Events, ["kind"] = "events", ["group"] = "producers" },
                        new JsonObject { ["name"] = Received, ["kind"] = "receivedDenm", ["group"] = "producers" }),
                    ["outputs"] = new JsonArray(new JsonObject { ["name"] = Output, ["jer"] = true, ["maxLength"] = 0 }),
                    ["deadLetter"] = DeadLetter,
                    ["batchSize"] = 64,
                    ["claimIdleMs"] = 1000,
                },
            },
            ["log"] = new JsonObject { ["level"] = "Information" },
        };
    }

    public JsonObject Root { get; }

    public JsonObject Redis => Root["redis"]!.AsObject();

    public JsonObject Connection => Redis["connection"]!.AsObject();

    public JsonObject Streams => Redis["streams"]!.AsObject();

    public JsonObject Den => Root["den"]!.AsObject();

    /// <summary>Writes the config (mode 0600, as an operator should) and returns its path.</summary>
    public string Write(string directory, string name = "config.json")
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, Root.ToJsonString());
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
