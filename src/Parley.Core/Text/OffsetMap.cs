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
    public static (string Clean, OffsetMap Map) FromRemovals(string original, IEnumerable<TextSpan> removed) =>
        FromSortedRemovals(original, removed.OrderBy(s => s.Start).ToArray());

    /// <summary>
    /// <see cref="FromRemovals"/> for runs already sorted by start (they may overlap or be empty):
    /// no sorting and only the cleaned string and the map are allocated. When nothing is dropped the
    /// cleaned text is <paramref name="original"/> itself.
    /// </summary>
    public static (string Clean, OffsetMap Map) FromSortedRemovals(string original, ReadOnlySpan<TextSpan> removed)
    {
        // First pass counts the kept runs so the map's arrays get their exact size; the second fills them.
        int count = 0;
        int pos = 0;
        foreach (var cut in removed)
        {
            if (cut.IsEmpty)
                continue;
            int start = Math.Clamp(cut.Start, 0, original.Length);
            if (start > pos)
                count++;
            pos = Math.Max(pos, Math.Clamp(cut.End, 0, original.Length));
        }
        if (pos < original.Length)
            count++;
        if (count == 0)
            return (string.Empty, new OffsetMap([0], [0], [0], original.Length));

        var cs = new int[count];
        var os = new int[count];
        var ls = new int[count];
        int k = 0;
        int cleanLength = 0;
        pos = 0;
        foreach (var cut in removed)
        {
            if (cut.IsEmpty)
                continue;
            int start = Math.Clamp(cut.Start, 0, original.Length);
            if (start > pos)
                AddKept(pos, start);
            pos = Math.Max(pos, Math.Clamp(cut.End, 0, original.Length));
        }
        if (pos < original.Length)
            AddKept(pos, original.Length);

        if (cleanLength == original.Length)
            return (original, new OffsetMap(cs, os, ls, original.Length)); // nothing dropped
        string clean = string.Create(cleanLength, (original, os, ls), static (dest, runs) =>
        {
            int at = 0;
            for (int i = 0; i < runs.os.Length; i++)
            {
                runs.original.AsSpan(runs.os[i], runs.ls[i]).CopyTo(dest[at..]);
                at += runs.ls[i];
            }
        });
        return (clean, new OffsetMap(cs, os, ls, original.Length));

        void AddKept(int start, int end)
        {
            cs[k] = cleanLength;
            os[k] = start;
            ls[k] = end - start;
            cleanLength += end - start;
            k++;
        }
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
