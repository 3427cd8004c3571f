using System.Runtime.CompilerServices;

namespace StepProducer.Encoding.Uper;

/// <summary>
/// The constructs being encoded or decoded, outermost first: an ASN.1 component identifier, or the index of a
/// SEQUENCE OF element. A composite pushes its identifier on entry and pops it on a normal exit; only an error
/// turns the stack into a field path string (<see cref="Format(string)"/>), so a successful encode or decode
/// builds no string and runs no exception handler, and the small per-type methods stay inlinable.
/// </summary>
internal struct FieldPathStack
{
    /// <summary>
    /// The DENM modules have no recursive type, so the nesting is bounded. The deepest is 5 frames, e.g.
    /// alacarte.roadWorks.recommendedPath[i] and the ReferencePosition in it, or
    /// alacarte.impactReduction.positionOfPillars[i]; 8 leaves room and keeps the stack small (it is
    /// zeroed on every encode and decode).
    /// </summary>
    private const int Capacity = 8;

    private Frames _frames;
    private int _depth;

    /// <summary>Enters a component (an empty identifier, e.g. of a SEQUENCE OF element's type, adds nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(string identifier)
    {
        _frames[_depth] = new Frame { Identifier = identifier };
        _depth++;
    }

    /// <summary>Enters the elements of a SEQUENCE OF; <see cref="SetIndex"/> names the current one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushIndex()
    {
        _frames[_depth] = default;
        _depth++;
    }

    /// <summary>Names the SEQUENCE OF element now being encoded or decoded (the innermost frame is an index frame).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetIndex(int index) => _frames[_depth - 1].Index = index;

    /// <summary>Leaves the innermost component or SEQUENCE OF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Pop() => _depth--;

    /// <summary>
    /// The field path of <paramref name="field"/> (a path relative to the innermost construct, possibly empty):
    /// the identifiers joined with '.', an element index as <c>[index]</c>, e.g.
    /// <c>location.traces[0][3].pathPosition.deltaLatitude</c>. Called only on the error path.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly string Format(string field)
    {
        var path = field;
        for (var depth = _depth - 1; depth >= 0; depth--)
        {
            var frame = _frames[depth];
            path = frame.Identifier is { } identifier ? Prepend(identifier, path) : PrependIndex(frame.Index, path);
        }

        return path;
    }

    /// <summary>As <see cref="Format(string)"/> for a field of a component that pushed no frame of its own.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly string Format(string identifier, string field) => Format(Prepend(identifier, field));

    /// <summary>
    /// The relative path <c>[index].identifier</c> of a component of a SEQUENCE OF element that pushed no index
    /// frame (the element loop passes its index straight to the throw helper). Called only on the error path.
    /// </summary>
    public static string Element(int index, string identifier) => PrependIndex(index, identifier);

    private static string Prepend(string identifier, string path) =>
        identifier.Length == 0 ? path
        : path.Length == 0 ? identifier
        : path[0] == '[' ? identifier + path
        : identifier + "." + path;

    private static string PrependIndex(int index, string path) =>
        path.Length == 0 || path[0] == '[' ? $"[{index}]{path}" : $"[{index}].{path}";

    /// <summary>An identifier, or (Identifier null) a SEQUENCE OF element index.</summary>
    private struct Frame
    {
        public string? Identifier;
        public int Index;
    }

    [InlineArray(Capacity)]
    private struct Frames
    {
        private Frame _first;
    }
}
