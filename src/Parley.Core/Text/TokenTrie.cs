namespace Parley.Text;

/// <summary>
/// A trie over token sequences (lower-case strings), for matching multiword phrases of a lexicon
/// at a token position without scanning the text with regular expressions. Built once, then read-only.
/// </summary>
public sealed class TokenTrie<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public T? Value;
        public bool HasValue;
    }

    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds a phrase; the first value added for a phrase wins.</summary>
    public void Add(IReadOnlyList<string> tokens, T value)
    {
        var node = _root;
        foreach (var t in tokens)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(t, out var next))
                node.Children[t] = next = new Node();
            node = next;
        }
        if (!node.HasValue)
        {
            node.Value = value;
            node.HasValue = true;
            Count++;
        }
    }

    /// <summary>
    /// The longest phrase starting at <paramref name="start"/> (and ending before <paramref name="end"/>),
    /// as its length in tokens, or 0 when none matches.
    /// </summary>
    public int LongestMatch(IReadOnlyList<string> tokens, int start, int end, out T? value)
    {
        value = default;
        int best = 0;
        var node = _root;
        for (int i = start; i < end; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(tokens[i], out var next))
                break;
            node = next;
            if (node.HasValue)
            {
                best = i - start + 1;
                value = node.Value;
            }
        }
        return best;
    }

    /// <summary>Whether any phrase starts with this token (a cheap pre-check).</summary>
    public bool StartsWith(string token) => _root.Children is not null && _root.Children.ContainsKey(token);

    /// <summary>Splits a phrase of a data file into the tokens the tokenizer would produce, lower-cased.</summary>
    public static string[] PhraseTokens(string phrase)
    {
        var list = new List<Segmentation.Token>();
        Segmentation.Tokenizer.Tokenize(phrase, list);
        var result = new string[list.Count];
        for (int i = 0; i < list.Count; i++)
            result[i] = list[i].Span.Slice(phrase).ToLowerInvariant();
        return result;
    }
}
