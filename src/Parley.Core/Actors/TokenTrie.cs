using Parley.Segmentation;

namespace Parley.Actors;

/// <summary>
/// A trie over token sequences, keyed case-insensitively so "Foreign Minister" and "foreign minister"
/// share a path; callers check case on the match where it matters ("US" vs "us"). Built once, then
/// only read, so one instance is safe to share across threads. Lookups take spans of the text and
/// allocate nothing.
/// </summary>
internal sealed class TokenTrie<T>
    where T : class
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public T? Value;
    }

    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds a key given as text; it is tokenised the way documents are. <paramref name="keep"/> decides between an existing value and the new one.</summary>
    public void Add(string key, T value, Func<T, T, T>? keep = null)
    {
        // News writes "People's" with either apostrophe; the data files use the ASCII one.
        if (key.Contains('\''))
            AddKey(key.Replace('\'', '\u2019'), value, keep);
        AddKey(key, value, keep);
    }

    private void AddKey(string key, T value, Func<T, T, T>? keep)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(key, tokens);
        if (tokens.Count == 0)
            return;
        var node = _root;
        foreach (var t in tokens)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
            var word = t.Span.Slice(key);
            if (!node.Next.TryGetValue(word, out var child))
                node.Next[word] = child = new Node();
            node = child;
        }
        if (node.Value is null)
            Count++;
        node.Value = node.Value is null || keep is null ? (node.Value ?? value) : keep(node.Value, value);
    }

    /// <summary>
    /// The longest key starting at token <paramref name="start"/> and ending before <paramref name="end"/>.
    /// The last token of a match may carry a possessive "'s" ("China's", "Seoul’s"), in which case the
    /// match stops there. Returns the number of tokens matched, 0 for none.
    /// </summary>
    /// <param name="skip">Characters to skip at the start of the first token ("then-" of "then-President").</param>
    public int Match(string text, List<Token> tokens, int start, int end, out T? value, out bool possessive, int skip = 0)
    {
        value = null;
        possessive = false;
        int best = 0;
        var node = _root;
        for (int i = start; i < end && node.Next is not null; i++)
        {
            var word = tokens[i].Span.AsSpan(text);
            if (i == start)
                word = word[skip..];
            var lookup = node.Next.GetAlternateLookup<ReadOnlySpan<char>>();
            if (Lexical.StripPossessive(word, out var stem) && lookup.TryGetValue(stem, out var owner) && owner.Value is not null)
            {
                // "Korea's": the stem ends a key; a longer key could not continue through a possessive.
                value = owner.Value;
                possessive = true;
                best = i - start + 1;
            }
            if (!lookup.TryGetValue(word, out var child))
                break;
            node = child;
            if (node.Value is not null)
            {
                value = node.Value;
                possessive = false;
                best = i - start + 1;
            }
            // Tokens of a key are adjacent or separated by spaces only; the key "U.S." must not match "U. S".
        }
        return best;
    }
}

/// <summary>Small helpers over the characters of a token.</summary>
internal static class Lexical
{
    /// <summary>"China's" gives "China"; "Koreas" and "'s" alone give false.</summary>
    public static bool StripPossessive(ReadOnlySpan<char> word, out ReadOnlySpan<char> stem)
    {
        if (word.Length > 2 && (word[^1] is 's' or 'S') && word[^2] is '\'' or '\u2019')
        {
            stem = word[..^2];
            return true;
        }
        stem = word;
        return false;
    }

    public static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    /// <summary>Two or more letters, all upper case: "US", "ROK", "NATO".</summary>
    public static bool IsAcronym(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }

    /// <summary>A key for comparing names as written: lower case, hyphens and extra spaces as one space, no possessive.</summary>
    public static string NormaliseName(ReadOnlySpan<char> name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int n = 0;
        bool space = false;
        if (StripPossessive(name, out var stem))
            name = stem;
        foreach (char c in name)
        {
            if (c == '.')
                continue; // "S. Jaishankar" and "S Jaishankar"
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011')
            {
                space = n > 0;
                continue;
            }
            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
