using System.Runtime.InteropServices;
using Parley.Documents;
using Parley.Segmentation;
using Parley.Text;

namespace Parley.Actors;

/// <summary>The recogniser's work on one document: per-token tables, draft mentions, then resolution.</summary>
internal sealed partial class ActorPass
{
    /// <summary>A mention under construction; <see cref="Emit"/> turns the drafts into <see cref="ActorMention"/>s.</summary>
    private sealed class Draft
    {
        public TextSpan Span;
        public MentionKind Kind;
        public string? Country;
        public string? Name;
        public string? Role;
        public string? City;
        public int Entity = -1;
        public Draft? PartOf;
        public bool IsPronoun;
        public bool IsPossessive;
        public bool IsInstitution;
        public bool IsPlural;
        public int Sentence;
        public int Order;

        /// <summary>The title that introduced a person or role mention.</summary>
        public RoleEntry? Title;
        public bool CountryFromModifier;
        public KnownPerson? Known;

        /// <summary>A named person's tokens: the first and the one after the last (-1 when not set).</summary>
        public int FirstToken = -1;
        public int EndToken = -1;

        /// <summary>A person's name words as written (possessive stripped).</summary>
        public string[]? Words;

        /// <summary>"Yoon" of "Yoon's deputy national security adviser", "Moon" of "the Moon administration".</summary>
        public string? Owner;
        public List<string>? MoreRoles;

        /// <summary>A role phrase standing apart from the name it belongs to: a mention of that person.</summary>
        public Draft? SameAs;

        /// <summary>A title a country gives its own officials (national_rank of actor_cues.tsv) names this person.</summary>
        public bool National;

        /// <summary>Back to a blank draft, for reuse.</summary>
        public void Reset()
        {
            Span = default;
            Kind = default;
            Country = Name = Role = City = Owner = null;
            Entity = -1;
            PartOf = SameAs = null;
            IsPronoun = IsPossessive = IsInstitution = IsPlural = CountryFromModifier = National = false;
            Sentence = Order = 0;
            Title = null;
            Known = null;
            FirstToken = EndToken = -1;
            Words = null;
            MoreRoles = null;
        }
    }

    // One pass object per thread, reused from document to document with its buffers (see Run(Document, ActorLexicon)).
    [ThreadStatic]
    private static ActorPass? t_spare;

    private Document _doc = null!;
    private ActorLexicon _lex = null!;
    private string _text = null!;
    private List<Token> _tokens = null!;
    private readonly List<Draft> _drafts = [];

    // Drafts made for earlier documents, handed out again by NewDraft.
    private readonly List<Draft> _draftPool = [];
    private int _draftsUsed;

    // Per token: the start token of the gazetteer or role hit covering it (-1 for none), and at a
    // hit's start its entry, length and possessive flag. The arrays are reused and may be longer than the document.
    private int[] _gazStart = [];
    private GazEntry?[] _gazEntry = [];
    private int[] _gazLen = [];
    private bool[] _gazPossessive = [];
    private bool[] _gazEmitted = [];
    private int[] _roleStart = [];
    private RoleEntry?[] _roleEntry = [];
    private int[] _roleLen = [];

    // Tokens taken by a phrase or a name, and the person draft whose name ends at a token.
    private bool[] _covered = [];

    // Per token: its text's facts (see WordFacts), with the Word bit for word tokens.
    private WordFacts[] _facts = [];

    // The tokens, in order, where a gazetteer or title phrase may start, the capitalised words and the pronouns: the
    // passes that only act there visit these instead of every token.
    private readonly List<int> _placeStarts = [];
    private readonly List<int> _roleStarts = [];

    // At each of those place and title starts, the first step of the trie match (see TokenTrie.FirstStep).
    private readonly List<TokenTrie<GazEntry>.First> _placeFirsts = [];
    private readonly List<TokenTrie<RoleEntry>.First> _roleFirsts = [];
    private readonly List<int> _capWords = [];
    private readonly List<int> _pronouns = [];
    private readonly List<int> _roleHits = [];
    private Draft?[] _personEndingAt = [];
    private readonly List<int> _scratch = [];
    private readonly List<int> _scratch2 = [];
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly List<EllipticalCountry> _activeElliptical = [];

    // The spelling ids of the document's tokens (TokenSpellings), and the people-list lookups of name runs by the ids
    // of their words (see KnownPerson): a name comes back sentence after sentence and article after article.
    private int[] _ids = [];
    private readonly Dictionary<(ulong, ulong), KnownPerson?> _personByRun = [];
    private ActorLexicon? _personByRunLexicon;
    private int _personByRunGeneration;

    // The sentence being read is set in title case ("Yoon Gets Warm Welcome"): its capitalised words say nothing.
    private bool _headline;

    private ActorPass()
    {
        _byFullNameSpan = _byFullName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Recognises the actors of <paramref name="doc"/> with the thread's reusable pass.</summary>
    public static void Run(Document doc, ActorLexicon lexicon)
    {
        // Taken out while in use, so that a nested run (none today) would make its own.
        var pass = t_spare ?? new ActorPass();
        t_spare = null;
        try
        {
            pass.Begin(doc, lexicon);
            pass.Recognise();
        }
        finally
        {
            pass.End();
            t_spare = pass;
        }
    }

    private void Begin(Document doc, ActorLexicon lexicon)
    {
        _doc = doc;
        _lex = lexicon;
        _text = doc.Text;
        _tokens = doc.Tokens;
        int n = _tokens.Count;
        if (_gazStart.Length < n)
        {
            int size = Math.Max(n, 2 * _gazStart.Length);
            _gazStart = new int[size];
            _gazEntry = new GazEntry?[size];
            _gazLen = new int[size];
            _gazPossessive = new bool[size];
            _gazEmitted = new bool[size];
            _roleStart = new int[size];
            _roleEntry = new RoleEntry?[size];
            _roleLen = new int[size];
            _covered = new bool[size];
            _personEndingAt = new Draft?[size + 1];
            _facts = new WordFacts[size];
        }
        _placeStarts.Clear();
        _roleStarts.Clear();
        _placeFirsts.Clear();
        _roleFirsts.Clear();
        _capWords.Clear();
        _pronouns.Clear();
        var words = WordFactsCache.For(lexicon);
        var tokens = CollectionsMarshal.AsSpan(_tokens);
        // The segmenter looked every token up once; the facts are kept per spelling id.
        var spellings = TokenSpellings.ForThread();
        var ids = _ids = spellings.IdArray(doc); // valid below the document's token count
        if (spellings.Renews(ref _personByRunGeneration) || !ReferenceEquals(_personByRunLexicon, lexicon))
        {
            _personByRun.Clear();
            _personByRunLexicon = lexicon;
        }
        words.Follow(spellings);
        for (int k = 0; k < tokens.Length; k++)
        {
            ref readonly var token = ref tokens[k];
            var f = words.Of(ids[k], _text, token.Span, out var place, out var role);
            if (token.Kind == TokenKind.Word)
                f |= WordFacts.Word;
            _facts[k] = f;
            if ((f & WordFacts.PlaceStart) != 0)
            {
                _placeStarts.Add(k);
                _placeFirsts.Add(place);
            }
            if ((f & (WordFacts.RoleStart | WordFacts.RoleStartAfterPrefix)) != 0)
            {
                _roleStarts.Add(k);
                _roleFirsts.Add(role);
            }
            if ((f & WordFacts.Word) != 0)
            {
                if ((f & WordFacts.Capitalised) != 0)
                    _capWords.Add(k);
                if ((f & WordFacts.Pronoun) != 0)
                    _pronouns.Add(k);
            }
        }
        Array.Fill(_gazStart, -1, 0, n);
        Array.Fill(_roleStart, -1, 0, n);
        // End cleared the entries and the person drafts. Lengths, possessive and emitted flags are only read at a
        // hit's start, and set when the hit is, so they keep what earlier documents left.
        Array.Clear(_covered, 0, n);
        _headline = false;
    }

    /// <summary>Lets go of the document and of what it references, keeping the buffers.</summary>
    private void End()
    {
        int n = _tokens?.Count ?? 0;
        Array.Clear(_gazEntry, 0, Math.Min(n, _gazEntry.Length));
        Array.Clear(_roleEntry, 0, Math.Min(n, _roleEntry.Length));
        Array.Clear(_personEndingAt, 0, Math.Min(n + 1, _personEndingAt.Length));
        _drafts.Clear();
        for (int i = 0; i < _draftsUsed; i++)
            _draftPool[i].Reset();
        _draftsUsed = 0;
        EndResolve();
        _doc = null!;
        _text = null!;
        _tokens = null!;
    }

    /// <summary>A blank draft, from the pool when it has one.</summary>
    private Draft NewDraft()
    {
        if (_draftsUsed == _draftPool.Count)
            _draftPool.Add(new Draft());
        return _draftPool[_draftsUsed++];
    }

    private void Recognise()
    {
        for (int s = 0; s < _doc.Sentences.Count; s++)
            PlacePass(s);
        EllipticalCountries();
        for (int s = 0; s < _doc.Sentences.Count; s++)
            FirstPass(s);
        Resolve();
        Emit();
    }

    private ReadOnlySpan<char> Word(int k) => _tokens[k].Span.AsSpan(_text);

    private bool Is(int k, string word) => Word(k).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool Has(int k, WordFacts fact) => (_facts[k] & fact) != 0;

    /// <summary>The index in <paramref name="positions"/> (ascending) of the first position at or after <paramref name="k"/>.</summary>
    private static int FirstAtOrAfter(List<int> positions, int k)
    {
        var span = CollectionsMarshal.AsSpan(positions);
        int lo = 0, hi = span.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (span[mid] < k)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private bool IsWord(int k) => (_facts[k] & WordFacts.Word) != 0;

    private bool IsCapWord(int k) => (_facts[k] & (WordFacts.Word | WordFacts.Capitalised)) == (WordFacts.Word | WordFacts.Capitalised);

    private bool IsLowerWord(int k) => (_facts[k] & (WordFacts.Word | WordFacts.LowerInitial)) == (WordFacts.Word | WordFacts.LowerInitial);

    /// <summary>The length of a "then-" or "ex-" glued to a title word, or 0.</summary>
    private int TitlePrefixLength(int k) => (int)((ulong)_facts[k] >> WordFactsCache.PrefixShift);

    private TextSpan SpanOf(int first, int end) => new(_tokens[first].Span.Start, _tokens[end - 1].Span.End);

    /// <summary>
    /// <see cref="ActorLexicon.TryGetPerson"/> of the text of tokens <paramref name="first"/> to <paramref name="end"/>,
    /// remembered under the spelling ids of the tokens and whether a space parts each two: the key the lexicon
    /// normalises the text to depends on nothing else (a run of up to six tokens with nothing but white space
    /// between them; any other run is looked up afresh).
    /// </summary>
    private bool TryGetPerson(int first, int end, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnownPerson? person)
    {
        const int IdBits = 17, MaxTokens = 6;
        int n = end - first;
        if (n > MaxTokens)
            return _lex.TryGetPerson(SpanOf(first, end).AsSpan(_text), out person);
        ulong lo = (ulong)n, hi = 0;
        var tokens = CollectionsMarshal.AsSpan(_tokens);
        for (int k = 0; k < n; k++)
        {
            ulong id = (ulong)_ids[first + k];
            if (id >> IdBits != 0)
                return _lex.TryGetPerson(SpanOf(first, end).AsSpan(_text), out person);
            if (k < 3)
                lo |= id << (3 + IdBits * k);
            else
                hi |= id << (IdBits * (k - 3));
            if (k + 1 < n)
            {
                var gap = _text.AsSpan(tokens[first + k].Span.End, tokens[first + k + 1].Span.Start - tokens[first + k].Span.End);
                if (gap.Length > 0)
                {
                    if (!gap.IsWhiteSpace())
                        return _lex.TryGetPerson(SpanOf(first, end).AsSpan(_text), out person);
                    hi |= 1UL << (3 * IdBits + k);
                }
            }
        }
        if (_personByRun.TryGetValue((lo, hi), out person))
            return person is not null;
        if (_personByRun.Count >= 1 << 16)
            _personByRun.Clear(); // bounded: a long run meets ever new names
        _lex.TryGetPerson(SpanOf(first, end).AsSpan(_text), out person);
        _personByRun[(lo, hi)] = person;
        return person is not null;
    }

    private Draft Add(Draft d, int sentence)
    {
        d.Sentence = sentence;
        d.Order = _drafts.Count;
        _drafts.Add(d);
        return d;
    }

    // ---- first pass: one sentence -------------------------------------------------------------

    /// <summary>The gazetteer hits of one sentence: countries, demonyms, seats of power, organisations, cities.</summary>
    private void PlacePass(int s)
    {
        var sentence = _doc.Sentences[s];
        int a = sentence.FirstToken, b = sentence.EndToken;
        int next = a; // the first token after the last hit
        for (int c = FirstAtOrAfter(_placeStarts, a); c < _placeStarts.Count && _placeStarts[c] < b; c++)
        {
            int i = _placeStarts[c];
            if (i < next)
                continue;
            int n = MatchFrom(_lex.Places, _placeFirsts[c], i, b, WordFacts.PlaceInner, out var entry, out bool possessive);
            if (n > 0 && AcceptPlace(i, n, entry!, possessive, a, b))
            {
                _gazEntry[i] = entry;
                _gazLen[i] = n;
                _gazPossessive[i] = possessive;
                _gazEmitted[i] = false;
                for (int k = i; k < i + n; k++)
                    _gazStart[k] = i;
                next = i + n;
            }
        }
    }

    /// <summary>
    /// "the North", "the South's": in a document whose other place mentions include a context country of
    /// actor_cues.tsv (the two Koreas), the word after "the" names its country — unless a capitalised word follows
    /// ("the South China Sea", "the North Atlantic").
    /// </summary>
    private void EllipticalCountries()
    {
        if (_lex.Elliptical.Count == 0)
            return;
        var codes = _codes;
        codes.Clear();
        for (int i = 0; i < _tokens.Count; i++)
            if (_gazStart[i] == i)
                codes.Add(_gazEntry[i]!.Code);
        // The entries whose context countries the document names, in the lexicon's order: the first
        // whose word a token has claims it. One pass over the tokens, not one per entry.
        var active = _activeElliptical;
        active.Clear();
        foreach (var el in _lex.Elliptical)
        {
            bool context = false;
            foreach (var c in el.Context)
                context |= codes.Contains(c);
            if (context)
                active.Add(el);
        }
        if (active.Count == 0)
            return;
        foreach (var sentence in _doc.Sentences)
        {
            for (int i = sentence.FirstToken + 1; i < sentence.EndToken; i++)
            {
                if (_gazStart[i] >= 0 || !IsCapWord(i) || !Is(i - 1, "the"))
                    continue;
                var w = Word(i);
                bool possessive = Lexical.StripPossessive(w, out var stem);
                foreach (var el in active)
                {
                    if (!stem.Equals(el.Word, StringComparison.Ordinal))
                        continue;
                    if (!possessive && i + 1 < sentence.EndToken && IsCapWord(i + 1))
                        break;
                    _gazEntry[i] = el.Entry;
                    _gazLen[i] = 1;
                    _gazPossessive[i] = possessive;
                    _gazEmitted[i] = false;
                    _gazStart[i] = i;
                    break;
                }
            }
        }
    }

    private void FirstPass(int s)
    {
        var sentence = _doc.Sentences[s];
        int a = sentence.FirstToken, b = sentence.EndToken;
        _headline = IsHeadline(a, b);
        int listEnd = -1;
        _roleHits.Clear();
        int next = a; // the first token after the last title
        for (int c = FirstAtOrAfter(_roleStarts, a); c < _roleStarts.Count && _roleStarts[c] < b; c++)
        {
            int i = _roleStarts[c];
            if (i < next)
                continue;
            RoleEntry? role = null;
            bool rolePossessive = false;
            int skip = 0;
            int n = _gazStart[i] >= 0 || !Has(i, WordFacts.RoleStart) ? 0 : MatchFrom(_lex.Roles, _roleFirsts[c], i, b, WordFacts.RoleInner, out role, out rolePossessive);
            if (n == 0 && _gazStart[i] < 0 && Has(i, WordFacts.RoleStartAfterPrefix))
                n = _lex.Roles.Match(_text, _tokens, i, b, out role, out rolePossessive, skip = TitlePrefixLength(i));
            // A title may hold a place after its first word ("special envoy for North Korea": the topic,
            // not the envoy's country); the title covers it. "the Vice FM's office", "the ministry's
            // statement": a possessive title owns the next noun and is no role.
            if (n > 0 && !rolePossessive && RoleCaseFits(i, n, role!, skip) && !StartsProperName(i, n, role!, b))
            {
                _roleEntry[i] = role;
                _roleLen[i] = n;
                for (int k = i; k < i + n; k++)
                    _roleStart[k] = i;
                _roleHits.Add(i);
                next = i + n;
            }
        }
        foreach (int i in _roleHits)
            if (!_covered[i])
                BuildPhrase(i, a, b, s);
        for (int i = a; i < b; i++)
        {
            if (_covered[i] || (_gazStart[i] != i && !IsCapWord(i)))
                continue; // only places and capitalised words start something here
            if (_gazStart[i] == i)
            {
                if (!_gazEmitted[i])
                    AddPlaceDraft(i, s, null);
                continue;
            }
            if (_gazStart[i] >= 0 || _roleStart[i] >= 0 || !IsCapWord(i))
                continue;
            if (NameRun(i, b, out int end, out bool possessive))
            {
                if (TryGetPerson(i, end, out var known))
                {
                    AddPerson(i, end, possessive, s, known);
                    listEnd = end;
                }
                else if (!_headline && (AfterContactVerb(i, a) || (listEnd > a && listEnd == i - 1 && (Is(i - 1, "and") || Is(i - 1, ",")))
                         || (i - 1 > a && _personEndingAt[i - 1] is not null && Is(i - 1, "and"))))
                {
                    int phraseEnd = ObjectName(i, end, possessive, b, s);
                    if (phraseEnd > 0)
                    {
                        listEnd = phraseEnd;
                        i = phraseEnd - 1;
                        continue;
                    }
                }
                i = end - 1;
            }
        }
    }

    /// <summary>
    /// <see cref="TokenTrie{T}.Match(string, IReadOnlyList{Token}, TokenTrie{T}.First, int, int, out T, out bool)"/>
    /// from the first step of token <paramref name="start"/>, except that a token without the
    /// <paramref name="inner"/> fact (it follows no word in any phrase of the trie) ends the match without a lookup.
    /// </summary>
    private int MatchFrom<T>(TokenTrie<T> trie, TokenTrie<T>.First first, int start, int end, WordFacts inner, out T? value, out bool possessive) =>
        trie.Match(_text, _tokens, first, start, end, new FactGate(_facts, inner), out value, out possessive);

    /// <summary>A match goes on only through tokens that have a fact (<see cref="WordFacts.PlaceInner"/>, <see cref="WordFacts.RoleInner"/>).</summary>
    private readonly struct FactGate(WordFacts[] facts, WordFacts fact) : ITokenGate
    {
        public bool MayContinue(int token) => (facts[token] & fact) != 0;
    }

    /// <summary>Whether a contact verb of actor_cues.tsv ("met", "spoke with") ends right before token <paramref name="i"/>.</summary>
    private bool AfterContactVerb(int i, int a)
    {
        if (i - 1 < a || !Has(i - 1, WordFacts.ContactVerbEnd))
            return false; // every verb ends right before the name
        foreach (var verb in _lex.ContactVerbs)
        {
            int first = i - verb.Length;
            if (first < a)
                continue;
            bool match = true;
            for (int k = 0; k < verb.Length && match; k++)
                match = IsLowerWord(first + k) && Word(first + k).Equals(verb[k], StringComparison.OrdinalIgnoreCase);
            if (match)
                return true;
        }
        return false;
    }

    /// <summary>
    /// A name the people list does not know, as the object of a contact verb or the next in a list of people after
    /// one: "received Kenji Arakawa of Japan and Maria Soledad Reyes of the Philippines" (a person of that country),
    /// "met Wei Lanfang in Beijing" (two or three name words closed by punctuation or a name_follower word; its
    /// country is left to the document). Returns the end of what it took, or 0 when the words are no such name.
    /// </summary>
    private int ObjectName(int i, int end, bool possessive, int b, int s)
    {
        int words = NameWords(i, end);
        if (words < 2 || words > 4)
            return 0;
        for (int k = i; k < end; k++)
            if (Has(k, WordFacts.OrgHead) || Has(k, WordFacts.BlocksActor))
                return 0;
        if (!possessive && end + 1 < b && Is(end, "of"))
        {
            int g = Is(end + 1, "the") && end + 2 < b ? end + 2 : end + 1;
            if (_gazStart[g] == g && _gazEntry[g]!.Kind is MentionKind.Country && !_gazPossessive[g])
            {
                var person = AddPerson(i, end, false, s, null);
                person.Country = _gazEntry[g]!.Code;
                person.CountryFromModifier = true;
                int after = g + _gazLen[g];
                AddPlaceDraft(g, s, person);
                MarkCovered(end, after);
                return after;
            }
        }
        if (words > 3)
            return 0;
        bool closed = end >= b || _tokens[end].Kind == TokenKind.Punctuation
            || (IsLowerWord(end) && Has(end, WordFacts.NameFollower));
        if (!closed && !possessive)
            return 0;
        AddPerson(i, end, possessive, s, null);
        return end;
    }

    /// <summary>
    /// "the Government Guest House", "the Parliament Building": a capitalised body word followed by capitalised words that
    /// are no place, title or month starts the name of a building or a thing, not a role.
    /// </summary>
    private bool StartsProperName(int i, int n, RoleEntry role, int b)
    {
        int next = i + n;
        if (role.Kind != RoleKind.Institution || !IsCapWord(next - 1) || next >= b || !IsCapWord(next)
            || _gazStart[next] >= 0 || Has(next, WordFacts.TimeWord) || _headline)
            return false;
        return !Has(next, WordFacts.RoleStart) || _lex.Roles.Match(_text, _tokens, next, b, out _, out _) == 0;
    }

    /// <summary>
    /// Title case: no closing full stop, at least three capitalised longer words after the first, and no
    /// lower-case word of five letters or more ("Yoon Gets Warm Welcome in Jakarta", not "US envoy Sung Kim
    /// arrived in Seoul.").
    /// </summary>
    private bool IsHeadline(int a, int b)
    {
        if (Word(b - 1) is "." && !(b - 2 >= a && IsInitial(b - 2, b)))
            return false; // headlines end without a full stop
        int capitalised = 0;
        for (int k = a + 1; k < b; k++)
        {
            if (!IsWord(k))
                continue;
            int length = _tokens[k].Span.Length;
            if (IsCapWord(k))
            {
                if (length >= 4)
                    capitalised++;
            }
            else if (length >= 5)
                return false;
        }
        return capitalised >= 3;
    }

    /// <summary>A title written in capitals in the data ("PM", "HE", "FM") matches only in capitals: "he" is a pronoun.</summary>
    private bool RoleCaseFits(int i, int n, RoleEntry role, int skip)
    {
        if (n > role.Surface.Length)
            return false;
        for (int k = 0; k < n; k++)
        {
            var surface = role.Surface[k];
            if (!Lexical.IsAcronym(surface))
                continue;
            var word = Word(i + k);
            if (k == 0)
                word = word[skip..];
            if (!word.SequenceEqual(surface))
                return false;
        }
        return true;
    }

    private bool AcceptPlace(int i, int n, GazEntry e, bool possessive, int a, int b)
    {
        for (int k = 0; k < n; k++)
        {
            var surface = e.Surface[k];
            var word = Word(i + k);
            if (k == n - 1 && possessive)
                Lexical.StripPossessive(word, out word);
            if (Lexical.IsAcronym(surface))
            {
                // "US" and "UN" only in capitals: "us" is a pronoun, "un" a prefix.
                if (!word.SequenceEqual(surface))
                    return false;
            }
            else if (Lexical.IsCapitalised(surface) && !Lexical.IsCapitalised(word))
                return false;
        }
        int next = i + n;
        if (!possessive && next < b && IsWord(next) && Has(next, WordFacts.BlocksActor)
            && (e.Kind == MentionKind.Demonym || IsCapWord(next)))
            return false; // "Korean Peninsula", "Korean War", "Chinese New Year"
        if (!possessive && e.Kind is MentionKind.Demonym or MentionKind.Country && NamesABody(next, b))
            return false; // "Chinese Communist Party", "Korea Exchange Bank": part of a name, not an actor
        if (i > a && IsLowerWord(i - 1) && e.Kind == MentionKind.Country
            && (Is(i - 1, "north") || Is(i - 1, "south") || Is(i - 1, "east") || Is(i - 1, "west")))
            return false; // "north Korea" is not South Korea
        if (e.Ambiguous)
        {
            // "Jordan", "Chad", "Georgia": not when a neighbouring capitalised word makes them a name.
            if (i > a && IsCapWord(i - 1) && !Has(i - 1, WordFacts.NotName) && _gazStart[i - 1] < 0 && !Has(i - 1, WordFacts.Acronym))
                return false;
            if (!possessive && next < b && IsCapWord(next) && !Has(next, WordFacts.NotName) && !Has(next, WordFacts.TimeWord)
                && !AfterTitleOf(i, a))
                return false;
        }
        return true;
    }

    /// <summary>
    /// "President of Turkey Recep Tayyip Erdogan", "Prime Minister of Georgia ...": after a capitalised word and
    /// "of", a one-word country that is also a name or a word is the country, even when a name follows.
    /// </summary>
    private bool AfterTitleOf(int i, int a) =>
        i - 2 >= a && Is(i - 1, "of") && IsCapWord(i - 2) && _gazStart[i - 2] < 0;

    /// <summary>Whether the capitalised words from <paramref name="k"/> (three at most) end in a word like "Party" or "Bank".</summary>
    private bool NamesABody(int k, int b)
    {
        for (int n = 0; n < 3 && k < b && IsCapWord(k); n++, k++)
            if (Has(k, WordFacts.OrgHead))
                return true;
        return false;
    }

    private Draft AddPlaceDraft(int g, int s, Draft? partOf)
    {
        var e = _gazEntry[g]!;
        int first = g;
        // An optional leading "the": "the United States", "the Kremlin".
        if (g > _doc.Sentences[s].FirstToken && Is(g - 1, "the") && e.Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Organisation
            && !_covered[g - 1])
            first = g - 1;
        _gazEmitted[g] = true;
        var d = NewDraft();
        d.Span = SpanOf(first, g + _gazLen[g]);
        d.Kind = e.Kind;
        d.Country = e.Code;
        d.City = e.City;
        d.IsPossessive = _gazPossessive[g];
        d.PartOf = partOf;
        return Add(d, s);
    }

    /// <param name="lookUp">Whether to look the name up in the people list when <paramref name="known"/> is null.</param>
    private Draft AddPerson(int first, int end, bool possessive, int s, KnownPerson? known, bool lookUp = true)
    {
        var words = new string[end - first];
        int n = 0;
        for (int k = first; k < end; k++)
        {
            var w = Word(k);
            if (k == end - 1 && possessive)
                Lexical.StripPossessive(w, out w);
            if (w.Length == 1 && k + 1 < end && Word(k + 1) is ".")
            {
                words[n++] = w.ToString() + "."; // an initial keeps its stop: "S. Jaishankar"
                k++;
                continue;
            }
            words[n++] = w.ToString();
        }
        Array.Resize(ref words, n);
        var span = SpanOf(first, end);
        var name = span.Slice(_text);
        if (possessive)
            name = name[..^2];
        var d = NewDraft();
        d.Span = span;
        d.Kind = MentionKind.Person;
        d.Name = name;
        d.Words = words;
        d.IsPossessive = possessive;
        d.Known = known ?? (lookUp ? _lex.FindPerson(name) : null);
        d.FirstToken = first;
        d.EndToken = end;
        Add(d, s);
        for (int k = first; k < end; k++)
            _covered[k] = true;
        _personEndingAt[end] = d;
        return d;
    }

    /// <summary>A single capital letter followed straight by a full stop: "F." of "F.W. de Klerk".</summary>
    private bool IsInitial(int k, int limit) =>
        k + 1 < limit && IsWord(k) && _tokens[k].Span.Length == 1 && char.IsUpper(_text[_tokens[k].Span.Start])
        && Word(k + 1) is "." && _tokens[k + 1].Span.Start == _tokens[k].Span.End;

    /// <summary>
    /// The run of tokens shaped like a person's name from <paramref name="i"/>: capitalised words, initials,
    /// particles between capitalised words ("bin", "de"), prefixed words ("al-Thani"); never a place, a title,
    /// a month or a weekday. A possessive word ends it.
    /// </summary>
    /// <param name="inner">
    /// The run follows a title, so a form of address between two of its words is part of the name ("Somali President
    /// Hassan Sheikh Mohamud"); elsewhere the form of address starts a name of its own ("Sheikh Tamim").
    /// </param>
    private bool NameRun(int i, int limit, out int end, out bool possessive, bool inner = false)
    {
        int k = i, words = 0;
        possessive = false;
        while (k < limit && k - i < 9)
        {
            if (inner && k > i && InnerNameWord(k, limit))
            {
                words++;
                k++;
                continue;
            }
            if (!IsWord(k) || _gazStart[k] >= 0 || _roleStart[k] >= 0)
                break;
            if (IsInitial(k, limit))
            {
                k += 2;
                continue;
            }
            // "King Abdullah II", "Charles III": a regnal number ends the name it follows.
            if (k > i && Has(k, WordFacts.RegnalNumber))
            {
                k++;
                break;
            }
            // After a title a month can be a first name: "Prime Minister Jan Kowalczyk", "envoy June Ito".
            bool firstName = inner && k == i && Has(k, WordFacts.TimeWord) && k + 1 < limit && IsCapWord(k + 1)
                && !Has(k + 1, WordFacts.TimeWord | WordFacts.NotName | WordFacts.Acronym) && _gazStart[k + 1] < 0 && _roleStart[k + 1] < 0;
            if (Has(k, WordFacts.Capitalised) && (firstName || !Has(k, WordFacts.Acronym | WordFacts.NotName | WordFacts.TimeWord)))
            {
                words++;
                k++;
                if (Has(k - 1, WordFacts.Possessive))
                {
                    possessive = true;
                    break;
                }
                continue;
            }
            if (k > i && Has(k, WordFacts.NamePrefix))
            {
                words++;
                k++;
                if (Has(k - 1, WordFacts.Possessive))
                {
                    possessive = true;
                    break;
                }
                continue;
            }
            if (k > i && Has(k, WordFacts.Particle) && k + 1 < limit && IsWord(k + 1)
                && (IsCapWord(k + 1) || Has(k + 1, WordFacts.NamePrefix)) && _gazStart[k + 1] < 0 && _roleStart[k + 1] < 0)
            {
                k++;
                continue;
            }
            break;
        }
        end = k;
        return words > 0;
    }

    /// <summary>"Sheikh" of "Hassan Sheikh Mohamud": a listed inner word followed by a capitalised name word.</summary>
    private bool InnerNameWord(int k, int limit) =>
        k + 1 < limit && IsCapWord(k) && _gazStart[k] < 0 && (_roleStart[k] < 0 || (_roleStart[k] == k && _roleLen[k] == 1))
        && Has(k, WordFacts.InnerName)
        && IsCapWord(k + 1) && _gazStart[k + 1] < 0 && _roleStart[k + 1] < 0 && !Has(k + 1, WordFacts.NotName);

    /// <summary>Punctuation that closes an appositive name: "his counterpart, Liu Xiaoming, ahead of".</summary>
    private bool ClosesAppositive(int k, int b) =>
        k >= b || (_tokens[k].Kind == TokenKind.Punctuation && Word(k) is "," or "." or ")" or ";" or ":" or "\"" or "\u201D" or "-" or "\u2014");
}
