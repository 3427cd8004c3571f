using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;
using System.Globalization;
using System.Text.Json;
using StepProducer.Encoding.Its;
using StepProducer.TestSupport;

namespace StepProducer.Encoding.Tests.Support;

/// <summary>
/// One golden vector of Vectors/denm_vectors.json or Vectors/typical_denm.json (copies of the shared vector
/// files): the flat <c>fields</c> map (v1.3.1 identifiers for both versions, validityDuration omitted when
/// DEFAULT) and the expected UPER hex. Builds the model of either version from the fields.
/// </summary>
public sealed class DenmVector
{
    private readonly Dictionary<string, JsonElement> _fields;

    private DenmVector(JsonElement vector)
    {
        Name = vector.GetProperty("name").GetString()!;
        AsnVersion = vector.GetProperty("asn1_version").GetString()!;
        UperHex = vector.GetProperty("uper_hex").GetString()!;
        _fields = [];
        foreach (var field in vector.GetProperty("fields").EnumerateObject())
        {
            _fields.Add(field.Name, field.Value.Clone());
        }
    }

    public string Name { get; }

    /// <summary>"v1" or "v2".</summary>
    public string AsnVersion { get; }

    public string UperHex { get; }

    public static IReadOnlyList<DenmVector> All { get; } = Load();

    public static DenmVector Typical => All.Single(vector => vector.Name.StartsWith("typical", StringComparison.Ordinal));

    public static DenmVector Named(string name) => All.Single(vector => vector.Name == name);

    /// <summary>The fields in the form of <see cref="ModelFlattener"/>: traces expanded, validityDuration 600 dropped.</summary>
    public SortedDictionary<string, string> ExpectedFlatFields()
    {
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _fields)
        {
            if (key == "location.traces")
            {
                ExpandTraces(expected, value);
            }
            else if (key == "termination")
            {
                expected.Add(key, ((int)ParseTermination(value)).ToString(CultureInfo.InvariantCulture));
            }
            else if (!(key == "validityDuration" && value.GetInt32() == V1.ManagementContainer.DefaultValidity))
            {
                expected.Add(key, value.GetInt64().ToString(CultureInfo.InvariantCulture));
            }
        }

        return expected;
    }

    public V1.Denm ToV1()
    {
        var denm = new V1.Denm
        {
            Header = new V1.ItsPduHeader { ProtocolVersion = Int("protocolVersion"), MessageID = Int("messageID"), StationID = (uint)Long("stationID") },
        };
        var management = denm.Payload.Management;
        management.ActionID = new V1.ActionID { OriginatingStationID = (uint)Long("actionID.originatingStationID"), SequenceNumber = Int("actionID.sequenceNumber") };
        management.DetectionTime = Long("detectionTime");
        management.ReferenceTime = Long("referenceTime");
        management.Termination = Termination();
        management.EventPosition = EventPosition();
        management.RelevanceDistance = (V1.RelevanceDistance?)OptionalInt("relevanceDistance");
        management.RelevanceTrafficDirection = (V1.RelevanceTrafficDirection?)OptionalInt("relevanceTrafficDirection");
        management.ValidityDuration = OptionalInt("validityDuration") ?? V1.ManagementContainer.DefaultValidity;
        management.TransmissionInterval = OptionalInt("transmissionInterval");
        management.StationType = Int("stationType");
        if (_fields.ContainsKey("situation.informationQuality"))
        {
            denm.Payload.Situation = new V1.SituationContainer
            {
                InformationQuality = Int("situation.informationQuality"),
                EventType = new V1.CauseCode { CauseCodeType = Int("situation.eventType.causeCode"), SubCauseCode = Int("situation.eventType.subCauseCode") },
            };
        }

        if (_fields.ContainsKey("location.traces"))
        {
            var heading = OptionalInt("location.eventPositionHeading.value");
            denm.Payload.Location = new V1.LocationContainer
            {
                EventSpeed = Speed(),
                EventPositionHeading = heading is { } value ? new Heading { HeadingValue = value, HeadingConfidence = Int("location.eventPositionHeading.confidence") } : null,
                Traces = Traces(),
                RoadType = (RoadType?)OptionalInt("location.roadType"),
            };
        }

        return denm;
    }

    public V2.Denm ToV2()
    {
        var denm = new V2.Denm
        {
            Header = new V2.ItsPduHeader { ProtocolVersion = Int("protocolVersion"), MessageId = Int("messageID"), StationId = (uint)Long("stationID") },
        };
        var management = denm.Payload.Management;
        management.ActionId = new V2.ActionId { OriginatingStationId = (uint)Long("actionID.originatingStationID"), SequenceNumber = Int("actionID.sequenceNumber") };
        management.DetectionTime = Long("detectionTime");
        management.ReferenceTime = Long("referenceTime");
        management.Termination = Termination();
        management.EventPosition = EventPosition();
        management.AwarenessDistance = (V2.StandardLength3b?)OptionalInt("relevanceDistance");
        management.TrafficDirection = (V2.TrafficDirection?)OptionalInt("relevanceTrafficDirection");
        management.ValidityDuration = OptionalInt("validityDuration") ?? V2.ManagementContainer.DefaultValidity;
        management.TransmissionInterval = OptionalInt("transmissionInterval");
        management.StationType = Int("stationType");
        if (_fields.ContainsKey("situation.informationQuality"))
        {
            denm.Payload.Situation = new V2.SituationContainer
            {
                InformationQuality = Int("situation.informationQuality"),
                EventType = new V2.CauseCodeV2 { CauseCode = Int("situation.eventType.causeCode"), SubCauseCode = Int("situation.eventType.subCauseCode") },
            };
        }

        if (_fields.ContainsKey("location.traces"))
        {
            var heading = OptionalInt("location.eventPositionHeading.value");
            denm.Payload.Location = new V2.LocationContainer
            {
                EventSpeed = Speed(),
                EventPositionHeading = heading is { } value ? new V2.Wgs84Angle { Value = value, Confidence = Int("location.eventPositionHeading.confidence") } : null,
                DetectionZonesToEventPosition = Traces(),
                RoadType = (RoadType?)OptionalInt("location.roadType"),
            };
        }

        return denm;
    }

    private static IReadOnlyList<DenmVector> Load()
    {
        var vectors = new List<DenmVector>();
        foreach (var file in new[] { "denm_vectors.json", "typical_denm.json" })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("tests", "StepProducer.Encoding.Tests", "Vectors", file)));
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var vector in document.RootElement.EnumerateArray())
                {
                    vectors.Add(new DenmVector(vector));
                }
            }
            else
            {
                vectors.Add(new DenmVector(document.RootElement));
            }
        }

        return vectors;
    }

    private static void ExpandTraces(SortedDictionary<string, string> expected, JsonElement traces)
    {
        expected.Add("location.traces.count", traces.GetArrayLength().ToString(CultureInfo.InvariantCulture));
        var traceIndex = 0;
        foreach (var trace in traces.EnumerateArray())
        {
            expected.Add($"location.traces[{traceIndex}].count", trace.GetArrayLength().ToString(CultureInfo.InvariantCulture));
            var pointIndex = 0;
            foreach (var point in trace.EnumerateArray())
            {
                foreach (var component in point.EnumerateObject())
                {
                    expected.Add($"location.traces[{traceIndex}][{pointIndex}].{component.Name}", component.Value.GetInt64().ToString(CultureInfo.InvariantCulture));
                }

                pointIndex++;
            }

            traceIndex++;
        }
    }

    /// <summary>The vectors write termination as its ENUMERATED identifier.</summary>
    private static StepProducer.Encoding.Denm.Termination ParseTermination(JsonElement value) => value.GetString() switch
    {
        "isCancellation" => StepProducer.Encoding.Denm.Termination.IsCancellation,
        "isNegation" => StepProducer.Encoding.Denm.Termination.IsNegation,
        var other => throw new InvalidDataException($"termination '{other}' is not a Termination identifier"),
    };

    private StepProducer.Encoding.Denm.Termination? Termination() =>
        _fields.TryGetValue("termination", out var value) ? ParseTermination(value) : null;

    private int Int(string key) => _fields[key].GetInt32();

    private long Long(string key) => _fields[key].GetInt64();

    private int? OptionalInt(string key) => _fields.TryGetValue(key, out var value) ? value.GetInt32() : null;

    private ReferencePosition EventPosition() => new()
    {
        Latitude = Int("eventPosition.latitude"),
        Longitude = Int("eventPosition.longitude"),
        PositionConfidenceEllipse = new PosConfidenceEllipse
        {
            SemiMajorConfidence = Int("eventPosition.semiMajorConfidence"),
            SemiMinorConfidence = Int("eventPosition.semiMinorConfidence"),
            SemiMajorOrientation = Int("eventPosition.semiMajorOrientation"),
        },
        Altitude = new Altitude { AltitudeValue = Int("eventPosition.altitudeValue"), AltitudeConfidence = (AltitudeConfidence)Int("eventPosition.altitudeConfidence") },
    };

    private Speed? Speed() => OptionalInt("location.eventSpeed.speedValue") is { } value
        ? new Speed { SpeedValue = value, SpeedConfidence = Int("location.eventSpeed.speedConfidence") }
        : null;

    private List<List<PathPoint>> Traces()
    {
        var traces = new List<List<PathPoint>>();
        foreach (var trace in _fields["location.traces"].EnumerateArray())
        {
            var path = new List<PathPoint>();
            foreach (var point in trace.EnumerateArray())
            {
                path.Add(new PathPoint
                {
                    PathPosition = new DeltaReferencePosition
                    {
                        DeltaLatitude = point.GetProperty("deltaLatitude").GetInt32(),
                        DeltaLongitude = point.GetProperty("deltaLongitude").GetInt32(),
                        DeltaAltitude = point.GetProperty("deltaAltitude").GetInt32(),
                    },
                    PathDeltaTime = point.TryGetProperty("pathDeltaTime", out var deltaTime) ? deltaTime.GetInt32() : null,
                });
            }

            traces.Add(path);
        }

        return traces;
    }
}
