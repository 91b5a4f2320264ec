namespace Parley.Text;

/// <summary>
/// Maps offsets of a cleaned text back to the original it was cut from. Cleaning only ever keeps or
/// drops runs of the original, so the map is a sorted list of kept runs and every cleaned character
/// has exactly one original position.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _cleanStarts;
    private readonly int[] _originalStarts;
    private readonly int[] _lengths;

    private OffsetMap(int[] cleanStarts, int[] originalStarts, int[] lengths, int originalLength)
    {
        _cleanStarts = cleanStarts;
        _originalStarts = originalStarts;
        _lengths = lengths;
        OriginalLength = originalLength;
    }

    public int OriginalLength { get; }

    /// <summary>The map of a text that was not changed.</summary>
    public static OffsetMap Identity(int length) => new([0], [0], [length], length);

    /// <summary>
    /// Builds the cleaned text from the runs of <paramref name="original"/> that are kept, given the
    /// runs to drop (they may overlap and come in any order).
    /// </summary>
    public static (string Clean, OffsetMap Map) FromRemovals(string original, IEnumerable<TextSpan> removed)
    {
        var cuts = removed.Where(s => !s.IsEmpty).OrderBy(s => s.Start).ToList();
        var kept = new List<TextSpan>();
        int pos = 0;
        foreach (var cut in cuts)
        {
            int start = Math.Clamp(cut.Start, 0, original.Length);
            int end = Math.Clamp(cut.End, 0, original.Length);
            if (start > pos)
                kept.Add(new TextSpan(pos, start));
            pos = Math.Max(pos, end);
        }
        if (pos < original.Length)
            kept.Add(new TextSpan(pos, original.Length));

        var sb = new System.Text.StringBuilder(original.Length);
        var cs = new int[kept.Count];
        var os = new int[kept.Count];
        var ls = new int[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            cs[i] = sb.Length;
            os[i] = kept[i].Start;
            ls[i] = kept[i].Length;
            sb.Append(original, kept[i].Start, kept[i].Length);
        }
        if (kept.Count == 0)
            return (string.Empty, new OffsetMap([0], [0], [0], original.Length));
        return (sb.ToString(), new OffsetMap(cs, os, ls, original.Length));
    }

    /// <summary>The original position of the cleaned character at <paramref name="cleanOffset"/>.</summary>
    public int ToOriginal(int cleanOffset)
    {
        int i = Array.BinarySearch(_cleanStarts, cleanOffset);
        if (i < 0)
            i = ~i - 1;
        if (i < 0)
            i = 0;
        return _originalStarts[i] + Math.Min(cleanOffset - _cleanStarts[i], _lengths[i]);
    }

    /// <summary>
    /// The original range covering a cleaned range. The end maps from the last character inside the
    /// range, so a span that ends just before a removed run does not swallow it.
    /// </summary>
    public TextSpan ToOriginal(TextSpan clean)
    {
        if (clean.IsEmpty)
        {
            int p = ToOriginal(clean.Start);
            return new TextSpan(p, p);
        }
        return new TextSpan(ToOriginal(clean.Start), ToOriginal(clean.End - 1) + 1);
    }
}
