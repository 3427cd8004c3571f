using System.Diagnostics.CodeAnalysis;

namespace StepProducer.Host.Input;

/// <summary>A bad input line: the field path (e.g. <c>data.collisions[2].stationIds</c>) and the rule it broke.</summary>
public sealed class InputFormatException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;

    /// <summary>Throw helper: keeps the message formatting out of the parser's hot code.</summary>
    [DoesNotReturn]
    public static void Throw(string path, string reason) => throw new InputFormatException(path, reason);
}
