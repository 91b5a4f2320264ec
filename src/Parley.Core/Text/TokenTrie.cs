namespace Parley.Text;

/// <summary>
/// A trie over token sequences (lower-case strings), for matching multiword phrases of a lexicon
/// at a token position without scanning the text with regular expressions. Built once, then read-only.
/// </summary>
/// <remarks>
/// Keys compare ordinally by default (callers lower-case them, see <see cref="PhraseTokens"/>); a trie made
/// with <see cref="StringComparer.OrdinalIgnoreCase"/> instead keeps keys as written and matches any case,
/// and then <see cref="Match"/> reads the tokens straight from the text without allocating (the actor
/// gazetteers, where the caller checks case on the match: "US" against "us").
/// </remarks>
public sealed class TokenTrie<T>
{
    internal sealed class Node
    {
        public Dictionary<string, Node>? Children;

        /// <summary>Span lookups in <see cref="Children"/>, made once.</summary>
        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> ChildrenBySpan;

        /// <summary>The <see cref="ShapeBit"/> of every child: a token whose bit is not set is no child.</summary>
        public ulong ChildShapes;

        /// <summary>The child of this token, without hashing it when its shape rules it out.</summary>
        public bool TryGetChild(ReadOnlySpan<char> token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Node? child)
        {
            if ((ChildShapes & ShapeBit(token)) == 0)
            {
                child = null;
                return false;
            }
            return ChildrenBySpan.TryGetValue(token, out child);
        }

        public T? Value;
        public bool HasValue;
    }

    private readonly Node _root = new();
    private readonly StringComparer _comparer;

    // A cheap pre-check at the root, where most lookups fail: for each ASCII first character (folded to
    // lower case), a bit per length (63: longer) of the first tokens the trie has. A token whose shape is
    // absent cannot be a key, whatever the comparer. A first token starting outside ASCII turns it off
    // (its case mapping could meet an ASCII letter).
    private readonly ulong[] _rootShapes = new ulong[128];
    private bool _rootUnfiltered;

    /// <summary>A trie whose keys compare ordinally: give it lower-cased tokens.</summary>
    public TokenTrie()
        : this(StringComparer.Ordinal)
    {
    }

    /// <param name="comparer">How key tokens compare: <see cref="StringComparer.Ordinal"/> or <see cref="StringComparer.OrdinalIgnoreCase"/> (both allow span lookups).</param>
    public TokenTrie(StringComparer comparer) => _comparer = comparer;

    public int Count { get; private set; }

    /// <summary>Adds a phrase; the first value added for a phrase wins.</summary>
    public void Add(IReadOnlyList<string> tokens, T value) => Add(tokens, value, null);

    /// <summary>
    /// Adds a phrase; when the phrase already has a value, <paramref name="keep"/> (existing, new) decides
    /// which one stays (null: the first one).
    /// </summary>
    public void Add(IReadOnlyList<string> tokens, T value, Func<T, T, T>? keep)
    {
        if (tokens.Count == 0)
            return;
        var first = tokens[0];
        if (first.Length == 0 || first[0] >= 0x80)
            _rootUnfiltered = true;
        else
            _rootShapes[Fold(first[0])] |= 1UL << Math.Min(first.Length, 63);
        var node = _root;
        foreach (var t in tokens)
        {
            if (node.Children is null)
            {
                node.Children = new Dictionary<string, Node>(_comparer);
                node.ChildrenBySpan = node.Children.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            if (!node.Children.TryGetValue(t, out var next))
            {
                node.Children[t] = next = new Node();
                node.ChildShapes |= ShapeBit(t);
            }
            node = next;
        }
        if (!node.HasValue)
        {
            node.Value = value;
            node.HasValue = true;
            Count++;
        }
        else if (keep is not null)
            node.Value = keep(node.Value!, value);
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="start"/> of <paramref name="text"/> and ending before
    /// <paramref name="end"/>, read from the text without allocating. The last token of a match may carry a
    /// possessive "'s" ("China's", "Seoul’s"): then the phrase ends there and <paramref name="possessive"/> is
    /// true. Returns the number of tokens matched, 0 for none.
    /// </summary>
    /// <param name="skip">Characters to skip at the start of the first token ("then-" of "then-President").</param>
    public int Match(string text, IReadOnlyList<Segmentation.Token> tokens, int start, int end, out T? value, out bool possessive, int skip = 0)
    {
        var first = start < end ? FirstStep(tokens[start].Span.AsSpan(text)[skip..]) : default;
        return Match(text, tokens, first, start, end, out value, out possessive);
    }

    /// <summary>
    /// Where <see cref="Match(string, IReadOnlyList{Segmentation.Token}, int, int, out T, out bool, int)"/> goes from the
    /// first token of a phrase: the phrases the word starts, and the phrase its possessive stem is. It only depends on
    /// the word, so a caller may work it out once per spelling (<see cref="FirstStep"/>) and match from it.
    /// </summary>
    public readonly struct First
    {
        internal First(Node? word, Node? stem)
        {
            Word = word;
            Stem = stem;
        }

        internal Node? Word { get; }

        internal Node? Stem { get; }

        /// <summary>No phrase starts with the word: a match from here finds nothing.</summary>
        public bool IsEmpty => Word is null && Stem is null;
    }

    /// <summary>The first step of a match whose first token is <paramref name="word"/>.</summary>
    public First FirstStep(ReadOnlySpan<char> word)
    {
        if (_root.Children is null || (!RootMayHave(word) && !(word.Length > 2 && RootMayHave(word[..^2]))))
            return default;
        Node? stem = null;
        if (word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '\u2019'
            && _root.TryGetChild(word[..^2], out var owner) && owner.HasValue)
            stem = owner; // "Korea's": the stem ends a phrase
        _root.TryGetChild(word, out var node);
        return new First(node, stem);
    }

    /// <summary>
    /// <see cref="Match(string, IReadOnlyList{Segmentation.Token}, int, int, out T, out bool, int)"/> with its first
    /// step given: <paramref name="first"/> must be the <see cref="FirstStep"/> of token <paramref name="start"/>.
    /// </summary>
    public int Match(string text, IReadOnlyList<Segmentation.Token> tokens, First first, int start, int end, out T? value, out bool possessive) =>
        Match(text, tokens, first, start, end, default(AnyToken), out value, out possessive);

    /// <summary>
    /// As <see cref="Match(string, IReadOnlyList{Segmentation.Token}, First, int, int, out T, out bool)"/>, but the match
    /// ends, without a lookup, at a token <paramref name="gate"/> says no phrase can go on through (a caller that knows
    /// per token which words follow another in some phrase).
    /// </summary>
    public int Match<TGate>(string text, IReadOnlyList<Segmentation.Token> tokens, First first, int start, int end, TGate gate,
        out T? value, out bool possessive)
        where TGate : struct, ITokenGate
    {
        value = default;
        possessive = false;
        int best = 0;
        if (first.Stem is { } owner)
        {
            value = owner.Value;
            possessive = true;
            best = 1;
        }
        if (first.Word is not { } node)
            return best;
        if (node.HasValue)
        {
            value = node.Value;
            possessive = false;
            best = 1;
        }
        for (int i = start + 1; i < end && node.Children is not null && gate.MayContinue(i); i++)
        {
            var word = tokens[i].Span.AsSpan(text);
            if (word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '\u2019'
                && node.TryGetChild(word[..^2], out var stem) && stem.HasValue)
            {
                // "Korea's": the stem ends a phrase; no longer phrase continues through a possessive.
                value = stem.Value;
                possessive = true;
                best = i - start + 1;
            }
            if (!node.TryGetChild(word, out var next))
                break;
            node = next;
            if (node.HasValue)
            {
                value = node.Value;
                possessive = false;
                best = i - start + 1;
            }
        }
        return best;
    }

    /// <summary>The first tokens of the phrases, as added.</summary>
    public IEnumerable<string> FirstTokens => _root.Children?.Keys ?? Enumerable.Empty<string>();

    /// <summary>The tokens that follow another in some phrase (the keys below the first tokens), once per node that has them.</summary>
    public IEnumerable<string> InnerTokens
    {
        get
        {
            if (_root.Children is null)
                yield break;
            var stack = new Stack<Node>(_root.Children.Values);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node.Children is null)
                    continue;
                foreach (var (token, child) in node.Children)
                {
                    yield return token;
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>
    /// Whether <see cref="Match(string, IReadOnlyList{Segmentation.Token}, int, int, out T, out bool, int)"/> can find a phrase
    /// whose first token is <paramref name="word"/>. False means Match returns 0 at that token.
    /// </summary>
    public bool MayStartWith(ReadOnlySpan<char> word) => !FirstStep(word).IsEmpty;

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
            if (i == start && !RootMayHave(tokens[i]))
                break;
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

    /// <summary>
    /// Where <see cref="LongestMatch(IReadOnlyList{string}, int, int, out T)"/> goes from a first token: null when no
    /// phrase starts with it. It depends only on the token, so a caller that meets a word often may keep it per word
    /// and match with <see cref="LongestMatchFrom"/>, which then hashes no first token.
    /// </summary>
    internal Node? RootChild(string token) =>
        _root.Children is not null && RootMayHave(token) && _root.Children.TryGetValue(token, out var child) ? child : null;

    /// <summary>
    /// <see cref="LongestMatch(IReadOnlyList{string}, int, int, out T)"/> when the first token's node is known
    /// (<paramref name="first"/> = <see cref="RootChild"/>(tokens[start])).
    /// </summary>
    internal int LongestMatchFrom(Node? first, IReadOnlyList<string> tokens, int start, int end, out T? value)
    {
        value = default;
        if (first is null || start >= end)
            return 0;
        int best = 0;
        var node = first;
        if (node.HasValue)
        {
            best = 1;
            value = node.Value;
        }
        for (int i = start + 1; i < end; i++)
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
    public bool StartsWith(string token) => _root.Children is not null && RootMayHave(token) && _root.Children.ContainsKey(token);

    private static int Fold(char c) => c is >= 'A' and <= 'Z' ? c | 0x20 : c;

    /// <summary>
    /// A bit for a token's length and first character (folded): tokens equal in either comparer have the same bit.
    /// A first character outside ASCII sets every bit (its case mapping could meet an ASCII letter).
    /// </summary>
    private static ulong ShapeBit(ReadOnlySpan<char> token) =>
        token.IsEmpty || token[0] >= 0x80 ? ulong.MaxValue : 1UL << ((Fold(token[0]) * 7 + Math.Min(token.Length, 63)) & 63);

    /// <summary>False when no first token of the trie has this token's first character (either case) and length.</summary>
    private bool RootMayHave(ReadOnlySpan<char> token)
    {
        if (_rootUnfiltered || token.IsEmpty || token[0] >= 0x80)
            return true;
        return (_rootShapes[Fold(token[0])] & (1UL << Math.Min(token.Length, 63))) != 0;
    }

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

/// <summary>Whether a trie match may go on through token <c>token</c> (see <see cref="TokenTrie{T}"/>.Match).</summary>
public interface ITokenGate
{
    bool MayContinue(int token);
}

/// <summary>Every token may continue a match.</summary>
public readonly struct AnyToken : ITokenGate
{
    public bool MayContinue(int token) => true;
}
