namespace Parley.Text;

/// <summary>
/// <c>text.Contains(pattern, StringComparison.OrdinalIgnoreCase)</c>, found faster. With globalization
/// off (as the CLI runs) the library's own search compares at every position, character by character;
/// here the places where one ASCII letter of the pattern (either case) stands are found with vectors,
/// and only there is the pattern compared. Under OrdinalIgnoreCase no character outside ASCII equals
/// an ASCII one, so every match has that very letter there: the answer is the library's.
/// </summary>
public static class TextSearch
{
    /// <summary>Whether <paramref name="text"/> contains <paramref name="pattern"/>, ignoring case.</summary>
    public static bool ContainsIgnoreCase(ReadOnlySpan<char> text, string pattern) =>
        ContainsIgnoreCase(text, pattern, Anchor(pattern));

    /// <summary>The index of the pattern's first ASCII letter (the character to search for), or -1.</summary>
    public static int Anchor(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
            if (char.IsAsciiLetter(pattern[i]))
                return i;
        return -1;
    }

    /// <param name="anchor">An index of <paramref name="pattern"/> holding an ASCII letter (a rare one is
    /// fastest), or -1 to use the library's search.</param>
    public static bool ContainsIgnoreCase(ReadOnlySpan<char> text, string pattern, int anchor)
    {
        if (anchor < 0)
            return text.Contains(pattern, StringComparison.OrdinalIgnoreCase);
        char lower = (char)(pattern[anchor] | 0x20), upper = (char)(pattern[anchor] & ~0x20);
        int last = text.Length - pattern.Length; // the last place a match may start
        int from = anchor;
        while (from - anchor <= last)
        {
            int at = text[from..].IndexOfAny(lower, upper);
            if (at < 0)
                return false;
            int start = from + at - anchor;
            if (start > last)
                return false;
            if (text.Slice(start, pattern.Length).Equals(pattern, StringComparison.OrdinalIgnoreCase))
                return true;
            from += at + 1;
        }
        return false;
    }
}
