using System.Buffers;
using Parley.Segmentation;

namespace Parley.Actors;

/// <summary>
/// What the recogniser asks of a token's text again and again — its shape, the word lists of
/// <see cref="ActorLexicon"/> that hold it, whether a gazetteer or title phrase may start with it — as bits,
/// worked out once per distinct word (see <see cref="WordFactsCache"/>).
/// </summary>
[Flags]
internal enum WordFacts : ulong
{
    None = 0,

    /// <summary>The token is a word (<see cref="TokenKind.Word"/>); the only bit that depends on the token, not its text.</summary>
    Word = 1UL << 0,
    Capitalised = 1UL << 1,

    /// <summary>The first character is a lower-case letter.</summary>
    LowerInitial = 1UL << 2,
    Acronym = 1UL << 3,

    /// <summary>Ends in "'s" or "’s" after at least one character.</summary>
    Possessive = 1UL << 4,

    /// <summary>Starts with a name prefix of name_particles.tsv followed by a capital: "al-Thani".</summary>
    NamePrefix = 1UL << 5,

    /// <summary><see cref="ActorLexicon.Places"/> may match from here (its first token is the word or its possessive stem).</summary>
    PlaceStart = 1UL << 6,

    /// <summary><see cref="ActorLexicon.Roles"/> may match from here.</summary>
    RoleStart = 1UL << 7,

    /// <summary>A title prefix ("then-", "ex-") is glued to the word, and <see cref="ActorLexicon.Roles"/> may match after it.</summary>
    RoleStartAfterPrefix = 1UL << 8,

    NotName = 1UL << 9,
    TimeWord = 1UL << 10,
    Particle = 1UL << 11,
    OrgHead = 1UL << 12,
    BlocksActor = 1UL << 13,
    RoleModifier = 1UL << 14,
    Count = 1UL << 15,
    NameModifier = 1UL << 16,
    ClauseOpener = 1UL << 17,
    ComplementEnd = 1UL << 18,
    NameFollower = 1UL << 19,
    GivenName = 1UL << 20,
    InnerName = 1UL << 21,

    /// <summary>A regnal number of five letters at most that ends a name: "II", "III".</summary>
    RegnalNumber = 1UL << 22,

    /// <summary>The last word of a contact verb of actor_cues.tsv, in any case ("met", "with").</summary>
    ContactVerbEnd = 1UL << 23,
    FemaleCue = 1UL << 24,
    MaleCue = 1UL << 25,
}

/// <summary>
/// The <see cref="WordFacts"/> of tokens, for one lexicon and one thread. Most tokens are no word of any list and
/// start no gazetteer or title phrase: one case-insensitive lookup in the small set of the lexicon's words says so,
/// and their facts are only their shape. The facts of the others are worked out with the lexicon's own lookups the
/// first time each spelling comes, and kept.
/// </summary>
internal sealed class WordFactsCache
{
    [ThreadStatic]
    private static WordFactsCache? t_cache;

    /// <summary>The length of a glued title prefix ("then-": 5) sits above the flag bits.</summary>
    public const int PrefixShift = 56;

    private const int MaxSpellings = 8;
    private const int MaxWords = 100_000;

    /// <summary>The spellings of one lexicon word met so far ("the", "The"), with their facts.</summary>
    private sealed class Spellings
    {
        public readonly List<(string Word, WordFacts Facts)> Seen = new(2);
    }

    private readonly ActorLexicon _lex;
    private readonly HashSet<string> _contactVerbEnds = new(StringComparer.OrdinalIgnoreCase);

    // Every word of the lexicon's word lists and every first token of its tries, in any case; later also the
    // possessive or prefixed tokens ("China's", "then-President") whose facts needed the lexicon.
    private readonly Dictionary<string, Spellings> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _lexiconWords;

    // The last characters of the name and title prefixes ("al-", "d'", "then-"): a token with none of them has no
    // prefix. Null when a prefix ends in a letter or a character with a case (or is empty), which turns the shortcut off.
    private readonly SearchValues<char>? _prefixEnds;

    private WordFactsCache(ActorLexicon lexicon)
    {
        _lex = lexicon;
        foreach (var verb in lexicon.ContactVerbs)
            if (verb.Length > 0)
                _contactVerbEnds.Add(verb[^1]);
        HashSet<string>[] lists =
        [
            lexicon.NotName, lexicon.TimeWords, lexicon.Particles, lexicon.OrgHeads, lexicon.BlocksActor, lexicon.RoleModifiers,
            lexicon.Counts, lexicon.NameModifiers, lexicon.ClauseOpeners, lexicon.ComplementEnds, lexicon.NameFollowers,
            lexicon.GivenNames, lexicon.InnerNames, lexicon.Suffixes, lexicon.FemaleCues, lexicon.MaleCues, _contactVerbEnds,
        ];
        foreach (var list in lists)
            foreach (var w in list)
                _words.TryAdd(w, new Spellings());
        foreach (var w in lexicon.Places.FirstTokens)
            _words.TryAdd(w, new Spellings());
        foreach (var w in lexicon.Roles.FirstTokens)
            _words.TryAdd(w, new Spellings());
        _lexiconWords = _words.Count;

        var ends = new HashSet<char>();
        bool letterEnd = false;
        foreach (var p in lexicon.Prefixes.Concat(lexicon.TitlePrefixes))
        {
            // A character with a case (or a letter) could meet another in a case-insensitive comparison.
            letterEnd |= p.Length == 0 || char.IsLetter(p[^1]) || char.ToUpperInvariant(p[^1]) != p[^1] || char.ToLowerInvariant(p[^1]) != p[^1];
            if (p.Length > 0)
                ends.Add(p[^1]);
        }
        _prefixEnds = letterEnd ? null : SearchValues.Create([.. ends]);
    }

    /// <summary>The calling thread's cache for <paramref name="lexicon"/>.</summary>
    public static WordFactsCache For(ActorLexicon lexicon)
    {
        var cache = t_cache;
        if (cache is null || !ReferenceEquals(cache._lex, lexicon))
            t_cache = cache = new WordFactsCache(lexicon);
        return cache;
    }

    /// <summary>Fills <paramref name="facts"/> with the facts of each token.</summary>
    public void Fill(string text, List<Token> tokens, WordFacts[] facts)
    {
        var words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            var f = Of(token.Span.AsSpan(text), words);
            facts[k] = token.Kind == TokenKind.Word ? f | WordFacts.Word : f;
        }
    }

    private WordFacts Of(ReadOnlySpan<char> w, Dictionary<string, Spellings>.AlternateLookup<ReadOnlySpan<char>> words)
    {
        if (words.TryGetValue(w, out var spellings))
        {
            foreach (var (word, known) in spellings.Seen)
                if (w.SequenceEqual(word))
                    return known;
            var f = Compute(w);
            if (spellings.Seen.Count < MaxSpellings)
                spellings.Seen.Add((w.ToString(), f));
            return f;
        }
        // No word of the lexicon in any case: no list holds the token and no phrase starts with it, unless
        // through its possessive stem ("Korea's") or a title prefix ("then-President").
        var shape = Shape(w);
        if (!((shape & WordFacts.Possessive) != 0 && words.ContainsKey(w[..^2])) && (ulong)shape >> PrefixShift == 0)
            return shape;
        var facts = Compute(w);
        if (_words.Count < _lexiconWords + MaxWords)
        {
            var seen = new Spellings();
            seen.Seen.Add((w.ToString(), facts));
            words[w] = seen;
        }
        return facts;
    }

    /// <summary>What the characters alone say.</summary>
    private WordFacts Shape(ReadOnlySpan<char> w)
    {
        var f = WordFacts.None;
        if (Lexical.IsCapitalised(w))
            f |= WordFacts.Capitalised;
        if (w.Length > 0 && char.IsLower(w[0]))
            f |= WordFacts.LowerInitial;
        if (Lexical.IsAcronym(w))
            f |= WordFacts.Acronym;
        if (Lexical.StripPossessive(w, out _))
            f |= WordFacts.Possessive;
        if (_prefixEnds is null || w.ContainsAny(_prefixEnds))
        {
            if (HasNamePrefix(w))
                f |= WordFacts.NamePrefix;
            f |= (WordFacts)((ulong)TitlePrefixLength(w) << PrefixShift);
        }
        return f;
    }

    /// <summary>All the facts, with every lookup.</summary>
    private WordFacts Compute(ReadOnlySpan<char> w)
    {
        var f = Shape(w);
        if (_lex.Places.MayStartWith(w))
            f |= WordFacts.PlaceStart;
        if (_lex.Roles.MayStartWith(w))
            f |= WordFacts.RoleStart;
        int prefix = (int)((ulong)f >> PrefixShift);
        if (prefix > 0 && _lex.Roles.MayStartWith(w[prefix..]))
            f |= WordFacts.RoleStartAfterPrefix;
        f |= In(_lex.NotName, w, WordFacts.NotName)
            | In(_lex.TimeWords, w, WordFacts.TimeWord)
            | In(_lex.Particles, w, WordFacts.Particle)
            | In(_lex.OrgHeads, w, WordFacts.OrgHead)
            | In(_lex.BlocksActor, w, WordFacts.BlocksActor)
            | In(_lex.RoleModifiers, w, WordFacts.RoleModifier)
            | In(_lex.Counts, w, WordFacts.Count)
            | In(_lex.NameModifiers, w, WordFacts.NameModifier)
            | In(_lex.ClauseOpeners, w, WordFacts.ClauseOpener)
            | In(_lex.ComplementEnds, w, WordFacts.ComplementEnd)
            | In(_lex.NameFollowers, w, WordFacts.NameFollower)
            | In(_lex.GivenNames, w, WordFacts.GivenName)
            | In(_lex.InnerNames, w, WordFacts.InnerName)
            | In(_contactVerbEnds, w, WordFacts.ContactVerbEnd)
            | In(_lex.FemaleCues, w, WordFacts.FemaleCue)
            | In(_lex.MaleCues, w, WordFacts.MaleCue);
        if (w.Length <= 5 && (f & WordFacts.Acronym) != 0)
            f |= In(_lex.Suffixes, w, WordFacts.RegnalNumber);
        return f;
    }

    private static WordFacts In(HashSet<string> set, ReadOnlySpan<char> w, WordFacts fact) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) ? fact : WordFacts.None;

    /// <summary>"al-Thani", "d'Estaing": a listed prefix glued to a capitalised word.</summary>
    private bool HasNamePrefix(ReadOnlySpan<char> w)
    {
        foreach (var p in _lex.Prefixes)
            if (w.Length > p.Length && w.StartsWith(p, StringComparison.OrdinalIgnoreCase) && char.IsUpper(w[p.Length]))
                return true;
        return false;
    }

    /// <summary>The length of a "then-" or "ex-" glued to a title word, or 0.</summary>
    private int TitlePrefixLength(ReadOnlySpan<char> w)
    {
        foreach (var p in _lex.TitlePrefixes)
            if (w.Length > p.Length && w.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                return p.Length;
        return 0;
    }
}
