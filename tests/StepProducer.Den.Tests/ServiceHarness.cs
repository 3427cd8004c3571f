using Microsoft.Extensions.Time.Testing;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;

namespace StepProducer.Den.Tests;

/// <summary>One emitted record, copied out of the sink call (the pooled bytes are returned at once).</summary>
internal sealed record Emitted(DenRecordKind Kind, ActionId ActionId, long ReferenceTime, long DetectionTime, byte[] Uper, RecordSource Source, long EmittedAtIts)
{
    public V2.Denm DecodeV2() => DenmV2Codec.Decode(Uper);

    public V1.Denm DecodeV1() => DenmV1Codec.Decode(Uper);
}

/// <summary>Copies every record, checks the model handed along matches the bytes, and returns the bytes to the pool.</summary>
internal sealed class RecordingSink(TimeProvider clock, int leapSeconds) : IDenRecordSink
{
    public List<Emitted> Records { get; } = [];

    public void Emit(in DenRecord record)
    {
        var bytes = record.Uper.Span.ToArray();
        var reencoded = new byte[bytes.Length];
        var modelWritten = record.Version == Asn1Version.V2
            ? DenmV2Codec.TryEncode(record.DenmV2!, reencoded, out var length)
            : DenmV1Codec.TryEncode(record.DenmV1!, reencoded, out length);
        if (!modelWritten || length != bytes.Length || !reencoded.AsSpan().SequenceEqual(bytes))
        {
            throw new InvalidOperationException($"the record's model does not encode to its bytes ({record.Kind} {record.ActionId})");
        }

        Records.Add(new Emitted(record.Kind, record.ActionId, record.ReferenceTime, record.DetectionTime, bytes, record.Source,
            ItsTimestamp.FromDateTimeOffset(clock.GetUtcNow(), leapSeconds)));
        record.Uper.Return();
    }

    public IEnumerable<Emitted> OfKind(DenRecordKind kind) => Records.Where(record => record.Kind == kind);
}

/// <summary>A <see cref="TimeProvider"/> whose wall clock and monotonic timestamp move independently.</summary>
internal sealed class SplitClock(DateTimeOffset wallClock) : TimeProvider
{
    private long _timestamp = 1_000_000;

    public DateTimeOffset WallClock { get; set; } = wallClock;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => WallClock;

    public override long GetTimestamp() => _timestamp;

    /// <summary>Moves both clocks, as real time passing does.</summary>
    public void Advance(TimeSpan elapsed)
    {
        _timestamp += elapsed.Ticks;
        WallClock += elapsed;
    }

    /// <summary>Moves only the monotonic timestamp.</summary>
    public void AdvanceMonotonic(TimeSpan elapsed) => _timestamp += elapsed.Ticks;
}

/// <summary>A service on a FakeTimeProvider with a recording sink, plus request builders.</summary>
internal sealed class ServiceHarness
{
    public const uint OwnStationId = 1001;

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public ServiceHarness(DenOptions? options = null, TimeProvider? clock = null, IDenStateStore? store = null)
    {
        Options = (options ?? new DenOptions()) with { StationId = OwnStationId };
        Clock = clock ?? new FakeTimeProvider(Start);
        Sink = new RecordingSink(Clock, Options.LeapSeconds);
        Store = store;
        Service = new DenService(Options, Clock, Sink, store);
    }

    public DenOptions Options { get; }

    public TimeProvider Clock { get; }

    public FakeTimeProvider Fake => (FakeTimeProvider)Clock;

    public RecordingSink Sink { get; }

    public IDenStateStore? Store { get; }

    public DenService Service { get; }

    public CollisionReport Report { get; } = new();

    public long NowIts => ItsTimestamp.FromDateTimeOffset(Clock.GetUtcNow(), Options.LeapSeconds);

    public DenResult Collision(
        uint[] stations,
        CollisionRisk risk = CollisionRisk.Crossing,
        TimeSpan? detectedAgo = null,
        double latitude = 48.1,
        double longitude = 11.5,
        double? probability = null,
        int? validityS = null,
        long line = 1)
    {
        Report.Reset();
        foreach (var station in stations)
        {
            Report.StationIds.Add(station);
        }

        Report.Risk = risk;
        Report.LatitudeDeg = latitude;
        Report.LongitudeDeg = longitude;
        Report.Probability = probability;
        Report.ValidityDurationS = validityS;
        Report.DetectionTime = detectedAgo is { } ago ? Clock.GetUtcNow() - ago : null;
        return Service.ReportCollision(Report, RecordSource.Line(line));
    }

    public DenResult Terminate(ActionId actionId, TimeSpan? detectedAgo = null)
    {
        var request = new TerminationRequest { ActionId = actionId };
        request.DetectionTime = detectedAgo is { } ago ? Clock.GetUtcNow() - ago : null;
        return Service.Terminate(request, RecordSource.Line(99));
    }

    /// <summary>Moves the fake clock in steps of the cleanup interval, calling Advance at each, like the daemon loop.</summary>
    public void Run(TimeSpan duration)
    {
        var step = TimeSpan.FromMilliseconds(Options.CleanupIntervalMs);
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += step)
        {
            Fake.Advance(step);
            Service.Advance();
        }
    }

    /// <summary>A DENM from another station, encoded with the codec of the configured version.</summary>
    public byte[] ForeignDenm(
        uint headerStationId,
        ActionId actionId,
        long detectionTime,
        long referenceTime,
        Termination? termination = null,
        int validityS = 10)
    {
        var position = new ReferencePosition
        {
            Latitude = 481000000,
            Longitude = 115000000,
            PositionConfidenceEllipse = new PosConfidenceEllipse { SemiMajorConfidence = 100, SemiMinorConfidence = 50, SemiMajorOrientation = 900 },
            Altitude = new Altitude { AltitudeValue = 52000, AltitudeConfidence = AltitudeConfidence.Alt_001_00 },
        };
        if (Options.Asn1 == Asn1Version.V1)
        {
            var v1 = new V1.Denm { Header = new V1.ItsPduHeader { ProtocolVersion = 2, MessageID = 1, StationID = headerStationId } };
            var management = v1.Payload.Management;
            management.ActionID = new V1.ActionID { OriginatingStationID = actionId.OriginatingStationId, SequenceNumber = actionId.SequenceNumber };
            management.DetectionTime = detectionTime;
            management.ReferenceTime = referenceTime;
            management.Termination = termination;
            management.EventPosition = position;
            management.ValidityDuration = validityS;
            management.StationType = 5;
            if (termination is null)
            {
                v1.Payload.Situation = new V1.SituationContainer { InformationQuality = 3, EventType = new V1.CauseCode { CauseCodeType = 97, SubCauseCode = 1 } };
            }

            return EncodeV1(v1);
        }

        var v2 = new V2.Denm();
        v2.Header = v2.Header with { StationId = headerStationId };
        var managementV2 = v2.Payload.Management;
        managementV2.ActionId = new V2.ActionId { OriginatingStationId = actionId.OriginatingStationId, SequenceNumber = actionId.SequenceNumber };
        managementV2.DetectionTime = detectionTime;
        managementV2.ReferenceTime = referenceTime;
        managementV2.Termination = termination;
        managementV2.EventPosition = position;
        managementV2.ValidityDuration = validityS;
        managementV2.StationType = 5;
        if (termination is null)
        {
            v2.Payload.Situation = new V2.SituationContainer { InformationQuality = 3, EventType = new V2.CauseCodeV2 { CauseCode = 97, SubCauseCode = 1 } };
            v2.Payload.Location = new V2.LocationContainer { DetectionZonesToEventPosition = [[]] };
        }

        var buffer = new byte[DenmV2Codec.GetMaxEncodedLength(v2)];
        Assert.True(DenmV2Codec.TryEncode(v2, buffer, out var written));
        return buffer[..written];
    }

    private static byte[] EncodeV1(V1.Denm denm)
    {
        var buffer = new byte[DenmV1Codec.GetMaxEncodedLength(denm)];
        Assert.True(DenmV1Codec.TryEncode(denm, buffer, out var written));
        return buffer[..written];
    }
}
