using Parley.Text;

namespace Parley.Cleaning;

/// <summary>
/// Where the paragraphs of a cleaned text are. News pages put one paragraph per line, and the cleaner
/// keeps line breaks, so a paragraph is a non-blank line; the spans exclude surrounding whitespace.
/// </summary>
public static class Paragraphs
{
    /// <summary>The non-blank lines of <paramref name="text"/>, trimmed, in order.</summary>
    public static List<TextSpan> Find(string text)
    {
        var result = new List<TextSpan>();
        foreach (var line in TextLines.Split(text))
        {
            var trimmed = Trim(text, line.Span);
            if (!trimmed.IsEmpty)
                result.Add(trimmed);
        }
        return result;
    }

    /// <summary>The index of the paragraph containing <paramref name="offset"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<TextSpan> paragraphs, int offset)
    {
        int lo = 0, hi = paragraphs.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var p = paragraphs[mid];
            if (offset < p.Start)
                hi = mid - 1;
            else if (offset >= p.End)
                lo = mid + 1;
            else
                return mid;
        }
        return -1;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s]))
            s++;
        while (e > s && char.IsWhiteSpace(text[e - 1]))
            e--;
        return new TextSpan(s, e);
    }
}
