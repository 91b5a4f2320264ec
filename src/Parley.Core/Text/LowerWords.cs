namespace Parley.Text;

/// <summary>
/// One distinct word in lower case, shared by every token that spells it (in any case), with a slot
/// where one lexicon at a time caches what it knows about the word (see <see cref="WordCache"/>).
/// </summary>
public sealed class WordForm
{
    internal WordForm(string lower) => Lower = lower;

    public string Lower { get; }

    /// <summary>Owner id in the top 8 bits, the owner's flags in the low 24; written as one int.</summary>
    internal int Cache;
}

/// <summary>
/// Per-word flags a lexicon computes once per distinct word instead of once per token. Each lexicon
/// instance takes an owner id; a word's cache holds the flags of the last owner that asked, so a
/// second lexicon only recomputes. The value is written as a single int, so threads sharing a word
/// at worst compute the same flags twice.
/// </summary>
internal static class WordCache
{
    private static int _owners;

    /// <summary>A new owner id (1..255; ids wrap, which only costs recomputation).</summary>
    public static int NewOwner() => (Interlocked.Increment(ref _owners) - 1) % 255 + 1;

    public static int Get(WordForm word, int owner, Func<string, int> compute)
    {
        int cached = word.Cache;
        if ((int)((uint)cached >> 24) == owner)
            return cached & 0xFFFFFF;
        int flags = compute(word.Lower) & 0xFFFFFF;
        word.Cache = (owner << 24) | flags;
        return flags;
    }
}

/// <summary>
/// Lower-case forms of tokens, shared per thread: news repeats its words, so each distinct word is
/// lower-cased and allocated once instead of once per token.
/// </summary>
internal static class LowerWords
{
    [ThreadStatic]
    private static Dictionary<string, WordForm>? _words;

    public static WordForm Get(ReadOnlySpan<char> token)
    {
        var words = _words ??= new Dictionary<string, WordForm>(StringComparer.OrdinalIgnoreCase);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(token, out var form))
            return form;
        if (words.Count > 200_000)
            words.Clear();
        var lower = token.ToString().ToLowerInvariant();
        form = new WordForm(lower);
        words[lower] = form;
        return form;
    }
}
