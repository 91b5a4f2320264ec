namespace Parley.Cleaning;

/// <summary>
/// Cheap judgements about one line of a news page: does it read like article prose (a sentence that
/// ends), like a title (short, no final period), or is it only a bullet? Used by the cleaner to find
/// where the story stops and link lists begin, and by the publication reader to find the headline.
/// </summary>
public static class LineShape
{
    /// <summary>Whitespace-separated words.</summary>
    public static int WordCount(ReadOnlySpan<char> line) => WordCount(line, int.MaxValue);

    /// <summary>
    /// Whitespace-separated words, counted up to <paramref name="limit"/>: the answer is exact when
    /// below it, and <paramref name="limit"/> otherwise (for tests like "more than 20 words" that
    /// need not read a long paragraph to its end).
    /// </summary>
    public static int WordCount(ReadOnlySpan<char> line, int limit)
    {
        // Arithmetic instead of branches on "word starts here": in prose that branch goes both ways
        // every few characters, and mispredicting it costs more than the counting.
        var asciiSpace = AsciiWhiteSpace;
        int n = 0;
        int inWord = 0;
        foreach (char c in line)
        {
            int space = c < 0x80 ? (asciiSpace[c] ? 1 : 0) : (char.IsWhiteSpace(c) ? 1 : 0);
            n += (inWord | space) ^ 1; // a non-space after a space (or at the start)
            inWord = space ^ 1;
            if (n >= limit)
                return limit;
        }
        return n;
    }

    /// <summary><see cref="char.IsWhiteSpace"/> of each ASCII character.</summary>
    private static readonly bool[] AsciiWhiteSpace = Enumerable.Range(0, 0x80).Select(c => char.IsWhiteSpace((char)c)).ToArray();

    /// <summary>
    /// A line that is article prose: ten words or more ending a sentence ('.', '!', '?', possibly
    /// followed by closing quotes, or by a credit in parentheses as in "... Pyongyang. (Yonhap)").
    /// </summary>
    public static bool IsProse(ReadOnlySpan<char> line) => EndsSentence(line) && WordCount(line, 10) >= 10;

    /// <summary>True when the line ends with sentence punctuation, looking past closing quotes and a final "(Credit)".</summary>
    public static bool EndsSentence(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        // "... Pyongyang. (Yonhap)", "... ministry. (PHOTO NOT FOR SALE) (Yonhap)"
        while (line.Length > 0 && line[^1] == ')')
        {
            int open = line.LastIndexOf('(');
            if (open <= 0)
                break;
            var before = line[..open].TrimEnd();
            if (before.Length == 0 || before[^1] is not ('.' or '!' or '?' or '"' or '”' or '’' or ')'))
                break;
            line = before;
        }
        while (line.Length > 0 && line[^1] is '"' or '”' or '’' or '\'' or ')' or ']')
            line = line[..^1];
        return line.Length > 0 && line[^1] is '.' or '!' or '?' or '…';
    }

    /// <summary>A line that looks like a headline or a link title: 1–20 words, not ending a sentence with '.' or '!'.</summary>
    public static bool IsTitleLike(ReadOnlySpan<char> line)
    {
        int words = WordCount(line, 21);
        if (words is < 1 or > 20)
            return false;
        var t = line.TrimEnd();
        while (t.Length > 0 && t[^1] is '"' or '”' or '’' or '\'')
            t = t[..^1];
        return t.Length > 0 && t[^1] is not ('.' or '!');
    }

    /// <summary>A line made only of separators ("-", "|", "*", "—").</summary>
    public static bool IsSeparatorOnly(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
            return false;
        foreach (char c in line)
        {
            if (!(char.IsWhiteSpace(c) || c is '-' or '|' or '*' or '—' or '–' or '_' or '=' or '~' or '•' or '·'))
                return false;
        }
        return true;
    }
}
