using System.Text;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The JER reader's position in the value tree, kept only to name the field in a <see cref="JerException"/>.
/// Segments are pushed on entering a component or list item and popped on leaving it.
/// </summary>
internal sealed class JerPath
{
    // One segment per SEQUENCE, SEQUENCE OF item and CHOICE level; the deepest DENM path
    // (denm.alacarte.roadWorks.recommendedPath[i].positionConfidenceEllipse.semiMajorConfidence) has 7,
    // so 16 is never outgrown; the array still grows if a future type nests deeper.
    private const int InitialDepth = 16;

    private string?[] _names = new string?[InitialDepth];
    private int[] _indexes = new int[InitialDepth];
    private int _depth;

    public void Push(string name)
    {
        EnsureCapacity();
        _names[_depth] = name;
        _depth++;
    }

    public void PushIndex(int index)
    {
        EnsureCapacity();
        _names[_depth] = null;
        _indexes[_depth] = index;
        _depth++;
    }

    public void Pop() => _depth--;

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            if (_names[i] is { } name)
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(name);
            }
            else
            {
                text.Append('[').Append(_indexes[i]).Append(']');
            }
        }

        return text.ToString();
    }

    private void EnsureCapacity()
    {
        if (_depth == _names.Length)
        {
            Array.Resize(ref _names, _depth * 2);
            Array.Resize(ref _indexes, _depth * 2);
        }
    }
}
