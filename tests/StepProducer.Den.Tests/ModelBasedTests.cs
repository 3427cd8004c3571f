using CsCheck;
using StepProducer.Encoding.Denm;

namespace StepProducer.Den.Tests;

/// <summary>
/// Random sequences of reports, terminations, received DENMs and clock advances, checked record by record
/// against a reference model of the tables: never two ACTIVE entries with one ActionID (or one event
/// key), and never a DENM for an entry whose validity has ended (except the expire-cancel that ends it).
/// </summary>
public class ModelBasedTests
{
    private const uint ForeignStationId = 900;

    private enum Step
    {
        Report,
        TerminateByKey,
        TerminateByActionId,
        ReceiveForeign,
        ReceiveNegationOfOurs,
        Advance,

        /// <summary>Time passes but the owner's loop has not called Advance yet: requests must still see current tables.</summary>
        ClockOnly,
    }

    [Fact]
    public void RandomOperations_KeepTheTableInvariants()
    {
        var options = Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Int[1, 3], Gen.Bool).Select((repetition, drop, coalesce, validity, repeatTerminations) => new DenOptions
        {
            StationId = ServiceHarness.OwnStationId,
            RepetitionIntervalMs = repetition * 150,
            RepetitionDurationMs = repetition == 2 ? 700 : 0,
            OnExpiry = drop ? OnExpiryAction.Drop : OnExpiryAction.Cancel,
            MinUpdateIntervalMs = coalesce ? 100 : 0,
            ValidityDurationS = validity,
            TerminationValidityS = validity == 3 ? 1 : null,
            RepeatTerminations = repeatTerminations,
            CancelAfterSilenceMs = validity == 2 ? 600 : 0,
            MaxActiveEvents = 4,
        });
        var step = Gen.Select(Gen.Enum<Step>(), Gen.Int[0, 5], Gen.Int[0, 1500]);
        Gen.Select(options, step.Array[1, 80]).Sample(sample => Run(sample.Item1, sample.Item2), iter: 400);
    }

    private static void Run(DenOptions options, (Step Kind, int Pick, int Amount)[] steps)
    {
        var harness = new ServiceHarness(options);
        var model = new TableModel();
        var seen = 0;
        var ourIds = new List<ActionId>();
        void CheckNewRecords()
        {
            for (; seen < harness.Sink.Records.Count; seen++)
            {
                model.Check(harness.Sink.Records[seen]);
            }
        }

        foreach (var (kind, pick, amount) in steps)
        {
            var now = harness.NowIts;
            switch (kind)
            {
                case Step.Report:
                    var result = harness.Collision([1, (uint)(pick + 2)], detectedAgo: TimeSpan.FromMilliseconds(amount % 400));
                    if (result.Outcome is DenOutcome.New)
                    {
                        ourIds.Add(result.ActionId);
                    }

                    break;
                case Step.TerminateByKey:
                    var request = new TerminationRequest { Risk = CollisionRisk.Crossing };
                    request.StationIds.Add(1);
                    request.StationIds.Add((uint)(pick + 2));
                    harness.Service.Terminate(request, RecordSource.Line(1));
                    break;
                case Step.TerminateByActionId:
                    harness.Terminate(pick % 2 == 0 && ourIds.Count > 0 ? ourIds[amount % ourIds.Count] : new ActionId(ForeignStationId, (ushort)(pick % 3)));
                    break;
                case Step.ReceiveForeign:
                    Termination? termination = (amount % 4) switch { 0 => Termination.IsCancellation, 1 => Termination.IsNegation, _ => null };
                    harness.Service.Receive(
                        harness.ForeignDenm(ForeignStationId, new ActionId(ForeignStationId, (ushort)(pick % 3)), now - (amount % 300), now - (amount % 200), termination, validityS: 1 + (pick % 3)),
                        RecordSource.Line(2));
                    break;
                case Step.ReceiveNegationOfOurs when ourIds.Count > 0:
                    var target = ourIds[pick % ourIds.Count];
                    if (harness.Service.Receive(harness.ForeignDenm(ForeignStationId, target, now, now, Termination.IsNegation), RecordSource.Line(3)).Outcome == DenOutcome.OwnEventNegated)
                    {
                        // Records from timers that ran at the start of the call precede the removal.
                        CheckNewRecords();
                        model.RemovedByNegation(target);
                    }

                    break;
                case Step.ClockOnly:
                    harness.Fake.Advance(TimeSpan.FromMilliseconds(amount));
                    break;
                default:
                    harness.Fake.Advance(TimeSpan.FromMilliseconds(amount));
                    harness.Service.Advance();
                    break;
            }

            CheckNewRecords();

            if (kind == Step.ClockOnly)
            {
                continue;
            }

            // An entry whose validity ended within the current 10 ms tick may or may not have been expired yet.
            var definitelyActive = model.ActiveAt(harness.NowIts);
            var possiblyActive = model.ActiveAt(harness.NowIts - options.CleanupIntervalMs);
            Assert.InRange(harness.Service.ActiveEventCount, definitelyActive, possiblyActive);
            Assert.True(harness.Service.ActiveEventCount <= options.MaxActiveEvents);
        }
    }

    /// <summary>The reference model: per ActionID, whether it is ACTIVE, its event key and when its latest DENM expires.</summary>
    private sealed class TableModel
    {
        private readonly Dictionary<ActionId, (bool Active, long ValidityEnd)> _entries = [];

        /// <summary>ACTIVE entries whose validity has not ended at <paramref name="nowIts"/> (onExpiry = drop removes silently).</summary>
        public int ActiveAt(long nowIts) => _entries.Values.Count(entry => entry.Active && entry.ValidityEnd > nowIts);

        public void RemovedByNegation(ActionId actionId) => _entries[actionId] = (false, 0);

        public void Check(Emitted record)
        {
            var management = record.DecodeV2().Payload.Management;
            var validityEnd = management.DetectionTime + (management.ValidityDuration * 1000L);
            var known = _entries.TryGetValue(record.ActionId, out var entry);
            switch (record.Kind)
            {
                case DenRecordKind.New:
                    Assert.False(known && entry.Active && entry.ValidityEnd > record.EmittedAtIts, $"a second ACTIVE entry for {record.ActionId}");
                    Assert.False(known && entry.ValidityEnd > record.EmittedAtIts, $"{record.ActionId} reused while its entry is still in the table");
                    Assert.True(validityEnd >= record.EmittedAtIts, "a new DENM that is already expired");
                    _entries[record.ActionId] = (true, validityEnd);
                    break;
                case DenRecordKind.Update:
                    Assert.True(known && entry.Active, $"an update for {record.ActionId}, which is not ACTIVE");
                    Assert.True(record.EmittedAtIts < entry.ValidityEnd, $"an update for {record.ActionId} after its validity ended");
                    _entries[record.ActionId] = (true, validityEnd);
                    break;
                case DenRecordKind.Repeat:
                    Assert.True(known, $"a repeat for unknown {record.ActionId}");
                    Assert.True(record.EmittedAtIts < entry.ValidityEnd, $"a repeat of {record.ActionId} after its validity ended");
                    break;
                case DenRecordKind.Cancel:
                    Assert.True(known && entry.Active, $"a cancellation of {record.ActionId}, which is not ACTIVE");
                    Assert.True(record.EmittedAtIts < entry.ValidityEnd, $"a cancellation of {record.ActionId} after its validity ended");
                    Assert.Equal(Termination.IsCancellation, management.Termination);
                    _entries[record.ActionId] = (false, validityEnd);
                    break;
                case DenRecordKind.Negate:
                    Assert.NotEqual(ServiceHarness.OwnStationId, record.ActionId.OriginatingStationId);
                    Assert.False(known && entry.Active);
                    Assert.Equal(Termination.IsNegation, management.Termination);
                    _entries[record.ActionId] = (false, validityEnd);
                    break;
                default:
                    Assert.True(known && entry.Active, $"an expire-cancel of {record.ActionId}, which is not ACTIVE");
                    Assert.True(record.EmittedAtIts >= entry.ValidityEnd, $"an expire-cancel of {record.ActionId} before its validity ended");
                    _entries[record.ActionId] = (false, 0);
                    break;
            }
        }
    }
}
