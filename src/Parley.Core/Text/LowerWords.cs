namespace Parley.Text;

/// <summary>
/// Lower-case forms of tokens, shared per thread: news repeats its words, so each distinct word is
/// lower-cased and allocated once instead of once per token.
/// </summary>
internal static class LowerWords
{
    [ThreadStatic]
    private static Dictionary<string, string>? _words;

    public static string Get(ReadOnlySpan<char> token)
    {
        var words = _words ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(token, out var lower))
            return lower;
        if (words.Count > 200_000)
            words.Clear();
        lower = token.ToString().ToLowerInvariant();
        words[lower] = lower;
        return lower;
    }
}
