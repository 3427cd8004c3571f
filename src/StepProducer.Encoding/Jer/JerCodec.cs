using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The JER (ITU-T X.697 JSON encoding rules) mirror of a DENM, for both module versions: v1 is
/// EN 302 637-3 v1.3.1 on TS 102 894-2 v1.3.1, v2 is TS 103 831 v2.2.1 on TS 102 894-2 v2.2.1.
/// The JSON is <c>{"header": {...}, "denm": {...}}</c> with the ASN.1 identifiers of the DENM's own version as
/// keys, absent OPTIONALs and a validityDuration equal to its DEFAULT (600) left out, ENUMERATED values as
/// identifiers, a CHOICE as a one-key object, BIT STRINGs as hex, and INTEGERs as raw ETSI numbers.
/// The writers are meant for a compact <see cref="Utf8JsonWriter"/>: the hottest values (positions and path
/// points) go in as pre-formatted raw JSON, which an indenting writer would leave unindented.
/// </summary>
public static class JerCodec
{
    /// <summary>Writes a v1 DENM. Allocates nothing when the writer's buffer has room.</summary>
    public static void Write(Utf8JsonWriter writer, Denm.V1.Denm denm)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(denm);
        JerV1Writer.Write(writer, denm);
    }

    /// <summary>
    /// Writes a v2 DENM. Allocates nothing when the writer's buffer has room. Extension additions kept as raw
    /// UPER bytes are left out; <see cref="OmittedExtensionGroups"/> names them.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Denm.V2.Denm denm)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(denm);
        JerV2Writer.Write(writer, denm);
    }

    /// <summary>Reads one v1 DENM from a whole JSON text.</summary>
    /// <exception cref="JerException">The text is not the JER of a valid v1 DENM.</exception>
    public static Denm.V1.Denm ReadV1(ReadOnlySpan<byte> utf8Json) => JerV1Reader.Read(utf8Json);

    /// <summary>Reads one v2 DENM from a whole JSON text.</summary>
    /// <exception cref="JerException">The text is not the JER of a valid v2 DENM.</exception>
    public static Denm.V2.Denm ReadV2(ReadOnlySpan<byte> utf8Json) => JerV2Reader.Read(utf8Json);

    /// <summary>
    /// The parts of a v2 DENM that its JER leaves out: the extension addition groups of LocationContainer and
    /// AlacarteContainer (TS 103 831 v2.2.1), which the model keeps as raw UPER bytes with no JER form.
    /// One line per group present, naming its path and components.
    /// </summary>
    public static IReadOnlyList<string> OmittedExtensionGroups(Denm.V2.Denm denm)
    {
        ArgumentNullException.ThrowIfNull(denm);
        var omitted = new List<string>();
        if (denm.Payload.Location?.ExtensionGroupV22Raw is not null)
        {
            omitted.Add("denm.location: extension addition group [[lanePositions, occupiedLanes, linkedIvims, linkedMapems, "
                + "detectionZonesToSpecifiedEventPoint, predictedPaths]] is kept as raw UPER bytes and left out of the JER");
        }

        if (denm.Payload.Alacarte?.ExtensionGroupV22Raw is not null)
        {
            omitted.Add("denm.alacarte: extension addition group [[roadConfiguration, preCrash]] is kept as raw UPER bytes "
                + "and left out of the JER");
        }

        return omitted;
    }
}
