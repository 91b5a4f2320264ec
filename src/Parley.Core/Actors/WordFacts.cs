using Parley.Segmentation;
using Parley.Text;

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

    /// <summary>"he", "she", "his", "her" or "him", in any case.</summary>
    Pronoun = 1UL << 26,

    /// <summary>
    /// The word, or its possessive stem, follows another in some phrase of <see cref="ActorLexicon.Places"/>: without
    /// it, a gazetteer match cannot go on through the word.
    /// </summary>
    PlaceInner = 1UL << 27,

    /// <summary>As <see cref="PlaceInner"/>, for the titles of <see cref="ActorLexicon.Roles"/>.</summary>
    RoleInner = 1UL << 28,
}

/// <summary>
/// The <see cref="WordFacts"/> of tokens, for one lexicon and one thread, without hashing whole tokens.
/// </summary>
/// <remarks>
/// A token's signature mixes its length and four of its characters (case folded). Most tokens are no word of any
/// list and start no gazetteer or title phrase: a bit per signature, set for every word of the lexicon in any case,
/// says so, and their facts are only their shape, computed on the spot. The facts of the other tokens are worked
/// out with the lexicon's own lookups the first time each spelling comes and kept in a small table searched by
/// signature. The signature only reads characters that are ASCII, so it folds case exactly as
/// <see cref="StringComparer.OrdinalIgnoreCase"/> (the lexicon's comparer) does; a token with other characters in
/// those places takes the full lookups.
/// </remarks>
internal sealed class WordFactsCache
{
    [ThreadStatic]
    private static WordFactsCache? t_cache;

    /// <summary>The length of a glued title prefix ("then-": 5) sits above the flag bits.</summary>
    public const int PrefixShift = 56;

    private const int LexiconBits = 17;
    private const int BucketBits = LexiconBits - 5; // a bucket's lexicon bits are one uint
    private const int MaxSpellings = 1 << 15;

    private readonly ActorLexicon _lex;
    private readonly HashSet<string> _contactVerbEnds = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _placeInner, _roleInner;
    private static readonly HashSet<string> Pronouns = new(["he", "she", "his", "her", "him"], StringComparer.OrdinalIgnoreCase);

    // Per bucket (the signature's top BucketBits bits): a bit per signature of the bucket (its next 5 bits, so
    // LexiconBits in all) set when some word of the lexicon, in some case, has it; and the chain of the spellings
    // met whose facts needed the lexicon, as an index + 1 into _spellings (0 for none). Kept together, so that a
    // token's check and its lookup read one cache line.
    private readonly Bucket[] _buckets = new Bucket[1 << BucketBits];

    private struct Bucket
    {
        public uint Lexicon;
        public int Head;
    }
    private Spelling[] _spellings = new Spelling[256];
    private int _count;

    private struct Spelling
    {
        public uint Signature;
        public int Next;

        /// <summary>The word's first four characters, packed (see <see cref="Head"/>): a word that short needs no other comparison.</summary>
        public ulong Head;
        public string Word;
        public WordFacts Facts;
        public TokenTrie<GazEntry>.First Place;
        public TokenTrie<RoleEntry>.First Role;
    }

    // The lengths and last characters of the name and title prefixes ("al-", "d'", "then-"): a token has a prefix
    // only if one of those characters ends its first (length) characters. Null when a prefix ends in a letter or
    // a character with a case (or is empty), which turns the shortcut off.
    private readonly int[]? _prefixLengths;
    private readonly ulong _prefixEndsBelow64, _prefixEndsBelow128; // a bit per ASCII character
    private readonly char[] _otherPrefixEnds = [];

    private WordFactsCache(ActorLexicon lexicon)
    {
        _lex = lexicon;
        foreach (var verb in lexicon.ContactVerbs)
            if (verb.Length > 0)
                _contactVerbEnds.Add(verb[^1]);
        _placeInner = new HashSet<string>(lexicon.Places.InnerTokens, StringComparer.OrdinalIgnoreCase);
        _roleInner = new HashSet<string>(lexicon.Roles.InnerTokens, StringComparer.OrdinalIgnoreCase);
        HashSet<string>[] lists =
        [
            lexicon.NotName, lexicon.TimeWords, lexicon.Particles, lexicon.OrgHeads, lexicon.BlocksActor, lexicon.RoleModifiers,
            lexicon.Counts, lexicon.NameModifiers, lexicon.ClauseOpeners, lexicon.ComplementEnds, lexicon.NameFollowers,
            lexicon.GivenNames, lexicon.InnerNames, lexicon.Suffixes, lexicon.FemaleCues, lexicon.MaleCues, _contactVerbEnds, Pronouns, _placeInner, _roleInner,
        ];
        var asciiTwins = new Dictionary<char, char[]>();
        foreach (var list in lists)
            foreach (var w in list)
                MarkLexiconWord(w, asciiTwins);
        foreach (var w in lexicon.Places.FirstTokens)
            MarkLexiconWord(w, asciiTwins);
        foreach (var w in lexicon.Roles.FirstTokens)
            MarkLexiconWord(w, asciiTwins);

        var ends = new HashSet<char>();
        var lengths = new SortedSet<int>();
        bool letterEnd = false;
        foreach (var p in lexicon.Prefixes.Concat(lexicon.TitlePrefixes))
        {
            // A character with a case (or a letter) could meet another in a case-insensitive comparison.
            letterEnd |= p.Length == 0 || char.IsLetter(p[^1]) || char.ToUpperInvariant(p[^1]) != p[^1] || char.ToLowerInvariant(p[^1]) != p[^1];
            if (p.Length > 0)
            {
                ends.Add(p[^1]);
                lengths.Add(p.Length);
            }
        }
        if (!letterEnd)
        {
            _prefixLengths = [.. lengths];
            foreach (char c in ends)
            {
                if (c < 64)
                    _prefixEndsBelow64 |= 1UL << c;
                else if (c < 128)
                    _prefixEndsBelow128 |= 1UL << (c - 64);
            }
            _otherPrefixEnds = [.. ends.Where(c => c >= 0x80)];
        }
    }

    /// <summary>The calling thread's cache for <paramref name="lexicon"/>.</summary>
    public static WordFactsCache For(ActorLexicon lexicon)
    {
        var cache = t_cache;
        if (cache is null || !ReferenceEquals(cache._lex, lexicon))
            t_cache = cache = new WordFactsCache(lexicon);
        return cache;
    }

    // What Of(text) answered, per spelling id of TokenSpellings (of the generation followed): the facts, | KnownBit once
    // set (8 bytes an id, read for every token: dense, so that most reads hit the cache), and apart from them the
    // first steps of a place and a title match, read only for the few words that start one.
    private ulong[] _known = new ulong[1 << 13];
    private Firsts[] _firsts = new Firsts[1 << 13];
    private int _knownGeneration;
    private const ulong KnownBit = 1UL << 55; // below PrefixShift, above every fact
    private const WordFacts StartsMatch = WordFacts.PlaceStart | WordFacts.RoleStart | WordFacts.RoleStartAfterPrefix;

    private struct Firsts
    {
        public TokenTrie<GazEntry>.First Place;
        public TokenTrie<RoleEntry>.First Role;
    }

    /// <summary>
    /// Makes room for every id of <paramref name="spellings"/> (this thread's table) and forgets the answers kept
    /// for ids of an earlier generation. Called before the ids of a document are asked about.
    /// </summary>
    public void Follow(TokenSpellings spellings)
    {
        if (spellings.Renews(ref _knownGeneration))
            Array.Clear(_known); // _firsts is read only where _known says the word starts a match
        spellings.Fit(ref _known);
        spellings.Fit(ref _firsts);
    }

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{char}, out TokenTrie{GazEntry}.First, out TokenTrie{RoleEntry}.First)"/> for the token
    /// at <paramref name="span"/> of <paramref name="text"/>, whose spelling has the id <paramref name="id"/>: worked
    /// out the first time the id comes (after <see cref="Follow"/>, the text sliced only then), then read back.
    /// </summary>
    public WordFacts Of(int id, string text, TextSpan span, out TokenTrie<GazEntry>.First place, out TokenTrie<RoleEntry>.First role)
    {
        ulong known = _known[id];
        return known != 0 ? Known(id, known, out place, out role) : Learn(id, span.AsSpan(text), out place, out role);
    }

    private WordFacts Known(int id, ulong known, out TokenTrie<GazEntry>.First place, out TokenTrie<RoleEntry>.First role)
    {
        var facts = (WordFacts)(known & ~KnownBit);
        if ((facts & StartsMatch) != 0)
        {
            ref var firsts = ref _firsts[id];
            place = firsts.Place;
            role = firsts.Role;
        }
        else
        {
            place = default;
            role = default;
        }
        return facts;
    }

    private WordFacts Learn(int id, ReadOnlySpan<char> w, out TokenTrie<GazEntry>.First place, out TokenTrie<RoleEntry>.First role)
    {
        var computed = Of(w, out place, out role);
        _known[id] = (ulong)computed | KnownBit;
        _firsts[id] = (computed & StartsMatch) != 0 ? new Firsts { Place = place, Role = role } : default;
        return computed;
    }

    /// <summary>
    /// The facts of a token's text (all but <see cref="WordFacts.Word"/>), and the first steps of a gazetteer and of a
    /// title match from it (empty unless <see cref="WordFacts.PlaceStart"/>, <see cref="WordFacts.RoleStart"/>).
    /// </summary>
    public WordFacts Of(ReadOnlySpan<char> w, out TokenTrie<GazEntry>.First place, out TokenTrie<RoleEntry>.First role)
    {
        place = default;
        role = default;
        bool ascii = TrySignature(w, out uint signature);
        if (ascii && !IsLexiconSignature(signature))
        {
            // No lexicon word has the signature: the token is in no list and starts no phrase, unless through its
            // possessive stem ("Korea's") or after a title prefix ("then-President").
            var shape = Shape(w);
            if ((ulong)shape >> PrefixShift == 0
                && !((shape & WordFacts.Possessive) != 0 && (!TrySignature(w[..^2], out uint stem) || IsLexiconSignature(stem))))
                return shape;
        }
        if (!ascii)
            signature = RawSignature(w);
        ulong head = Head(w);
        for (int e = _buckets[signature >> (32 - BucketBits)].Head; e != 0; e = _spellings[e - 1].Next)
        {
            ref var known = ref _spellings[e - 1];
            if (known.Signature == signature && known.Head == head
                && (w.Length <= 4 ? known.Word.Length == w.Length : w.SequenceEqual(known.Word)))
            {
                place = known.Place;
                role = known.Role;
                return known.Facts;
            }
        }
        var facts = Compute(w, out place, out role);
        Remember(signature, w, facts, place, role);
        return facts;
    }

    private void Remember(uint signature, ReadOnlySpan<char> w, WordFacts facts, TokenTrie<GazEntry>.First place, TokenTrie<RoleEntry>.First role)
    {
        if (_count == MaxSpellings)
        {
            foreach (ref var bucket in _buckets.AsSpan())
                bucket.Head = 0;
            _count = 0; // start again rather than grow without end
        }
        if (_count == _spellings.Length)
            Array.Resize(ref _spellings, 2 * _count);
        ref int head = ref _buckets[signature >> (32 - BucketBits)].Head;
        _spellings[_count] = new Spelling { Signature = signature, Next = head, Head = Head(w), Word = w.ToString(), Facts = facts, Place = place, Role = role };
        head = ++_count;
    }

    /// <summary>The first four characters of a word (fewer when it is shorter), sixteen bits each.</summary>
    private static ulong Head(ReadOnlySpan<char> w)
    {
        ulong head = 0;
        for (int i = 0; i < w.Length && i < 4; i++)
            head |= (ulong)w[i] << (16 * i);
        return head;
    }

    private bool IsLexiconSignature(uint signature)
    {
        uint bit = signature >> (32 - LexiconBits);
        return (_buckets[bit >> 5].Lexicon & (1u << (int)(bit & 31))) != 0;
    }

    /// <summary>
    /// Sets the bit of every signature a token equal to <paramref name="word"/> in <see cref="StringComparer.OrdinalIgnoreCase"/>
    /// can have: the characters the signature reads are replaced by the ASCII characters equal to them in that comparer.
    /// </summary>
    private void MarkLexiconWord(string word, Dictionary<char, char[]> asciiTwins)
    {
        int n = word.Length;
        if (n == 0)
        {
            TrySignature(word, out uint empty);
            SetLexiconBit(empty);
            return;
        }
        Span<int> at = [0, Math.Min(1, n - 1), n / 2, n - 1];
        var options = new char[4][];
        for (int i = 0; i < 4; i++)
        {
            options[i] = AsciiTwins(word[at[i]], asciiTwins);
            if (options[i].Length == 0)
                return; // no token whose signature reads ASCII there can equal the word
        }
        Span<char> probe = stackalloc char[n];
        word.CopyTo(probe);
        foreach (var c0 in options[0])
            foreach (var c1 in options[1])
                foreach (var c2 in options[2])
                    foreach (var c3 in options[3])
                    {
                        probe[at[0]] = c0;
                        probe[at[1]] = c1;
                        probe[at[2]] = c2;
                        probe[at[3]] = c3;
                        // Positions may coincide in short words; a contradictory choice gives a signature no token has.
                        if (probe[at[0]] == c0 && probe[at[1]] == c1 && probe[at[2]] == c2 && TrySignatureAt(probe, at, out uint signature))
                            SetLexiconBit(signature);
                    }
    }

    private void SetLexiconBit(uint signature)
    {
        uint bit = signature >> (32 - LexiconBits);
        _buckets[bit >> 5].Lexicon |= 1u << (int)(bit & 31);
    }

    /// <summary>The ASCII characters equal to <paramref name="c"/> in <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
    private static char[] AsciiTwins(char c, Dictionary<char, char[]> known)
    {
        if (c < 0x80)
            return [c];
        if (!known.TryGetValue(c, out var twins))
        {
            var list = new List<char>();
            for (char a = (char)0; a < 0x80; a++)
                if (string.Equals(c.ToString(), a.ToString(), StringComparison.OrdinalIgnoreCase))
                    list.Add(a);
            known[c] = twins = [.. list];
        }
        return twins;
    }

    private static uint Fold(char c) => c is >= 'A' and <= 'Z' ? (uint)(c | 0x20) : c;

    /// <summary>
    /// The signature of a token: its length and its first, second, middle and last characters, case folded. False
    /// when one of those characters is not ASCII.
    /// </summary>
    private static bool TrySignature(ReadOnlySpan<char> w, out uint signature)
    {
        int n = w.Length;
        if (n == 0)
        {
            signature = Mix(0, 0, 0, 0, 0);
            return true;
        }
        char a = w[0], b = w[Math.Min(1, n - 1)], c = w[n / 2], d = w[n - 1];
        signature = Mix((uint)n, Fold(a), Fold(b), Fold(c), Fold(d));
        return (a | b | c | d) < 0x80;
    }

    private static bool TrySignatureAt(ReadOnlySpan<char> w, ReadOnlySpan<int> at, out uint signature)
    {
        char a = w[at[0]], b = w[at[1]], c = w[at[2]], d = w[at[3]];
        signature = Mix((uint)w.Length, Fold(a), Fold(b), Fold(c), Fold(d));
        return (a | b | c | d) < 0x80;
    }

    /// <summary>Multiplicative hashing of the length and the four characters (ASCII when the signature counts), packed.</summary>
    private static uint Mix(uint n, uint a, uint b, uint c, uint d)
    {
        ulong packed = (a & 0xFF) | (b & 0xFF) << 8 | (c & 0xFF) << 16 | (ulong)(d & 0xFF) << 24 | (ulong)n << 32;
        return (uint)((packed * 0x9E3779B97F4A7C15UL) >> 32);
    }

    /// <summary>A hash of every character as written, for the table of spellings only.</summary>
    private static uint RawSignature(ReadOnlySpan<char> w)
    {
        uint h = (uint)w.Length * 0x9E3779B1u;
        foreach (char c in w)
            h = (h ^ c) * 0x85EBCA77u;
        return h ^ (h >> 15);
    }

    /// <summary>What the characters alone say.</summary>
    private WordFacts Shape(ReadOnlySpan<char> w)
    {
        var f = WordFacts.None;
        if (w.IsEmpty)
            return f;
        char first = w[0];
        if (first is >= 'a' and <= 'z')
            f |= WordFacts.LowerInitial; // and no acronym: it has a lower-case letter
        else if (first < 0x80 && first is not (>= 'A' and <= 'Z') && w.Length == 1)
        {
            // A digit or a punctuation mark alone: no case and no acronym.
        }
        else
        {
            if (Lexical.IsCapitalised(w))
                f |= WordFacts.Capitalised;
            if (char.IsLower(first))
                f |= WordFacts.LowerInitial;
            if (Lexical.IsAcronym(w))
                f |= WordFacts.Acronym;
        }
        if (Lexical.StripPossessive(w, out _))
            f |= WordFacts.Possessive;
        if (MayHavePrefix(w))
        {
            if (HasNamePrefix(w))
                f |= WordFacts.NamePrefix;
            f |= (WordFacts)((ulong)TitlePrefixLength(w) << PrefixShift);
        }
        return f;
    }

    /// <summary>False when no prefix can start the token: none of the prefix ends at a prefix's length, before more characters.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool MayHavePrefix(ReadOnlySpan<char> w)
    {
        if (_prefixLengths is null)
            return true;
        foreach (int length in _prefixLengths)
        {
            if (w.Length <= length)
                return false; // the lengths rise
            char c = w[length - 1];
            bool end = c < 64 ? (_prefixEndsBelow64 & (1UL << c)) != 0
                : c < 128 ? (_prefixEndsBelow128 & (1UL << (c - 64))) != 0
                : Array.IndexOf(_otherPrefixEnds, c) >= 0;
            if (end)
                return true;
        }
        return false;
    }

    /// <summary>All the facts, with every lookup.</summary>
    private WordFacts Compute(ReadOnlySpan<char> w, out TokenTrie<GazEntry>.First place, out TokenTrie<RoleEntry>.First role)
    {
        var f = Shape(w);
        place = _lex.Places.FirstStep(w);
        role = _lex.Roles.FirstStep(w);
        if (!place.IsEmpty)
            f |= WordFacts.PlaceStart;
        if (!role.IsEmpty)
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
            | In(_lex.MaleCues, w, WordFacts.MaleCue)
            | In(Pronouns, w, WordFacts.Pronoun);
        f |= InOrStem(_placeInner, w, WordFacts.PlaceInner) | InOrStem(_roleInner, w, WordFacts.RoleInner);
        if (w.Length <= 5 && (f & WordFacts.Acronym) != 0)
            f |= In(_lex.Suffixes, w, WordFacts.RegnalNumber);
        return f;
    }

    private static WordFacts In(HashSet<string> set, ReadOnlySpan<char> w, WordFacts fact) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) ? fact : WordFacts.None;

    /// <summary>The word or its possessive stem is in the set (a trie match tries both).</summary>
    private static WordFacts InOrStem(HashSet<string> set, ReadOnlySpan<char> w, WordFacts fact) =>
        In(set, w, fact) | (Lexical.StripPossessive(w, out var stem) ? In(set, stem, fact) : WordFacts.None);

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
