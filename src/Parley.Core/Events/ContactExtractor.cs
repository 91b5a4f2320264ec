using Parley.Actors;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Segmentation;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Events;

/// <summary>
/// Finds contact events: for each contact trigger of a sentence (data/contact_triggers.tsv), reads the
/// status and mode cues of its clause (data/contact_cues.tsv), collects the participants from the
/// subject and object windows that the frame words bound (data/contact_frames.tsv), picks the time,
/// place and duration of the clause, then merges the reports of one contact within the document.
/// </summary>
public sealed partial class ContactExtractor : IDocumentComponent
{
    private readonly ContactLexicon _lex;

    public ContactExtractor(ContactLexicon? lexicon = null) => _lex = lexicon ?? ContactLexicon.Default;

    public string Name => "contacts";

    public IReadOnlyList<string> Requires { get; } = [Layers.Sentences, Layers.Actors, Layers.Times];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Events];

    public void Process(Document doc)
    {
        var ctx = new SentenceContext(doc, _lex);
        var candidates = new List<CandidateEvent>();
        for (int s = 0; s < doc.Sentences.Count; s++)
            ctx.Extract(s, candidates);
        ParticipantFiller.Fill(doc, candidates);
        int lead = LeadSentence(doc);
        var scene = Scene(doc, lead, out bool fromDateline);
        doc.Events.AddRange(EventMerger.Merge(doc, candidates, lead, scene, fromDateline));
    }
}

public sealed partial class ContactExtractor
{
    /// <summary>
    /// The lead: the first sentence of prose (ten words or more, ending with a full stop, not a photo
    /// caption). A contact it reports without a date is the news of the day: wire copy puts the
    /// contact on the day of its dateline.
    /// </summary>
    /// <summary>
    /// Where the story takes place: its dateline city ("RIO DE JANEIRO —", "Washington:", "New York"
    /// above a readout), else the first place the lead puts its people in ("at the presidential office
    /// in Yongsan"). A contact of the day that names no place of its own happened there.
    /// </summary>
    internal static Location? Scene(Document doc, int lead) => Scene(doc, lead, out _);

    internal static Location? Scene(Document doc, int lead, out bool fromDateline)
    {
        fromDateline = true;
        foreach (var m in doc.Mentions)
        {
            if (m.Kind is not (MentionKind.Metonym or MentionKind.Place) || m.City is null || m.Country is null)
                continue;
            if (doc.Info.Dateline is { } dl && m.Span.AsSpan(doc.Text).Equals(dl, StringComparison.OrdinalIgnoreCase))
                return new Location(m.City, m.Country);
            bool lineStart = m.Span.Start == 0 || doc.Text[m.Span.Start - 1] == '\n';
            int after = m.Span.End;
            while (after < doc.Text.Length && doc.Text[after] == ' ')
                after++;
            bool lineEnd = after >= doc.Text.Length || doc.Text[after] == '\n';
            bool shaped = after < doc.Text.Length && (doc.Text[after] is ':' or '(' or '\u2014' or ',' || doc.Text.AsSpan(after).StartsWith("--"));
            if (lineStart && (shaped || lineEnd))
                return new Location(m.City, m.Country);
        }
        fromDateline = false;
        if (lead < 0)
            return null;
        var span = doc.Sentences[lead].Span;
        foreach (var m in doc.Mentions)
        {
            if (!span.Contains(m.Span.Start) || m.Kind is not (MentionKind.Metonym or MentionKind.Place) || m.City is null)
                continue;
            var before = doc.Text.AsSpan(span.Start, m.Span.Start - span.Start).TrimEnd();
            if (before.EndsWith(" the", StringComparison.OrdinalIgnoreCase) || before.Equals("the", StringComparison.OrdinalIgnoreCase))
                before = before[..^3].TrimEnd();
            bool prep = before.EndsWith("in", StringComparison.OrdinalIgnoreCase) || before.EndsWith("at", StringComparison.OrdinalIgnoreCase);
            if (prep && (before.Length == 2 || before[^3] == ' '))
                return new Location(m.City, m.Country);
        }
        return null;
    }

    internal static int LeadSentence(Document doc)
    {
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            int words = 0;
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                if (doc.Tokens[t].Kind == TokenKind.Word)
                    words++;
            var text = sentence.Span.AsSpan(doc.Text);
            if (words < 10 || !(text.Length > 0 && text[^1] == '.'))
                continue;
            if (text.Contains("(L)", StringComparison.Ordinal) || text.Contains("(R)", StringComparison.Ordinal)
                || TextSearch.ContainsIgnoreCase(text, "photo"))
                continue;
            return s;
        }
        return -1;
    }
}

/// <summary>The per-document working state of the extractor.</summary>
internal sealed partial class SentenceContext
{
    private readonly Document _doc;
    private readonly ContactLexicon _lex;
    private readonly string[] _lower; // token index -> lower-case word (a reused buffer: valid below _tokenCount)
    private readonly int _tokenCount;
    private readonly int[] _mentionAt; // token index -> index of the mention starting there, or -1
    private readonly int[] _mentionCover; // token index -> index of the mention covering it, or -1
    private readonly int[] _mentionLast; // mention index -> TokenAt(its last character)
    private readonly int[] _sentenceOf; // token index -> sentence index
    private readonly bool[] _inTime; // token index -> inside a time expression
    private readonly int[] _flags; // token index -> ContactLexicon.WordFlags of its word, | Capitalised
    private readonly int[] _ids; // token index -> spelling id (TokenSpellings, this document's)
    private readonly Buffers.Firsts[] _firsts; // spelling id -> where the tries go from the word

    // The lexicon's tries matched at token i, from the word's node kept per spelling (TokenTrie.LongestMatchFrom).
    private int TriggerMatch(int i, int end, out ContactTrigger? t) => _lex.Triggers.LongestMatchFrom(_firsts[_ids[i]].Trigger, _lower, i, end, out t);

    private int CueMatch(int i, int end, out ContactCue? cue) => _lex.Cues.LongestMatchFrom(_firsts[_ids[i]].Cue, _lower, i, end, out cue);

    private int FrameMatch(int i, int end, out FrameKind[]? kinds) => _lex.Frames.LongestMatchFrom(_firsts[_ids[i]].Frame, _lower, i, end, out kinds);

    private const int Capitalised = 1 << 8, WordToken = 1 << 9, NumberToken = 1 << 10, PunctuationToken = 1 << 11;

    private sealed class Buffers
    {
        public int[]? Flags, MentionAt, MentionCover, MentionLast, SentenceOf;
        public string[]? Lower;
        public bool[]? InTime;

        // Per spelling id of TokenSpellings: the lexicon's word flags and Capitalised, | Known (0 until asked), beside
        // the spelling's lower-case word, for one lexicon and one generation of ids (one read per token for both).
        public Spelling[] SpellingFlags = new Spelling[1 << 13];
        public ContactLexicon? SpellingLexicon;
        public int SpellingGeneration;
        public const int Known = 1 << 30;

        public struct Spelling
        {
            public string Lower;
            public int Flags;
        }

        // Per spelling id, beside SpellingFlags: where each trie goes from the word (TokenTrie.RootChild), so that a
        // match at a token hashes no first word. Filled with the flags; read only where a phrase may start.
        public Firsts[] SpellingFirsts = new Firsts[1 << 13];

        public struct Firsts
        {
            public TokenTrie<ContactTrigger>.Node? Trigger;
            public TokenTrie<ContactCue>.Node? Cue;
            public TokenTrie<FrameKind[]>.Node? Frame;
        }

        public Spelling[] FlagsBySpelling(ContactLexicon lex, TokenSpellings spellings)
        {
            if (spellings.Renews(ref SpellingGeneration) | !ReferenceEquals(SpellingLexicon, lex))
            {
                Array.Clear(SpellingFlags); // SpellingFirsts is filled with the flags
                SpellingLexicon = lex;
            }
            spellings.Fit(ref SpellingFlags);
            spellings.Fit(ref SpellingFirsts);
            return SpellingFlags;
        }

        public static T[] Rent<T>(ref T[]? buffer, int length)
        {
            if (buffer is null || buffer.Length < length)
                buffer = new T[Math.Max(length, (buffer?.Length ?? 512) * 2)];
            return buffer;
        }
    }

    [ThreadStatic]
    private static Buffers? _buffers;

    private static int TokenAtOrAfter(List<Token> tokens, int charOffset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (tokens[mid].Span.End <= charOffset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    private CandidateEvent? _last;
    private CandidateEvent? _lastDated;
    private CandidateEvent? _lastOccurred;
    private string? _homeCountry;
    private bool _homeKnown;

    /// <summary>The document's home country (<see cref="ParticipantFiller.HomeCountry"/>), worked out when first needed.</summary>
    private string? Home
    {
        get
        {
            if (!_homeKnown)
            {
                _homeCountry = ParticipantFiller.HomeCountry(_doc);
                _homeKnown = true;
            }
            return _homeCountry;
        }
    }
    private EventStatus _currentStatus; // the status of the contact being built, for group references
    private readonly List<CandidateEvent> _recent = []; // the contacts found so far, in text order
    private int _blockedVerbAt = -1; // the subject of the sentence's previous trigger

    public SentenceContext(Document doc, ContactLexicon lex)
    {
        _doc = doc;
        _lex = lex;
        var tokens = doc.Tokens;
        // The per-token indexes live in buffers reused per thread (one document at a time per thread;
        // sized to at least the document, so index them below tokens.Count only).
        var buffers = _buffers ??= new Buffers();
        int n = tokens.Count;
        _tokenCount = n;
        // The lower-case word of every token (Document.Lower, in a reused buffer: index below n only).
        _lower = Buffers.Rent(ref buffers.Lower, n);
        _flags = Buffers.Rent(ref buffers.Flags, n);
        _mentionAt = Buffers.Rent(ref buffers.MentionAt, n);
        _mentionCover = Buffers.Rent(ref buffers.MentionCover, n);
        _mentionLast = Buffers.Rent(ref buffers.MentionLast, doc.Mentions.Count);
        _sentenceOf = Buffers.Rent(ref buffers.SentenceOf, n);
        _inTime = Buffers.Rent(ref buffers.InTime, n);
        // The segmenter looked every token up once (TokenSpellings); each spelling keeps its lower-case word.
        var spellings = TokenSpellings.ForThread();
        var ids = spellings.Of(doc);
        var bySpelling = buffers.FlagsBySpelling(lex, spellings);
        _firsts = buffers.SpellingFirsts;
        _ids = spellings.IdArray(doc);
        var text = doc.Text;
        var tokenSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        var lower = _lower.AsSpan(0, n);
        var flags = _flags.AsSpan(0, n);
        for (int i = 0; i < tokenSpan.Length; i++)
        {
            ref readonly var token = ref tokenSpan[i];
            int id = ids[i];
            ref var spelling = ref bySpelling[id];
            if (spelling.Flags == 0)
            {
                spelling.Flags = lex.WordFlags(spellings.Form(id)) | (char.IsUpper(text[token.Span.Start]) ? Capitalised : 0) | Buffers.Known;
                spelling.Lower = spellings.Lower(id);
                ref var firsts = ref buffers.SpellingFirsts[id];
                firsts.Trigger = (spelling.Flags & ContactLexicon.StartsTrigger) != 0 ? lex.Triggers.RootChild(spelling.Lower) : null;
                firsts.Cue = (spelling.Flags & ContactLexicon.StartsCue) != 0 ? lex.Cues.RootChild(spelling.Lower) : null;
                firsts.Frame = (spelling.Flags & ContactLexicon.StartsFrame) != 0 ? lex.Frames.RootChild(spelling.Lower) : null;
            }
            lower[i] = spelling.Lower;
            flags[i] = (spelling.Flags & ~Buffers.Known)
                | token.Kind switch
                {
                    TokenKind.Word => WordToken,
                    TokenKind.Number => NumberToken,
                    TokenKind.Punctuation => PunctuationToken,
                    _ => 0,
                };
        }
        var sentenceOf = _sentenceOf.AsSpan(0, n);
        sentenceOf.Clear();
        var sentences = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(doc.Sentences);
        for (int si = 0; si < sentences.Length; si++)
        {
            int end = Math.Min(sentences[si].EndToken, n);
            for (int t = sentences[si].FirstToken; t < end; t++)
                sentenceOf[t] = si;
        }
        var inTime = _inTime.AsSpan(0, n);
        inTime.Clear();
        // Times come in text order: walk on from the last one's first token (a search if one comes back).
        int at = 0, lastStart = 0;
        foreach (var te in doc.Times)
        {
            if (te.Span.Start < lastStart)
                at = TokenAtOrAfter(tokens, te.Span.Start);
            lastStart = te.Span.Start;
            while (at < tokenSpan.Length && tokenSpan[at].Span.End <= te.Span.Start)
                at++;
            for (int t = at; t < tokenSpan.Length && tokenSpan[t].Span.Start < te.Span.End; t++)
                inTime[t] = true;
        }
        _mentionAt.AsSpan(0, n).Fill(-1);
        _mentionCover.AsSpan(0, n).Fill(-1);
        // Mentions come in text order: walk the tokens alongside them (a binary search if one is out of order).
        int cursor = 0, previousStart = 0;
        for (int m = 0; m < doc.Mentions.Count; m++)
        {
            var span = doc.Mentions[m].Span;
            if (span.Start < previousStart)
                cursor = Math.Max(0, TokenAt(span.Start));
            previousStart = span.Start;
            while (cursor < tokenSpan.Length && tokenSpan[cursor].Span.End <= span.Start)
                cursor++;
            int first = cursor < tokenSpan.Length ? cursor : -1;
            int last = cursor;
            while (last < tokenSpan.Length && tokenSpan[last].Span.End <= span.End - 1)
                last++;
            _mentionLast[m] = last < tokenSpan.Length ? last : -1;
            if (first < 0)
                continue;
            if (_mentionAt[first] < 0)
                _mentionAt[first] = m;
            for (int t = first; t < tokenSpan.Length && tokenSpan[t].Span.Start < span.End; t++)
                if (_mentionCover[t] < 0)
                    _mentionCover[t] = m;
        }
    }

    private int TokenAt(int charOffset)
    {
        var tokens = _doc.Tokens;
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var sp = tokens[mid].Span;
            if (sp.End <= charOffset)
                lo = mid + 1;
            else if (sp.Start > charOffset)
                hi = mid - 1;
            else
                return mid;
        }
        return lo < tokens.Count ? lo : -1;
    }

    private readonly record struct Match(int Start, int End, ContactTrigger Trigger, int NounStart);

    public void Extract(int sentenceIndex, List<CandidateEvent> output)
    {
        var sentence = _doc.Sentences[sentenceIndex];
        int a = sentence.FirstToken, b = sentence.EndToken;
        _previousSubject = null;
        _blockedVerbAt = -1;
        NameTheUnnamed(a, b);
        int firstOfSentence = output.Count;
        foreach (var m in FindTriggers(a, b))
        {
            var ev = Build(sentenceIndex, a, b, m);
            if (ev is null)
                continue;
            // "Pompeo plans to visit Japan ..., in a trip seen as ...": a contact noun whose parties an
            // earlier contact of the same sentence already holds names that contact again.
            if (m.Trigger.Kind == TriggerKind.Noun && HeldByEarlier(ev, output, firstOfSentence))
                continue;
            if (ev.Separately && ev.ObjectStart > 0 && ev.Participants.Count - ev.ObjectStart > 1)
            {
                foreach (var one in SplitPerObject(ev))
                    output.Add(one);
                _last = output[^1];
                continue;
            }
            output.Add(ev);
            _recent.Add(ev);
            // Only a contact with identifiable parties can be what "they" or "the talks" refer back to.
            if (ev.Participants.Count < 2 || !HasIdentifiedParty(ev))
                continue;
            _last = ev;
            if (ev.Status == EventStatus.Occurred)
                _lastOccurred = ev;
            if (Gapped(ev, m, b) is { } gapped)
            {
                output.Add(gapped);
                _last = gapped;
            }
            if (ev.Date is not null)
                _lastDated = ev;
        }
    }

    /// <summary>Whether a participant has a country or a name.</summary>
    private static bool HasIdentifiedParty(CandidateEvent ev)
    {
        foreach (var p in ev.Participants)
            if (p.Country is not null || p.Name is not null)
                return true;
        return false;
    }

    /// <summary>Whether a contact of <paramref name="output"/> from <paramref name="from"/> on holds all of <paramref name="ev"/>'s parties.</summary>
    private static bool HeldByEarlier(CandidateEvent ev, List<CandidateEvent> output, int from)
    {
        for (int k = from; k < output.Count; k++)
        {
            var e = output[k];
            if (ev.CountriesIn(e) && (ev.Date is null || ev.Date == e.Date) && NamesHeldBy(ev, e))
                return true;
        }
        return false;
    }

    /// <summary>Whether every named participant of <paramref name="ev"/> is named in <paramref name="other"/>.</summary>
    private static bool NamesHeldBy(CandidateEvent ev, CandidateEvent other)
    {
        foreach (var p in ev.Participants)
        {
            if (p.Name is null)
                continue;
            bool held = false;
            foreach (var q in other.Participants)
                if (q.Name is not null && NameMatch.Same(p.Name, q.Name))
                {
                    held = true;
                    break;
                }
            if (!held)
                return false;
        }
        return true;
    }

    /// <summary>
    /// "he was visited ... by the president of Chile, Gabriel Boric, while on Thursday by the president of
    /// Ecuador, Guillermo Lasso": a passive contact whose verb the next clause leaves out.
    /// </summary>
    private CandidateEvent? Gapped(CandidateEvent ev, Match m, int b)
    {
        if (m.Start == 0 || _lower[m.Start - 1] is not ("was" or "were" or "been") || ev.ObjectStart <= 0)
            return null;
        int right = RightBound(m.End, b);
        if (right >= b || _lower[right] is not ("while" or "whereas" or "and"))
            return null;
        int by = -1;
        for (int i = right + 1; i < b && i < right + 8; i++)
            if (_lower[i] == "by")
            {
                by = i;
                break;
            }
            else if (MayStartTrigger(i) && IsLowerCaseWord(i))
                return null; // a verb of its own: not a gap
        if (by < 0)
            return null;
        int end = by + 1;
        while (end < b && _lower[end] is not (";" or "while" or "and"))
            end++;
        var agents = Collect(by + 1, end, allowGroup: false);
        if (agents.Count == 0)
            return null;
        var gapped = new CandidateEvent
        {
            Status = ev.Status, Mode = ev.Mode, StrongMode = ev.StrongMode, Sentence = ev.Sentence, Evidence = [.. ev.Evidence],
            FromCaption = ev.FromCaption,
            Participants = ev.Participants.Take(ev.ObjectStart).Select(p => p.Clone()).ToList(),
        };
        gapped.ObjectStart = gapped.Participants.Count;
        AddAll(gapped, agents);
        int from = _doc.Tokens[right].Span.Start, to = _doc.Tokens[by].Span.Start;
        foreach (var te in _doc.Times)
            if (te.Span.Start >= from && te.Span.Start < to && te.Value is not null)
            {
                gapped.Date = te.Value;
                gapped.DatePhrase = te.Phrase;
            }
        if (ev.Location is not null && gapped.Date == ev.Date)
            gapped.Location = ev.Location;
        return gapped;
    }

    // Buffers of FindTriggers, reused sentence after sentence (its result is read before the next call).
    private readonly List<(int Start, int Len, ContactTrigger T)> _rawTriggers = [];
    private readonly List<Match> _matches = [];
    private readonly HashSet<int> _consumed = [];

    private List<Match> FindTriggers(int a, int b)
    {
        var raw = _rawTriggers;
        raw.Clear();
        for (int i = a; i < b; i++)
        {
            if (!MayStartTrigger(i))
                continue;
            int len = TriggerMatch(i, b, out var t);
            if (len == 0 || t is null)
                continue;
            if (t.Kind == TriggerKind.Verb && (i == a || IsNounContext(i - 1)) && !GerundWithObject(i, len, b)
                && _lex.NounReadings.TryGetValue(len == 1 ? _lower[i] : string.Join(' ', _lower, i, len), out var noun))
                t = noun;
            // A trigger word inside a name ("Meeting Street") or an actor mention is not a trigger.
            if (_mentionCover[i] >= 0 && _doc.Mentions[_mentionCover[i]].Kind is MentionKind.Person or MentionKind.Organisation)
                continue;
            if (t.Kind != TriggerKind.None)
                raw.Add((i, len, t));
            i += len - 1;
        }
        // "received a phone call from Macron", "welcomed a letter from": the noun says what the contact was.
        for (int k = 0; k + 1 < raw.Count; k++)
        {
            var (vs, vl, vt) = raw[k];
            var next = raw[k + 1];
            if (vt.Kind == TriggerKind.Verb && vt.Role is ContactRole.Host && next.T.Kind is TriggerKind.Noun or TriggerKind.Verb
                && (next.T.Mode is ContactMode.Phone or ContactMode.Video or ContactMode.Written
                    || _lex.NounReadings.TryGetValue(next.T.Phrase, out var nr) && nr.Mode is ContactMode.Phone or ContactMode.Video or ContactMode.Written)
                && next.Start <= vs + vl + 3 && OnlyModifiersBetween(vs + vl, next.Start))
            {
                raw.RemoveAt(k);
                k--;
            }
        }
        var result = _matches;
        result.Clear();
        var consumed = _consumed;
        consumed.Clear();
        for (int k = 0; k < raw.Count; k++)
        {
            var (start, len, t) = raw[k];
            if (consumed.Contains(k))
                continue;
            if (t.Kind == TriggerKind.Support)
            {
                // A light verb counts only with a contact noun shortly after it: "held a brief meeting".
                for (int j = k + 1; j < raw.Count && raw[j].Start <= start + len + 4; j++)
                {
                    var noun = raw[j].T;
                    if (noun.Kind == TriggerKind.Verb && _lex.NounReadings.TryGetValue(string.Join(' ', _lower, raw[j].Start, raw[j].Len), out var reading))
                        noun = reading;
                    if (noun.Kind != TriggerKind.Noun || !OnlyModifiersBetween(start + len, raw[j].Start))
                        continue;
                    var role = t.Role != ContactRole.Symmetric ? t.Role : noun.Role;
                    var merged = new ContactTrigger(_lower[start] + " " + noun.Phrase, TriggerKind.Verb, noun.Mode, noun.StrongMode, "", role);
                    result.Add(new Match(start, raw[j].Start + raw[j].Len, merged, raw[j].Start));
                    consumed.Add(j);
                    break;
                }
                continue;
            }
            // "flew to Tehran for consultations with Iranian leaders": a purpose with its own partner.
            bool purpose = start > a && _lower[start - 1] is "for" && start + len < b && _lower[start + len] is "with" or "between";
            if (t.Kind == TriggerKind.Noun && t.Needs == "support" && !PassiveSupportFollows(start + len, b) && !purpose)
                continue;
            if (t.Kind == TriggerKind.Noun && (ModifiesFollowingNoun(start + len) || IsGathering(a, start)))
                continue;
            result.Add(new Match(start, start + len, t, t.Kind == TriggerKind.Noun ? start : -1));
        }
        return result;
    }

    private CandidateEvent? Build(int sentenceIndex, int a, int b, Match m)
    {
        _foundListsUsed = 0; // the lists of the contact built before are read no more
        var t = m.Trigger;
        int left = LeftBound(a, m.Start);
        Bounds(m.End, b, out int right, out int clauseEnd);
        // "during a lunch meeting", "at the meeting": the phrase presupposes the contact took place, so
        // what the clause says before the preposition ("The invitation was extended ...") does not block it.
        int presupposedFrom = t.Kind == TriggerKind.Noun ? PresupposingPreposition(left, m.Start) : -1;
        // "did not meet Abbas during the visit", "are unlikely to meet at the summit": the noun only sets
        // the scene of a contact the sentence denies.
        if (t.Kind == TriggerKind.Noun && _blockedVerbAt >= 0 && _blockedVerbAt < m.Start)
            return Drop(m, "the setting of a blocked contact verb");

        // Status: block and planned cues within the clause.
        var status = EventStatus.Occurred;
        var mode = t.Mode;
        bool strong = t.StrongMode && t.Mode != ContactMode.Unknown;
        for (int i = left; i < clauseEnd; i++)
        {
            if (i >= m.Start && i < m.End)
                continue;
            if (i < m.Start && (_flags[i] & ContactLexicon.Negated) != 0) // "didn't", "won’t"
                return Drop(m, "negated ('n't')");
            if (!MayStartCue(i))
                continue;
            int len = CueMatch(i, clauseEnd, out var cue);
            if (len == 0 || cue is null)
                continue;
            if (!IsLowerCaseWord(i) && i != a)
                continue; // "May" the month is not "may" the modal
            bool before = i + len <= m.Start;
            bool after = i >= m.End;
            bool placeOk = cue.Where switch
            {
                CuePlace.Before => before || (after && t.Kind == TriggerKind.Noun && cue.Effect == CueEffect.Block && NegatesNoun(m.End, i)),
                CuePlace.After => after,
                _ => true,
            };
            if (!placeOk)
                continue;
            switch (cue.Effect)
            {
                case CueEffect.Block:
                    if (before && !(t.Kind == TriggerKind.Noun && i < presupposedFrom)
                        || (after && t.Kind == TriggerKind.Noun && cue.Where == CuePlace.Before && NegatesNoun(m.End, i))
                        || (cue.Where == CuePlace.Any && (t.Kind == TriggerKind.Noun || i < Math.Max(right, m.End + 3))))
                    {
                        if (t.Kind == TriggerKind.Verb)
                            _blockedVerbAt = m.Start;
                        return Drop(m, "a blocking cue in its clause", cue.Phrase);
                    }
                    break;
                case CueEffect.Planned:
                    // "agreed to continue cooperation during their talks": the talks took place.
                    if (!(t.Kind == TriggerKind.Noun && before && i < presupposedFrom))
                        status = EventStatus.Planned;
                    break;
                case CueEffect.Mode:
                    // A strong trigger keeps its mode against a cue elsewhere in the clause ("met Kim after a phone
                    // call"), not against one that modifies it in its own window ("met virtually", "met X via video link").
                    if (!strong || mode == cue.Mode || (after && i < right))
                    {
                        mode = cue.Mode;
                        strong = true;
                    }
                    break;
            }
            i += len - 1;
        }
        _currentStatus = status;
        // A bare infinitive after "to" with no planning cue is an intention we cannot read: skip it —
        // except in a headline, where "Blinken to visit China" is how news announces a plan.
        if (status == EventStatus.Occurred && t.Kind == TriggerKind.Verb && m.Start > a && _lower[m.Start - 1] == "to" && IsBaseForm(_lower[m.Start]))
        {
            if (!IsHeadline(sentenceIndex))
                return Drop(m, "an infinitive with no planning cue");
            status = EventStatus.Planned;
        }

        var ev = new CandidateEvent
        {
            Status = status,
            Mode = mode,
            StrongMode = strong,
            Sentence = sentenceIndex,
            FromCaption = IsCaption(sentenceIndex),
        };
        ev.Evidence.Add(_doc.Sentences[sentenceIndex].Span);

        // Written contacts: "sent Kim a letter", "the letter he received last week from Kim".
        bool letter = LetterInClause(left, clauseEnd);
        if (t.Needs == "letter" && !letter)
            return Drop(m, "no letter or message in its clause");
        bool receivedLetter = letter && t.Phrase is "received" or "receives" or "receive";
        if (receivedLetter || t.Needs == "letter")
        {
            ev.Mode = ContactMode.Written;
            ev.StrongMode = true;
        }

        // Participants: the subject window before the trigger, the object window after it.
        int timeFrom = left;
        var subject = IsCoordinated(a, m.Start) && _previousSubject is { Count: > 0 } shared
            ? shared.Select(f => f with { Participant = f.Participant.Clone() }).ToList()
            : SubjectOf(left, m.Start);
        // "Blinken, who met Netanyahu earlier in the day": a relative clause's subject is what it hangs on.
        if (subject.Count == 0 && left > a && _lower[left - 1] is "who" && PersonBefore(left - 1) is { } antecedent)
            subject = [new Found(left - 1, antecedent, true)];
        // "said after meeting her Albanian counterpart": a participle clause shares the main subject.
        if (subject.Count == 0 && t.Kind == TriggerKind.Verb && _lower[m.Start].EndsWith("ing", StringComparison.Ordinal)
            && m.Start > a && _lower[m.Start - 1] is "after" or "before" or "while" or "when" or "since" or "during")
            subject = SentenceSubject(a, m.Start - 1);
        var obj = t.Kind == TriggerKind.Noun && !StartsWithPreposition(m.End, right)
            ? NewFound()
            : Collect(m.End, right, allowGroup: t.Kind == TriggerKind.Noun);
        if (t.Kind == TriggerKind.Noun)
        {
            // "X's visit to Y", "the meeting of X and Y", "talks between X and Y", "summit with Japan":
            // what is tied to the noun counts; a bare noun ("for a meeting with Choi") takes the
            // sentence's subject and the status of the sentence's main verb.
            var modifiers = NounModifiers(left, m.Start);
            if (modifiers.Count > 0)
                subject = modifiers;
            else if (subject.Count == 0 && obj.Count == 0 && IsDefinite(left, m.Start)
                     && Referent(SentenceStatus(a, b) == EventStatus.Planned ? EventStatus.Planned : EventStatus.Occurred, t.Mode) is { } referent)
            {
                // "During the 40-minute talks, ...": the contact just reported (one that took place,
                // unless the sentence speaks of plans).
                subject = new List<Found>(referent.Participants.Count);
                foreach (var p in referent.Participants)
                    subject.Add(new Found(m.Start, p.Clone(), true));
                ev.RefersTo = referent;
            }
            else if (subject.Count == 0 && SentenceSubject(a, m.Start) is { Count: > 0 } inherited)
            {
                subject = inherited;
                timeFrom = a;
            }
            else if (subject.Count == 0 && Has(a, ContactLexicon.IntroWord) && MainClauseAfterIntro(m.End, b) is { } main
                     && SentenceSubject(main, b) is { Count: > 0 } mainSubject)
            {
                // "Following talks in Ankara, Erdogan and Kristersson held a news conference": the
                // opening phrase's contact is the main clause subject's.
                subject = mainSubject;
                timeFrom = a;
                // "During a phone call on Friday, Harris told Starmer ...": whom the main clause addresses is the other party.
                if (obj.Count == 0)
                    obj = AddresseeOf(main, b);
            }
            if (SentenceStatus(a, m.Start) is not { } sentenceStatus)
            {
                if (timeFrom == a && presupposedFrom < 0)
                    return Drop(m, "the sentence's main verb is blocked");
            }
            else if (sentenceStatus == EventStatus.Planned)
                ev.Status = EventStatus.Planned;
        }
        if (receivedLetter || (ev.Mode == ContactMode.Written && t.Kind == TriggerKind.Noun))
        {
            var sender = Senders(m.End, right);
            if (sender.Count > 0)
            {
                obj.AddRange(sender);
                ev.Sender = sender[0].Participant.Name ?? sender[0].Participant.Country;
            }
            else if (receivedLetter)
                return Drop(m, "a letter received from no one named");
        }
        else if (t.Needs == "letter" && subject.Count > 0)
            ev.Sender = subject[0].Participant.Name ?? subject[0].Participant.Country;
        if (t.Role == ContactRole.Visit)
        {
            obj.AddRange(Destination(m.End, right));
            if (obj.Count == 0 && t.Kind == TriggerKind.Noun)
                obj.AddRange(EarlierDestination(left, m.Start));
        }
        if (_doc.Trace is not null)
        {
            string Show(int from, int to) => from < to ? _doc.Slice(new TextSpan(_doc.Tokens[from].Span.Start, _doc.Tokens[to - 1].Span.End)) : "";
            string Who(List<Found> fs) => string.Join("; ", fs.Select(f => $"{f.Participant.Name ?? "?"}/{f.Participant.Country ?? "?"}"));
            _doc.Trace.Add($"'{Show(m.Start, m.End)}' ({t.Kind}): subject window '{Show(left, m.Start)}' -> [{Who(subject)}]; object window '{Show(m.End, right)}' -> [{Who(obj)}]");
        }
        _previousSubjectKept.Clear();
        _previousSubjectKept.AddRange(subject);
        _previousSubject = _previousSubjectKept;
        if (t.Role == ContactRole.Host && subject.Count > 0)
            ev.HostCountry = subject[0].Participant.Country;
        AddAll(ev, subject);
        ev.ObjectStart = ev.Participants.Count;
        AddAll(ev, obj);
        for (int i = left; i < clauseEnd; i++)
            if ((_flags[i] & ContactLexicon.OneEach) != 0 // ContactLexicon.OneEachWords, one test for most words
                && (_lower[i] is "separately" or "individually" || (_lower[i] is "separate" or "bilateral" && i + 1 < clauseEnd
                && _lower[i + 1] is "meetings" or "talks" or "calls" or "summits")))
                ev.Separately = true; // "held bilateral talks with the leaders of Poland and Chile": one each
        // "he visited Tajikistan and Turkmenistan": one visit to each host.
        if (t.Role == ContactRole.Visit && t.Kind == TriggerKind.Verb && obj.Count > 1
            && obj.TrueForAll(f => f.Participant.Name is null && f.Participant.Role is null && !f.IsPersonish))
        {
            ev.Separately = true;
            ev.VisitSplit = true;
        }
        if (ev.Participants.Count == 0)
            return Drop(m, "no participants");
        // "called on Russia to release ...", "urged X to ...": an appeal, not a call.
        if (t.Role == ContactRole.Visit && t.Phrase.StartsWith("call", StringComparison.Ordinal) && AppealFollows(m.End, right, b))
            return Drop(m, "an appeal ('called on X to ...')");
        if (t.Kind == TriggerKind.Verb && t.Phrase.StartsWith("call", StringComparison.Ordinal) && NamesObjectAs(m.End, b))
            return Drop(m, "a name given ('called X a ...')");
        if (t.Needs == "object" && obj.Count == 0)
            return Drop(m, "no object");
        if (t.Needs == "with" && !HasWithObject(m.End, right) && subject.Select(f => f.Participant.Country).Distinct().Count() < 2)
            return Drop(m, "no 'with' object");
        if (t.Kind == TriggerKind.Noun && subject.Count == 0 && obj.Count == 0)
            return Drop(m, "a contact noun with no arguments");

        AddTopicsAfter(ev.Topics, right, b);

        // Location, date, duration.
        ev.Location = FindLocation(t, timeFrom, clauseEnd, m) ?? InstitutionLocation(timeFrom == a ? a : left, clauseEnd);
        ev.UnknownPlace = ev.Location is null && NamesUnknownPlace(left, clauseEnd);
        // "travel to Helsinki on Friday, where she is set to meet ...": the place the clause hangs on.
        if (ev.Location is null && left > a && _lower[left - 1] == "where" && AntecedentPlace(a, left - 1) is { } where)
            ev.Location = where;
        PickTime(ev, a, b, TimeWindowStart(timeFrom, m.Start), clauseEnd, m, t.Kind == TriggerKind.Noun);
        return ev;
    }

    private CandidateEvent? Drop(Match m, string why, string? detail = null)
    {
        if (_doc.Trace is null)
            return null;
        if (detail is not null)
            why = $"{why} ({detail})";
        _doc.Trace?.Add($"dropped '{_doc.Slice(new TextSpan(_doc.Tokens[m.Start].Span.Start, _doc.Tokens[m.End - 1].Span.End))}' at {_doc.Tokens[m.Start].Span.Start}: {why}");
        return null;
    }

    private bool IsLowerCaseWord(int i) => (_flags[i] & Capitalised) == 0;

    private bool IsWordToken(int i) => (_flags[i] & WordToken) != 0;

    private bool IsNumberToken(int i) => (_flags[i] & NumberToken) != 0;

    private bool IsPunctuationToken(int i) => (_flags[i] & PunctuationToken) != 0;

    private bool MayStartTrigger(int i) => (_flags[i] & ContactLexicon.StartsTrigger) != 0;

    private bool MayStartCue(int i) => (_flags[i] & ContactLexicon.StartsCue) != 0;

    private bool MayStartFrame(int i) => (_flags[i] & ContactLexicon.StartsFrame) != 0;

    private static bool IsBaseForm(string w) => w is "meet" or "visit" or "host" or "receive" or "welcome" or "greet" or "hold"
        or "speak" or "talk" or "call" or "phone" or "telephone" or "pay" or "make" or "have" or "sit" or "shake" or "pose";

    /// <summary>The headline: the document's headline line, or a first line with no final stop.</summary>
    private bool IsHeadline(int sentenceIndex)
    {
        var text = _doc.Sentences[sentenceIndex].Span.AsSpan(_doc.Text);
        if (_doc.Info.Headline is { } headline && text.Trim().SequenceEqual(headline.AsSpan().Trim()))
            return true;
        var end = text.TrimEnd();
        return sentenceIndex == 0 && !(end.Length > 0 && end[^1] == '.');
    }

    private sbyte[]? _caption; // sentence index -> 0 unknown, 1 caption, -1 not

    private bool IsCaption(int sentenceIndex)
    {
        _caption ??= new sbyte[_doc.Sentences.Count];
        if (_caption[sentenceIndex] != 0)
            return _caption[sentenceIndex] > 0;
        bool caption = IsCaptionText(_doc.Sentences[sentenceIndex].Span.AsSpan(_doc.Text));
        _caption[sentenceIndex] = caption ? (sbyte)1 : (sbyte)-1;
        return caption;
    }

    /// <summary>A photo caption: "(L)", "(R)", "in this photo", "file photo".</summary>
    internal static bool IsCaptionText(ReadOnlySpan<char> text) =>
        text.Contains("(L)", StringComparison.Ordinal) || text.Contains("(R)", StringComparison.Ordinal)
        // both phrases end in "photo": one search rules out most sentences
        || (TextSearch.ContainsIgnoreCase(text, "photo")
            && (TextSearch.ContainsIgnoreCase(text, "in this photo") || TextSearch.ContainsIgnoreCase(text, "file photo")));

    /// <summary>The status the cues from the sentence start give: null when one blocks.</summary>
    private EventStatus? SentenceStatus(int a, int before)
    {
        var status = EventStatus.Occurred;
        for (int i = a; i < before; i++)
        {
            if (!MayStartCue(i) || (!IsLowerCaseWord(i) && i != a))
                continue;
            int len = CueMatch(i, before, out var cue);
            if (len == 0 || cue is null)
                continue;
            if (cue.Effect == CueEffect.Block)
                return null;
            if (cue.Effect == CueEffect.Planned)
                status = EventStatus.Planned;
            i += len - 1;
        }
        return status;
    }
}
