using System.Diagnostics.CodeAnalysis;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// A DENM in JER (ITU-T X.697) that cannot be read: <see cref="FieldPath"/> names the component
/// (for example <c>denm.management.eventPosition.latitude</c>) and <see cref="Rule"/> the rule it broke.
/// </summary>
public sealed class JerException : Exception
{
    public JerException(string fieldPath, string rule)
        : base(fieldPath.Length == 0 ? rule : $"{fieldPath}: {rule}")
    {
        FieldPath = fieldPath;
        Rule = rule;
    }

    /// <summary>Dotted ASN.1 identifiers from the top-level object; list items as <c>[index]</c>.</summary>
    public string FieldPath { get; }

    /// <summary>What was wrong, for example <c>900000002 outside -900000000..900000001</c>.</summary>
    public string Rule { get; }

    [DoesNotReturn]
    internal static void Throw(JerPath path, string rule) => throw new JerException(path.ToString(), rule);
}
