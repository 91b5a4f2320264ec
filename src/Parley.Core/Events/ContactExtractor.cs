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
                || text.Contains("photo", StringComparison.OrdinalIgnoreCase))
                continue;
            return s;
        }
        return -1;
    }
}

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

/// <summary>The per-document working state of the extractor.</summary>
internal sealed class SentenceContext
{
    private readonly Document _doc;
    private readonly ContactLexicon _lex;
    private readonly string[] _lower;
    private readonly int[] _mentionAt; // token index -> index of the mention starting there, or -1
    private readonly int[] _mentionCover; // token index -> index of the mention covering it, or -1
    private readonly int[] _sentenceOf; // token index -> sentence index
    private readonly bool[] _inTime; // token index -> inside a time expression

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
    private readonly Lazy<string?> _home;
    private EventStatus _currentStatus; // the status of the contact being built, for group references
    private readonly List<CandidateEvent> _recent = []; // the contacts found so far, in text order
    private int _blockedVerbAt = -1; // a contact verb of the current sentence that a cue blocked ("did not meet")
    private List<Found>? _previousSubject; // the subject of the sentence's previous trigger

    public SentenceContext(Document doc, ContactLexicon lex)
    {
        _doc = doc;
        _lex = lex;
        _home = new Lazy<string?>(() => ParticipantFiller.HomeCountry(doc));
        var tokens = doc.Tokens;
        _lower = new string[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
            _lower[i] = LowerWords.Get(tokens[i].Span.AsSpan(doc.Text));
        _mentionAt = new int[tokens.Count];
        _mentionCover = new int[tokens.Count];
        _sentenceOf = new int[tokens.Count];
        for (int si = 0; si < doc.Sentences.Count; si++)
            for (int t = doc.Sentences[si].FirstToken; t < doc.Sentences[si].EndToken; t++)
                _sentenceOf[t] = si;
        _inTime = new bool[tokens.Count];
        foreach (var te in doc.Times)
        {
            int t = TokenAtOrAfter(tokens, te.Span.Start);
            for (; t < tokens.Count && tokens[t].Span.Start < te.Span.End; t++)
                _inTime[t] = true;
        }
        Array.Fill(_mentionAt, -1);
        Array.Fill(_mentionCover, -1);
        for (int m = 0; m < doc.Mentions.Count; m++)
        {
            var span = doc.Mentions[m].Span;
            int first = TokenAt(span.Start);
            if (first < 0)
                continue;
            if (_mentionAt[first] < 0)
                _mentionAt[first] = m;
            for (int t = first; t < tokens.Count && tokens[t].Span.Start < span.End; t++)
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
            if (m.Trigger.Kind == TriggerKind.Noun && output.Skip(firstOfSentence).Any(e => !ev.Countries.Except(e.Countries).Any()
                    && (ev.Date is null || ev.Date == e.Date)
                    && ev.Participants.All(p => p.Name is null || e.Participants.Any(q => q.Name is not null && NameMatch.Same(p.Name, q.Name)))))
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
            if (ev.Participants.Count < 2 || ev.Participants.Count(p => p.Country is not null || p.Name is not null) < 1
                || ev.Participants.All(p => p.Country is null && p.Name is null && p.Role is null))
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

    /// <summary>
    /// "... set to meet with officials from the incoming administration. They include Kim Tae-hyo, ...":
    /// the person a following sentence lists names the unnamed party of the contact just reported.
    /// </summary>
    private void NameTheUnnamed(int a, int b)
    {
        if (_last is null || b - a < 3)
            return;
        bool include = (_lower[a] is "they" or "these" or "those" && _lower[a + 1] is "include" or "included" or "were" or "are")
            || (_lower[a] == "among" && _lower[a + 1] == "them");
        if (!include)
            return;
        var unnamed = _last.Participants.FirstOrDefault(p => p.Name is null);
        if (unnamed is null)
            return;
        for (int i = a + 2; i < b; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0 || _doc.Mentions[mi].Kind != MentionKind.Person || NameOf(_doc.Mentions[mi]) is not { } name)
                continue;
            var person = _doc.Mentions[mi];
            if (unnamed.Country is not null && person.Country is not null && person.Country != unnamed.Country)
                return;
            unnamed.Name = name;
            unnamed.Country ??= person.Country;
            unnamed.Role ??= person.Role;
            return;
        }
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
            else if (_lex.Triggers.StartsWith(_lower[i]) && IsLowerCaseWord(i))
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

    private static IEnumerable<CandidateEvent> SplitPerObject(CandidateEvent ev)
    {
        var subject = ev.Participants.Take(ev.ObjectStart).ToList();
        foreach (var o in ev.Participants.Skip(ev.ObjectStart))
        {
            yield return new CandidateEvent
            {
                Status = ev.Status, Mode = ev.Mode, StrongMode = ev.StrongMode, Date = ev.Date, DatePhrase = ev.DatePhrase,
                Participants = subject.Select(p => p.Clone()).Append(o).ToList(),
                Location = ev.VisitSplit && ev.Location?.Country != o.Country ? new Location(null, o.Country) : ev.Location,
                DurationMinutes = ev.DurationMinutes, Evidence = [.. ev.Evidence], Sentence = ev.Sentence,
                FromCaption = ev.FromCaption, ObjectStart = subject.Count,
            };
        }
    }

    private List<Match> FindTriggers(int a, int b)
    {
        var raw = new List<(int Start, int Len, ContactTrigger T)>();
        for (int i = a; i < b; i++)
        {
            if (!_lex.Triggers.StartsWith(_lower[i]))
                continue;
            int len = _lex.Triggers.LongestMatch(_lower, i, b, out var t);
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
        var result = new List<Match>();
        var consumed = new HashSet<int>();
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
            if (t.Kind == TriggerKind.Noun && t.Needs == "support" && !PassiveSupportFollows(start + len, b))
                continue;
            if (t.Kind == TriggerKind.Noun && (ModifiesFollowingNoun(start + len) || IsGathering(a, start)))
                continue;
            result.Add(new Match(start, start + len, t, t.Kind == TriggerKind.Noun ? start : -1));
        }
        return result;
    }

    /// <summary>"The fourth 2+2 dialogue between India and the US was held in Washington": a passive light verb.</summary>
    private bool PassiveSupportFollows(int from, int b)
    {
        for (int i = from; i < b && i < from + 10; i++)
        {
            if (_lower[i] is "was" or "were" or "had" or "have" or "has" && i + 1 < b)
            {
                int j = i + 1;
                if (_lower[j] == "been" && j + 1 < b)
                    j++;
                return _lower[j] is "held" or "conducted" or "launched" or "opened" or "resumed" or "completed";
            }
            if (_lower[i] is "took" && i + 1 < b && _lower[i + 1] == "place")
                return true;
            if (_lower[i] is "," or ";")
                return false;
        }
        return false;
    }

    /// <summary>"after meeting her Albanian counterpart": an -ing form with an object is a verb.</summary>
    private bool GerundWithObject(int i, int len, int b)
    {
        if (!_lower[i + len - 1].EndsWith("ing", StringComparison.Ordinal) || i + len >= b)
            return false;
        int n = i + len;
        return _lower[n] is "his" or "her" or "their" or "its" or "the" or "a" or "an" || _mentionAt[n] >= 0 || !IsLowerCaseWord(n);
    }

    private static readonly HashSet<string> NounDeterminers = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "first", "second",
        "third", "last", "next", "official", "state", "working", "private", "brief", "planned", "upcoming", "surprise", "rare",
        "historic", "separate", "bilateral", "trilateral", "two-day", "three-day", "'s", "\u2019s", "whose", "such", "another",
        "for", "in", "during", "after", "before", "at", "following", "ahead", "of", "amid", "since", "without", "through",
    };

    /// <summary>Whether the token before a verb-or-noun trigger makes it a noun ("his visit", "a meeting").</summary>
    private bool IsNounContext(int previous) =>
        NounDeterminers.Contains(_lower[previous]) || (_doc.Tokens[previous].Kind == TokenKind.Number)
        || (IsLowerCaseWord(previous) && _lower[previous].Contains('-') && _doc.Tokens[previous].Kind == TokenKind.Word) // "face-to-face meeting"
        || (IsLowerCaseWord(previous) && _lower[previous].EndsWith("ed", StringComparison.Ordinal) && previous > 0
            && (NounDeterminers.Contains(_lower[previous - 1]) || _lower[previous - 1].EndsWith("ly", StringComparison.Ordinal)))
        || _lower[previous].EndsWith("'s", StringComparison.Ordinal) || _lower[previous].EndsWith("\u2019s", StringComparison.Ordinal)
        || _lower[previous].EndsWith("-day", StringComparison.Ordinal) || _lower[previous].EndsWith("-minute", StringComparison.Ordinal)
        || _lower[previous].EndsWith("-hour", StringComparison.Ordinal);

    private static readonly HashSet<string> AfterNoun = new(StringComparer.Ordinal)
    {
        "with", "between", "of", "on", "in", "at", "to", "was", "were", "is", "are", "has", "had", "have", "will", "would",
        "took", "takes", "lasted", "lasts", "came", "comes", "ended", "began", "held", "and", "or", "that", "which", "where",
        "last", "this", "next", "for", "by", "via", "over", "since", "after", "before", "among", "amid", "earlier", "later",
        "today", "yesterday", "tomorrow", "ahead", "set", "scheduled", "slated", "due", "planned", "expected", "here", "there",
        "so", "as", "when", "while", "from", "but", "took", "place", "went", "did", "does", "could", "may", "might", "should",
    };

    /// <summary>"bilateral relations", "summit declaration": the contact word is an adjective here.</summary>
    private bool ModifiesFollowingNoun(int next)
    {
        if (next >= _lower.Length || _doc.Tokens[next].Kind != TokenKind.Word || !IsLowerCaseWord(next))
            return false;
        if (_lex.Triggers.StartsWith(_lower[next]))
            return false;
        return !AfterNoun.Contains(_lower[next]);
    }

    /// <summary>
    /// "on the sidelines of the Group of 20 summit", "the ASEAN summit": a multilateral gathering named
    /// as the setting of a contact, not a contact itself.
    /// </summary>
    private bool IsGathering(int a, int noun)
    {
        int i = noun - 1;
        if (i >= a && _mentionCover[i] >= 0 && _doc.Mentions[_mentionCover[i]].Kind == MentionKind.Organisation)
            return true;
        for (int k = noun - 1; k >= a && k >= noun - 8; k--)
            if (_lower[k] == "of" && k > a && _lower[k - 1] is "sidelines" or "margins" or "sideline" or "margin")
                return true;
            else if (_lower[k] is "," or ";")
                break;
        return false;
    }

    private bool OnlyModifiersBetween(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var tok = _doc.Tokens[i];
            if (tok.Kind == TokenKind.Number)
                continue;
            if (tok.Kind != TokenKind.Word && _lower[i] != "-")
                return false;
            if (_mentionCover[i] >= 0 && _doc.Mentions[_mentionCover[i]].Kind is MentionKind.Person)
                return false;
            // "has cancelled a planned visit": a verb between them makes it another predicate.
            if (_lex.Cues.StartsWith(_lower[i]) && _lex.Cues.LongestMatch(_lower, i, i + 1, out var cue) == 1 && cue is { Effect: CueEffect.Block })
                return false;
        }
        return true;
    }

    private CandidateEvent? Build(int sentenceIndex, int a, int b, Match m)
    {
        var t = m.Trigger;
        int left = LeftBound(a, m.Start);
        int right = RightBound(m.End, b);
        int clauseEnd = ClauseEnd(m.End, b);
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
            var lower = _lower[i];
            if (i < m.Start && (lower.EndsWith("n't", StringComparison.Ordinal) || lower.EndsWith("n\u2019t", StringComparison.Ordinal)))
                return Drop(m, "negated ('n't')");
            if (!_lex.Cues.StartsWith(lower))
                continue;
            int len = _lex.Cues.LongestMatch(_lower, i, clauseEnd, out var cue);
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
                    if (!strong || mode == cue.Mode)
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
            Evidence = [_doc.Sentences[sentenceIndex].Span],
            FromCaption = IsCaption(sentenceIndex),
        };

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
        // "said after meeting her Albanian counterpart": a participle clause shares the main subject.
        if (subject.Count == 0 && t.Kind == TriggerKind.Verb && _lower[m.Start].EndsWith("ing", StringComparison.Ordinal)
            && m.Start > a && _lower[m.Start - 1] is "after" or "before" or "while" or "when" or "since" or "during")
            subject = SentenceSubject(a, m.Start - 1);
        var obj = t.Kind == TriggerKind.Noun && !StartsWithPreposition(m.End, right)
            ? new List<Found>()
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
                subject = referent.Participants.Select(p => new Found(m.Start, p.Clone(), true)).ToList();
                ev.RefersTo = referent;
            }
            else if (subject.Count == 0 && SentenceSubject(a, m.Start) is { Count: > 0 } inherited)
            {
                subject = inherited;
                timeFrom = a;
            }
            else if (subject.Count == 0 && IntroWords.Contains(_lower[a]) && MainClauseAfterIntro(m.End, b) is { } main
                     && SentenceSubject(main, b) is { Count: > 0 } mainSubject)
            {
                // "Following talks in Ankara, Erdogan and Kristersson held a news conference": the
                // opening phrase's contact is the main clause subject's.
                subject = mainSubject;
                timeFrom = a;
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
        _previousSubject = subject;
        AddAll(ev, subject);
        ev.ObjectStart = ev.Participants.Count;
        AddAll(ev, obj);
        for (int i = left; i < clauseEnd; i++)
            if (_lower[i] is "separately" or "individually")
                ev.Separately = true;
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
        if (t.Needs == "object" && obj.Count == 0)
            return Drop(m, "no object");
        if (t.Needs == "with" && !HasWithObject(m.End, right) && subject.Select(f => f.Participant.Country).Distinct().Count() < 2)
            return Drop(m, "no 'with' object");
        if (t.Kind == TriggerKind.Noun && subject.Count == 0 && obj.Count == 0)
            return Drop(m, "a contact noun with no arguments");

        ev.Topics.AddRange(TopicsAfter(right, b));

        // Location, date, duration.
        ev.Location = FindLocation(t, timeFrom, clauseEnd, m) ?? InstitutionLocation(timeFrom == a ? a : left, clauseEnd);
        ev.UnknownPlace = ev.Location is null && NamesUnknownPlace(left, clauseEnd);
        // "travel to Helsinki on Friday, where she is set to meet ...": the place the clause hangs on.
        if (ev.Location is null && left > a && _lower[left - 1] == "where" && AntecedentPlace(a, left - 1) is { } where)
            ev.Location = where;
        PickTime(ev, a, b, TimeWindowStart(timeFrom, m.Start), clauseEnd, m, t.Kind == TriggerKind.Noun);
        return ev;
    }

    /// <summary>"a bilateral meeting ... has not been confirmed": a verb group right after the noun phrase.</summary>
    private bool NegatesNoun(int nounEnd, int cue)
    {
        for (int k = nounEnd; k < cue; k++)
            if (_lower[k] is "has" or "have" or "had" or "was" or "were" or "is" or "are" or "will" or "would" or "did" or "does")
                return cue - k <= 3;
        return false;
    }

    private int PresupposingPreposition(int left, int noun)
    {
        // The preposition may be the clause frame that starts the noun's clause ("after talks at State House").
        for (int i = noun - 1; i >= left - 1 && i >= 0 && i >= noun - 5; i--)
        {
            if (_lower[i] is "during" or "at" or "after" or "following" or "throughout")
                return i;
            if (_doc.Tokens[i].Kind != TokenKind.Word && _doc.Tokens[i].Kind != TokenKind.Number && _lower[i] != "-")
                return -1;
        }
        return -1;
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

    private bool IsLowerCaseWord(int i)
    {
        var span = _doc.Tokens[i].Span;
        char c = _doc.Text[span.Start];
        return !char.IsUpper(c);
    }

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
        || (text.Contains("photo", StringComparison.OrdinalIgnoreCase)
            && (text.Contains("in this photo", StringComparison.OrdinalIgnoreCase) || text.Contains("file photo", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// "BEIJING, March 20 (Harbour Daily) -- ...", "SOCHI (TASS): ...": the token after a dateline at the
    /// start of a sentence, or <paramref name="a"/>. The dateline's city is where the report was filed,
    /// not a party.
    /// </summary>
    private int AfterDateline(int a, int b)
    {
        if (_mentionAt[a] < 0 || _doc.Mentions[_mentionAt[a]].Kind is not (MentionKind.Metonym or MentionKind.Place))
            return a;
        for (int i = a + 1; i < b && i < a + 16; i++)
        {
            if (_lower[i] is "\u2014" or "\u2013" or ":" || (_lower[i] == "-" && i + 1 < b && _lower[i + 1] == "-"))
                return _lower[i] == "-" ? i + 2 : i + 1;
            if (_doc.Tokens[i].Kind == TokenKind.Word && IsLowerCaseWord(i) && _lower[i] is not ("by" or "news" or "agency"))
                return a; // prose started: no dateline
        }
        return a;
    }

    private int LeftBound(int a, int trigger)
    {
        a = Math.Min(AfterDateline(a, trigger), trigger);
        for (int i = trigger - 1; i > a; i--)
        {
            if (!_lex.Frames.StartsWith(_lower[i]))
                continue;
            int len = _lex.Frames.LongestMatch(_lower, i, trigger, out var kinds);
            if (len > 0 && kinds is not null && Array.IndexOf(kinds, FrameKind.Clause) >= 0 && IsLowerCaseWord(i))
                return i + len;
        }
        // "Despite the cancellation of his trip, Pompeo still plans to visit Japan": a sentence that opens
        // with a subordinator keeps that clause to its first comma.
        if (_lex.Frames.StartsWith(_lower[a]) && _lex.Frames.LongestMatch(_lower, a, trigger, out var first) > 0
            && first is not null && Array.IndexOf(first, FrameKind.Clause) >= 0)
        {
            for (int i = a + 1; i < trigger; i++)
                if (_lower[i] == ",")
                    return i + 1;
        }
        return a;
    }

    /// <summary>The end of the object window: the first topic, clause or reporting word after the trigger.</summary>
    private int RightBound(int from, int b)
    {
        for (int i = from; i < b; i++)
        {
            var lower = _lower[i];
            if (lower is "," && (ReportingChunkFollows(i + 1, b) || CommaStartsClause(i + 1, b)))
                return i;
            if (lower is ";")
                return i;
            if (lower is "and" or "then" && (CoordinatedTriggerAt(i + 1, b) > 0 || IsPastVerb(i + 1, b)))
                return i;
            if (!_lex.Frames.StartsWith(lower))
                continue;
            int len = _lex.Frames.LongestMatch(_lower, i, b, out var kinds);
            if (len == 0 || kinds is null)
                continue;
            if (Array.IndexOf(kinds, FrameKind.Topic) >= 0 || Array.IndexOf(kinds, FrameKind.Report) >= 0
                || Array.IndexOf(kinds, FrameKind.Clause) >= 0)
            {
                // "on Tuesday" / "on the sidelines of" are not topics.
                if (lower == "over" && i + 2 < b && _lower[i + 1] == "the" && _lower[i + 2] is "phone" or "telephone")
                    continue;
                if (lower == "on" && i + 1 < b && (IsTimeToken(i + 1) || PersonStartsNear(i + 1, b) || _lower[i + 1] == "the" && i + 2 < b && _lower[i + 2] is "sidelines" or "margins"))
                    continue;
                if (!IsLowerCaseWord(i))
                    continue;
                return i;
            }
        }
        return b;
    }

    /// <summary>"a courtesy call on Unification Minister Lee": a person right after the preposition.</summary>
    private bool PersonStartsNear(int from, int b)
    {
        // "a courtesy call on Unification Minister Lee", "China's special representative on Korean
        // Peninsula affairs Wei Lanfang": a person within a few words, before any punctuation or verb.
        for (int i = from; i < b && i < from + 7; i++)
        {
            int mi = _mentionCover[i];
            if (mi >= 0 && _doc.Mentions[mi].Kind == MentionKind.Person)
                return true;
            if (_doc.Tokens[i].Kind != TokenKind.Word || _lex.Triggers.StartsWith(_lower[i]) || _lex.Frames.StartsWith(_lower[i]) && _lower[i] is not ("the"))
                return false;
        }
        return false;
    }

    /// <summary>The end of the trigger's clause (where a later clause starts), for cues and times.</summary>
    private int ClauseEnd(int from, int b)
    {
        for (int i = from; i < b; i++)
        {
            var lower = _lower[i];
            if (lower is ";")
                return i;
            if (lower is "," && ReportingChunkFollows(i + 1, b))
                return i;
            if (lower is "and" or "then" && (CoordinatedTriggerAt(i + 1, b) > 0 || IsPastVerb(i + 1, b)))
                return i;
            if (!_lex.Frames.StartsWith(lower))
                continue;
            int len = _lex.Frames.LongestMatch(_lower, i, b, out var kinds);
            if (len > 0 && kinds is not null && (Array.IndexOf(kinds, FrameKind.Clause) >= 0 || Array.IndexOf(kinds, FrameKind.Report) >= 0)
                && IsLowerCaseWord(i))
                return i;
        }
        return b;
    }

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "said", "told", "met", "held", "made", "took", "gave", "went", "spoke", "sent", "left", "came", "became", "saw",
        "thought", "brought", "sought", "wrote", "began", "put", "set", "paid", "won", "lost", "kept", "laid",
    };

    /// <summary>"called Kang and asked for ...": a past-tense verb after "and" starts another predicate.</summary>
    private bool IsPastVerb(int i, int b)
    {
        if (i < b && _lower[i] is "also" or "then" or "later")
            i++;
        if (i >= b || !IsLowerCaseWord(i) || _doc.Tokens[i].Kind != TokenKind.Word)
            return false;
        var w = _lower[i];
        return IrregularPast.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && _mentionCover[i] < 0);
    }

    /// <summary>
    /// "greet the delegation ... and also hold summit talks with ...": the token where a coordinated
    /// contact predicate starts after "and", or 0.
    /// </summary>
    private int CoordinatedTriggerAt(int from, int b)
    {
        int i = from;
        if (i < b && _lower[i] is "also" or "then" or "later" or "separately")
            i++;
        if (i >= b || !IsLowerCaseWord(i) || !_lex.Triggers.StartsWith(_lower[i]))
            return 0;
        int len = _lex.Triggers.LongestMatch(_lower, i, b, out var t);
        return len > 0 && t is not null && t.Kind is TriggerKind.Verb or TriggerKind.Support ? i : 0;
    }

    /// <summary>", Beijing's top envoy is set to meet": a comma after which a new subject and verb start.</summary>
    private bool CommaStartsClause(int from, int b)
    {
        for (int i = from; i < b && i < from + 12; i++)
        {
            if (_lower[i] is "," or ";" or ".")
                return false;
            if (_lower[i] is "is" or "are" or "was" or "were" or "will" or "has" or "have" or "had" or "would" or "could")
                return true;
            if (i > from && _lex.Triggers.StartsWith(_lower[i]) && IsLowerCaseWord(i))
            {
                int len = _lex.Triggers.LongestMatch(_lower, i, b, out var t);
                if (len > 0 && t is not null && t.Kind is TriggerKind.Verb or TriggerKind.Support && !_lower[i].EndsWith("ing", StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    private bool ReportingChunkFollows(int from, int b)
    {
        for (int i = from; i < b && i < from + 8; i++)
        {
            if (_lower[i] is "," or ";" or ".")
                return false;
            if (!_lex.Frames.StartsWith(_lower[i]))
                continue;
            int len = _lex.Frames.LongestMatch(_lower, i, b, out var kinds);
            if (len > 0 && kinds is not null && Array.IndexOf(kinds, FrameKind.Report) >= 0)
                return true;
        }
        return false;
    }

    private bool IsTimeToken(int i) => _inTime[i];

    private bool HasWithObject(int from, int right)
    {
        for (int i = from; i < right && i < from + 6; i++)
        {
            if (_lower[i] is "with" or "to")
            {
                for (int j = i + 1; j < right && j < i + 10; j++)
                    if (_mentionCover[j] >= 0 && IsParticipantKind(_doc.Mentions[_mentionCover[j]]))
                        return true;
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// The subject window: after an introductory phrase closed by a comma ("With a week left before ...,
    /// Beijing's top envoy is set to meet") only the part after the last comma counts, when it names an actor.
    /// </summary>
    private static readonly HashSet<string> IntroWords = new(StringComparer.Ordinal)
    {
        "with", "after", "despite", "in", "on", "at", "during", "following", "amid", "as", "since", "while", "hours", "days",
        "earlier", "later", "last", "meanwhile", "however", "separately", "also", "then", "thereafter", "according", "ahead",
        "before", "under", "upon", "for", "by", "when", "if", "although", "though", "because", "once", "until", "two", "three",
    };

    private int? MainClauseAfterIntro(int from, int b)
    {
        for (int i = from; i < b && i < from + 15; i++)
            if (_lower[i] == ",")
                return i + 1;
        return null;
    }

    private List<Found> SubjectOf(int left, int trigger)
    {
        // Only a window that opens with an introductory phrase is cut at its comma; "The leaders of
        // Brazil, Argentina and Uruguay" is one subject.
        int sentenceStart = _doc.Sentences[_sentenceOf[trigger]].FirstToken;
        if (left >= trigger || !(IntroWords.Contains(_lower[left]) || IntroWords.Contains(_lower[sentenceStart])))
            return Collect(left, trigger, allowGroup: true);
        for (int i = trigger - 1; i > left; i--)
        {
            if (_lower[i] != ",")
                continue;
            var tail = Collect(i + 1, trigger, allowGroup: true);
            if (tail.Count > 0)
                return tail;
            break;
        }
        return Collect(left, trigger, allowGroup: true);
    }

    /// <summary>Whether the trigger follows "and (also)" after an earlier contact predicate of the sentence.</summary>
    private bool IsCoordinated(int a, int trigger)
    {
        int i = trigger - 1;
        if (i > a && _lower[i] is "also" or "then" or "later" or "separately")
            i--;
        return i > a && _lower[i] is "and" or "then";
    }

    /// <summary>
    /// "a stop in South Korea", "his visit to Delhi", "visited Saudi Arabia": the place a visit goes to
    /// stands for its host country.
    /// </summary>
    private List<Found> Destination(int from, int right)
    {
        var found = new List<Found>();
        for (int i = from; i < right && i < from + 4; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Place && m.Country is not null && IsLocativeOrTo(i))
                found.Add(new Found(i, new CandidateParticipant { Country = m.Country }, false));
            break;
        }
        return found;
    }

    /// <summary>
    /// "to discuss the situation in Gaza and trade", "on maritime security": what the contact was about,
    /// as a short phrase (not scored; for readers and search).
    /// </summary>
    private List<string> TopicsAfter(int right, int b)
    {
        var topics = new List<string>();
        if (right >= b)
            return topics;
        int i = right;
        if (_lower[i] is "and" && i + 1 < b)
            i++;
        if (_lower[i] is "to" && i + 1 < b && _lower[i + 1] is "discuss" or "exchange" or "review" or "address")
            i += 2;
        else if (_lower[i] is "discussed")
            i++;
        else if (_lower[i] is "on" or "about" or "regarding" or "concerning" && i > 0
                 && (_lex.Triggers.StartsWith(_lower[i - 1]) || _mentionCover[i - 1] >= 0 && !_doc.Mentions[_mentionCover[i - 1]].IsPronoun))
            i++; // "talks on trade", "a call with Xi about Taiwan" — not "on the other side of the door"
        else
            return topics;
        if (i < b && _mentionAt[i] >= 0 && _doc.Mentions[_mentionAt[i]].Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Place or MentionKind.Person)
            return topics;
        int head = i < b && _lower[i] is "the" or "a" ? i + 1 : i;
        if (head < b && _lower[head] is "other" or "side" or "sidelines" or "margins" or "sideline" or "margin" or "border" or "eve"
            or "occasion" or "way" or "phone" or "telephone" or "day" or "spot" or "ground" or "tarmac" or "visit" or "behalf")
            return topics; // "on the other side of the border", "on the sidelines of": where or when, not what
        if (i >= b || _lower[i] is "views")
            return topics;
        int start = i;
        while (i < b && i - start < 12 && _lower[i] is not ("," or ";" or "." or "and" or "amid" or "as" or "while" or "which" or "where")
               && !(_lower[i] is "with" or "in" && i > start + 3))
            i++;
        if (i > start && _doc.Tokens[start].Kind == TokenKind.Word && !IsTimeToken(start))
        {
            var text = _doc.Text.AsSpan(_doc.Tokens[start].Span.Start, _doc.Tokens[i - 1].Span.End - _doc.Tokens[start].Span.Start).ToString();
            if (text.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                text = text[4..];
            if (text.Length > 2 && text is not ("matter" or "issue" or "issues" or "situation" or "subject"))
                topics.Add(text);
        }
        return topics;
    }

    /// <summary>"will travel to Tehran for a summit", "flew on to Berlin": the destination of a journey.</summary>
    private bool AfterMotionTo(int token)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        if (j < 1 || _lower[j] != "to")
            return false;
        int v = j - 1;
        if (v >= 0 && _lower[v] is "on" or "back")
            v--;
        return v >= 0 && _lex.Frames.StartsWith(_lower[v]) && _lex.Frames.LongestMatch(_lower, v, v + 1, out var kinds) == 1
            && kinds is not null && Array.IndexOf(kinds, FrameKind.Motion) >= 0;
    }

    private bool PrecededBy(int token, string a, string b)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        return j >= 0 && (_lower[j] == a || _lower[j] == b);
    }

    /// <summary>"arrived in Amman on a previously unannounced visit": the place the clause put the visitor in.</summary>
    private List<Found> EarlierDestination(int left, int noun)
    {
        var found = new List<Found>();
        for (int i = left; i < noun; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Place && m.Country is not null && IsLocativeOrTo(i))
                found.Add(new Found(i, new CandidateParticipant { Country = m.Country }, false));
        }
        return found;
    }

    private bool IsLocativeOrTo(int token)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        return j >= 0 && _lower[j] is "in" or "to" or "at";
    }

    private bool AppealFollows(int from, int right, int b)
    {
        for (int i = from; i < b && i < from + 10; i++)
            if (_lower[i] == "to" && i + 1 < b && IsLowerCaseWord(i + 1) && _doc.Tokens[i + 1].Kind == TokenKind.Word && _mentionCover[i + 1] < 0)
                return true;
        return false;
    }

    private static readonly HashSet<string> LetterNouns = new(StringComparer.Ordinal)
    {
        "letter", "letters", "message", "messages", "greetings", "greeting", "note", "congratulations", "condolences", "cable", "telegram",
    };

    private bool LetterInClause(int from, int to)
    {
        for (int i = from; i < to; i++)
            if (LetterNouns.Contains(_lower[i]))
                return true;
        return false;
    }

    /// <summary>"from Kim", "from Prime Minister Fumio Kishida": who a letter came from.</summary>
    private List<Found> Senders(int from, int right)
    {
        for (int i = from; i < right; i++)
            if (_lower[i] == "from")
            {
                for (int j = i + 1; j < right && j < i + 6; j++)
                {
                    int mi = _mentionAt[j];
                    if (mi < 0)
                        continue;
                    var m = _doc.Mentions[mi];
                    if (m.Kind is MentionKind.Person or MentionKind.Country or MentionKind.Metonym && m.PartOf < 0)
                        return [new Found(j, new CandidateParticipant { Name = m.Kind == MentionKind.Person ? NameOf(m) : null, Country = m.Country, Role = m.Role, Entity = m.Entity }, true)];
                }
                return [];
            }
        return [];
    }

    /// <summary>A contact noun's own arguments follow a preposition: "talks with", "the meeting of", "visit to".</summary>
    private bool StartsWithPreposition(int from, int right)
    {
        int i = from;
        while (i < right && _inTime[i])
            i++; // "a phone call today from ...", "talks on Tuesday with ..."
        if (i < right && _lower[i] is "," or "(")
            return false;
        return i < right && _lower[i] is "with" or "between" or "of" or "to" or "in" or "on" or "among" or "involving" or "by" or "at" or "from";
    }

    /// <summary>
    /// What "the call" or "the talks" refers to: the latest contact of that status, preferring one of
    /// the noun's mode ("The call lasted an hour" is the phone call, not the meeting mentioned after it).
    /// </summary>
    private CandidateEvent? Referent(EventStatus status, ContactMode nounMode)
    {
        CandidateEvent? any = null;
        for (int k = _recent.Count - 1; k >= 0; k--)
        {
            var e = _recent[k];
            if (e.Status != status || e.Participants.Count < 2)
                continue;
            if (nounMode is ContactMode.Unknown || e.Mode == nounMode)
                return e;
            any ??= e;
        }
        return any;
    }

    /// <summary>"the talks", "the 40-minute meeting", "this visit": a contact already reported.</summary>
    private bool IsDefinite(int left, int noun)
    {
        for (int i = noun - 1; i >= left && i >= noun - 4; i--)
        {
            if (_lower[i] is "the" or "this" or "that" or "these")
                return true;
            if (_doc.Tokens[i].Kind is TokenKind.Word or TokenKind.Number && IsLowerCaseWord(i) || _lower[i] == "-")
                continue;
            return false;
        }
        return false;
    }

    /// <summary>
    /// Where the trigger's time window starts: an introductory phrase before a comma lends its time only
    /// when it is nothing but a time ("On Tuesday, ..."), not "With three weeks to go for his summit, ...".
    /// </summary>
    private int TimeWindowStart(int left, int trigger)
    {
        int comma = -1;
        for (int i = trigger - 1; i > left; i--)
            if (_lower[i] == ",")
            {
                comma = i;
                break;
            }
        if (comma < 0)
            return left;
        int first = -1;
        for (int i = comma + 1; i < trigger; i++)
            if (_mentionAt[i] >= 0)
            {
                first = i;
                break;
            }
        if (first < 0)
            return left;
        // Count the intro's words that no time expression covers.
        int loose = 0;
        for (int i = left; i < comma; i++)
            if (!IsTimeToken(i) && _doc.Tokens[i].Kind == TokenKind.Word && _lower[i] is not ("on" or "in" or "at" or "last" or "earlier" or "later"))
                loose++;
        return loose <= 1 ? left : comma + 1;
    }

    /// <summary>
    /// The people of the sentence's subject ("Russian President Vladimir Putin and Chinese President Xi
    /// Jinping signed ... after talks"), as the parties a bare contact noun inherits.
    /// </summary>
    private List<Found> SentenceSubject(int a, int before)
    {
        var found = new List<Found>();
        for (int i = a; i < before; i++)
        {
            int mi = _mentionAt[i];
            if (mi >= 0)
            {
                var m = _doc.Mentions[mi];
                if ((m.Kind == MentionKind.Person || m.Kind == MentionKind.Role && m.Country is not null && !m.IsInstitution)
                    && !m.IsPossessive && m.PartOf < 0 && !IsLocative(i))
                    found.Add(new Found(i, new CandidateParticipant { Name = m.Kind == MentionKind.Person ? NameOf(m) : null, Country = m.Country, Role = m.Role, Entity = m.Entity }, true));
                i = Math.Max(i, TokenAt(m.Span.End - 1));
                continue;
            }
            // The subject ends at its verb: the first lowercase word that is not a conjunction or determiner.
            if (_mentionCover[i] < 0 && _doc.Tokens[i].Kind == TokenKind.Word && IsLowerCaseWord(i)
                && _lower[i] is not ("and" or "the" or "of" or "his" or "her" or "its" or "their") && found.Count > 0)
                break;
        }
        return found;
    }

    /// <summary>The status the cues from the sentence start give: null when one blocks.</summary>
    private EventStatus? SentenceStatus(int a, int before)
    {
        var status = EventStatus.Occurred;
        for (int i = a; i < before; i++)
        {
            if (!_lex.Cues.StartsWith(_lower[i]) || (!IsLowerCaseWord(i) && i != a))
                continue;
            int len = _lex.Cues.LongestMatch(_lower, i, before, out var cue);
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

    private static bool IsParticipantKind(ActorMention m) => m.Kind is MentionKind.Person or MentionKind.Country or MentionKind.Demonym
        or MentionKind.Metonym or MentionKind.Organisation or MentionKind.Role;

    /// <summary>A participant found in a window, with the token where it starts.</summary>
    private readonly record struct Found(int Token, CandidateParticipant Participant, bool IsPersonish, bool IsPossessive = false);

    private List<Found> Collect(int from, int to, bool allowGroup)
    {
        var found = new List<Found>();
        int appositionEnd = -1;
        for (int i = from; i < to; i++)
        {
            // ", the first Warsaw Pact minister to ...": an apposition describes the participant before it;
            // what it names only lends that participant a missing country.
            if (_lower[i] == "," && found.Count > 0 && i + 1 < to && _lower[i + 1] is "the" or "a" or "an" or "who" or "whose" or "which")
            {
                appositionEnd = i + 1;
                while (appositionEnd < to && _lower[appositionEnd] != ",")
                    appositionEnd++;
                for (int k = i + 1; k < appositionEnd; k++)
                {
                    int am = _mentionAt[k];
                    if (am >= 0 && _doc.Mentions[am].Country is { } c && found[^1].Participant.Country is null && _doc.Mentions[am].PartOf < 0)
                        found[^1].Participant.Country = c;
                }
                i = appositionEnd;
                continue;
            }
            if (allowGroup && _lex.Frames.StartsWith(_lower[i]))
            {
                int len = _lex.Frames.LongestMatch(_lower, i, to, out var kinds);
                if (len > 0 && kinds is not null && Array.IndexOf(kinds, FrameKind.Group) >= 0
                    && (_mentionCover[i] < 0 || _doc.Mentions[_mentionCover[i]] is { Kind: MentionKind.Role, Country: null }))
                {
                    foreach (var p in GroupReference(from, i))
                        found.Add(new Found(i, p, true));
                    i += len - 1;
                    continue;
                }
            }
            int mi = _mentionAt[i];
            if (mi < 0)
            {
                // "since last Wednesday he was visited by ...": a pronoun the recogniser left unresolved
                // is the last person named before it.
                if (_lower[i] is "he" or "she" && PersonBefore(i) is { } antecedent)
                    found.Add(new Found(i, antecedent, true));
                continue;
            }
            var first = _doc.Mentions[mi];
            int end = TokenAt(first.Span.End - 1);
            // Several mentions can share one span ("the envoys of South Korea and China": one role per country).
            for (int k = mi; k < _doc.Mentions.Count && _doc.Mentions[k].Span.Start == first.Span.Start; k++)
            {
                var mention = _doc.Mentions[k];
                if (mention.Span.End != first.Span.End)
                    continue;
                bool locative = IsLocative(i) && !(mention.Kind is MentionKind.Person or MentionKind.Role && PrecededBy(i, "from", "from"));
                if (!IsParticipantKind(mention) || mention.PartOf >= 0 || mention.IsInstitution || locative || IsPlaceCountry(i) || IsThingDemonym(end, mention) || IsInstitution(i, end, mention) || IsSetting(i, end, mention)
                    || IsRelativeOf(i) || IsNounModifier(end, mention))
                    continue;
                var part = new CandidateParticipant
                {
                    Name = mention.Kind == MentionKind.Person ? NameOf(mention) : null,
                    Country = mention.Country,
                    Role = mention.Role,
                    Entity = mention.Entity,
                };
                found.Add(new Found(i, part, mention.Kind is MentionKind.Person or MentionKind.Role,
                    mention.Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Demonym && (mention.IsPossessive || IsPossessive(mention, end))));
            }
            // "the foreign ministers of Japan and the Philippines": every country the plural role lists.
            if (first.Kind == MentionKind.Role && first.IsPlural)
                for (int k = i + 1; k <= end; k++)
                    if (_mentionAt[k] >= 0 && _doc.Mentions[_mentionAt[k]] is { Kind: MentionKind.Country, PartOf: < 0, Country: { } c }
                        && !found.Any(f => f.Participant.Country == c))
                        found.Add(new Found(k, new CandidateParticipant { Country = c, Role = first.Role }, true));
            i = Math.Max(i, end);
        }
        return Absorb(found);
    }

    private static readonly HashSet<string> PartyNouns = new(StringComparer.Ordinal)
    {
        "delegation", "delegations", "delegates", "officials", "official", "leader", "leaders", "counterpart", "counterparts", "envoy",
        "envoys", "diplomats", "diplomat", "side", "team", "negotiators", "negotiator", "ministers", "minister", "president",
        "authorities", "government", "governments", "representatives", "representative", "counterparts", "troops", "lawmakers",
        "king", "queen", "emir", "prince", "premier", "chancellor", "ambassador", "foreign", "prime", "defense", "defence", "top",
        "chief", "senior", "vice", "deputy", "first", "new", "visiting", "national", "state", "head", "heads", "mission",
    };

    /// <summary>"to address North Korean issues": a demonym that describes a thing, not people.</summary>
    private bool IsThingDemonym(int end, ActorMention mention)
    {
        if (mention.Kind != MentionKind.Demonym)
            return false;
        int n = end + 1;
        return n < _lower.Length && _doc.Tokens[n].Kind == TokenKind.Word && IsLowerCaseWord(n) && _mentionCover[n] < 0
            && !PartyNouns.Contains(_lower[n]);
    }

    /// <summary>"in Lima, Peru", "in Seoul, South Korea": the country that completes a place.</summary>
    private bool IsPlaceCountry(int token)
    {
        if (token < 2 || _lower[token - 1] != ",")
            return false;
        int mi = _mentionCover[token - 2];
        if (mi < 0)
            return false;
        var place = _doc.Mentions[mi];
        return place.Kind is MentionKind.Place or MentionKind.Metonym && IsLocative(TokenAt(place.Span.Start));
    }

    private static readonly HashSet<string> Kinship = new(StringComparer.Ordinal)
    {
        "sister", "brother", "wife", "husband", "son", "daughter", "widow", "widower", "mother", "father", "niece",
        "nephew", "cousin", "spouse", "uncle", "aunt", "grandson", "granddaughter", "successor", "predecessor",
    };

    /// <summary>"Kim Yo Jong, sister of leader Kim Jong Un": the person after "of" only identifies another.</summary>
    private bool IsRelativeOf(int token)
    {
        for (int j = token - 1; j >= 1 && j >= token - 6; j--)
        {
            if (_doc.Tokens[j].Kind != TokenKind.Word)
                return false;
            if (_lower[j] != "of")
                continue;
            return Kinship.Contains(_lower[j - 1]) || (j >= 2 && _lower[j - 1] == "the" && Kinship.Contains(_lower[j - 2]));
        }
        return false;
    }

    /// <summary>
    /// "the Arctic Council Chairmanship", "the US policy": an organisation or country used as the
    /// modifier of a thing is not a party, unless a person or role follows it.
    /// </summary>
    private bool IsNounModifier(int end, ActorMention mention)
    {
        if (mention.Kind is not (MentionKind.Organisation or MentionKind.Country))
            return false;
        int n = end + 1;
        if (n >= _lower.Length || _doc.Tokens[n].Kind != TokenKind.Word)
            return false;
        for (int k = n; k < _lower.Length && k < n + 5 && _doc.Tokens[k].Kind != TokenKind.Punctuation; k++)
            if (_mentionAt[k] >= 0 && _doc.Mentions[_mentionAt[k]].Kind is MentionKind.Person or MentionKind.Role)
                return false;
        if (_lex.Triggers.StartsWith(_lower[n]))
            return false; // "the US-China summit", "NATO talks": the contact itself
        if (!IsLowerCaseWord(n))
            return _mentionCover[n] < 0 && char.IsUpper(_doc.Text[_doc.Tokens[n].Span.Start]) && mention.Kind == MentionKind.Organisation;
        return !AfterNoun.Contains(_lower[n]) && !_lower[n].EndsWith("ed", StringComparison.Ordinal) && !_lower[n].EndsWith("s", StringComparison.Ordinal);
    }

    /// <summary>
    /// A gathering named as the setting ("on the sidelines of the Group of 20 summit", "at the UN General
    /// Assembly"): the organisation is where the contact happened, not a party to it.
    /// </summary>
    private bool IsSetting(int start, int end, ActorMention mention)
    {
        if (mention.Kind != MentionKind.Organisation)
            return false;
        int j = start - 1;
        if (j >= 0 && _lower[j] is "the")
            j--;
        if (j >= 0 && _lower[j] is "of" && j - 1 >= 0 && _lower[j - 1] is "sidelines" or "margins" or "sideline" or "margin")
            return true;
        if (j >= 0 && _lower[j] is "at" or "during" or "to" or "for" or "in")
            return true;
        int n = end + 1;
        return n < _lower.Length && _lower[n] is "summit" or "meeting" or "meetings" or "conference" or "ministerial" or "session" or "forum"
            or "assembly" or "gathering" or "talks" or "council" or "countries" or "nations" or "members" or "leaders" or "states";
    }

    private CandidateParticipant? PersonBefore(int token)
    {
        int sentenceStart = _sentenceOf[token];
        int from = sentenceStart > 0 ? _doc.Sentences[sentenceStart - 1].FirstToken : 0;
        for (int k = token - 1; k >= from; k--)
        {
            int mi = _mentionAt[k];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind == MentionKind.Person && m.PartOf < 0 && (m.Name is not null || m.Country is not null))
                return new CandidateParticipant { Name = NameOf(m), Country = m.Country, Role = m.Role, Entity = m.Entity };
        }
        return null;
    }

    /// <summary>
    /// A country word that only modifies a person ("South Korean President Moon", "China's top
    /// diplomat, Wang Yi") gives that person its country instead of standing as a participant of its own.
    /// </summary>
    private static List<Found> Absorb(List<Found> found)
    {
        var result = new List<Found>();
        for (int k = 0; k < found.Count; k++)
        {
            var f = found[k];
            if (!f.IsPersonish && k + 1 < found.Count && found[k + 1].IsPersonish && found[k + 1].Token - f.Token <= 9)
            {
                var next = found[k + 1].Participant;
                if (next.Country is null || next.Country == f.Participant.Country)
                {
                    next.Country ??= f.Participant.Country;
                    continue;
                }
            }
            // A role without a name followed by the named holder of it: one participant.
            if (f.IsPersonish && f.Participant.Name is null && k + 1 < found.Count && found[k + 1].Participant.Name is not null
                && found[k + 1].Token - f.Token <= 9 && (found[k + 1].Participant.Country is null || found[k + 1].Participant.Country == f.Participant.Country))
            {
                found[k + 1].Participant.Country ??= f.Participant.Country;
                continue;
            }
            // "Faisal al Miqdad, Minister of Foreign Affairs of the Syrian Arab Republic": the country of an
            // apposition after a person without one.
            if (f.IsPersonish && f.Participant.Country is null && k + 1 < found.Count && !found[k + 1].IsPersonish
                && found[k + 1].Token - f.Token <= 16)
            {
                f.Participant.Country = found[k + 1].Participant.Country;
                result.Add(f);
                k++;
                continue;
            }
            // "South Korea's leadership", "Seoul's efforts": a possessor of a thing, not a party.
            if (f.IsPossessive)
                continue;
            result.Add(f);
        }
        return result;
    }

    /// <summary>A person's name: the resolved one, else the words of the mention (not a pronoun or a bare role).</summary>
    private string? NameOf(ActorMention m)
    {
        if (m.Name is not null)
            return m.Name;
        if (m.IsPronoun || m.Role is not null && m.Span == default)
            return null;
        var text = _doc.Slice(m.Span);
        if (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("\u2019s", StringComparison.Ordinal))
            text = text[..^2];
        return text.Length > 0 && char.IsUpper(text[0]) && text.Contains(' ') ? text : null;
    }

    private bool IsPossessive(ActorMention mention, int endToken)
    {
        var text = _doc.Slice(mention.Span);
        if (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("\u2019s", StringComparison.Ordinal))
            return true;
        int j = endToken + 1;
        return j < _lower.Length && (_lower[j] is "'s" or "\u2019s" || (_lower[j] is "'" or "\u2019" && j + 1 < _lower.Length && _lower[j + 1] == "s"));
    }

    /// <summary>"in Seoul", "at the Kremlin": a place, not a participant.</summary>
    private bool IsLocative(int token)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        return j >= 0 && _lower[j] is "in" or "at" or "inside" or "from" or "near";
    }

    /// <summary>"Seoul's foreign ministry", "the Japanese Foreign Ministry": a source, not a participant.</summary>
    private bool IsInstitution(int start, int end, ActorMention mention)
    {
        if (mention.Kind == MentionKind.Role && mention.Role is { } role && (role.Contains("ministry", StringComparison.OrdinalIgnoreCase)
            || role.Contains("office", StringComparison.OrdinalIgnoreCase) || role.Contains("government", StringComparison.OrdinalIgnoreCase)))
            return true;
        if (mention.Kind is not (MentionKind.Country or MentionKind.Demonym or MentionKind.Metonym))
            return false;
        int j = end + 1;
        if (j < _lower.Length && _lower[j] is "'s" or "\u2019s" or "'" or "\u2019")
            j++;
        if (j < _lower.Length && _lower[j] is "s")
            j++;
        for (int k = j; k < _lower.Length && k < j + 3; k++)
        {
            if (_lower[k] is "ministry" or "office" or "government" or "embassy" or "side" or "administration" or "agency"
                or "media" or "war" or "peninsula" or "efforts" or "nuclear" or "program" or "programme" or "relations" or "ties" or "people" or "economy")
                return true;
            if (_doc.Tokens[k].Kind != TokenKind.Word)
                break;
        }
        return false;
    }

    /// <summary>Modifiers tied to a contact noun: a possessive before it ("Modi's state visit").</summary>
    private List<Found> NounModifiers(int left, int noun)
    {
        var found = new List<Found>();
        int i = noun - 1;
        // skip adjectives: "first", "state", "official", ...
        while (i >= left && _doc.Tokens[i].Kind == TokenKind.Word && _mentionCover[i] < 0 && char.IsLower(_doc.Text[_doc.Tokens[i].Span.Start])
               && _lower[i] is not ("the" or "a" or "an" or "his" or "her" or "their" or "its"))
            i--;
        if (i >= left && _lower[i] is "'s" or "\u2019s" or "s" && i - 1 >= left)
            i--;
        if (i >= left && _lower[i] is "'" or "\u2019" && i - 1 >= left)
            i--;
        if (i >= left && _mentionCover[i] >= 0)
        {
            var mention = _doc.Mentions[_mentionCover[i]];
            if (IsParticipantKind(mention))
            {
                int start = TokenAt(mention.Span.Start);
                found.AddRange(Collect(Math.Max(left, start), i + 1, allowGroup: false));
            }
        }
        else if (i >= left && _lower[i] is "his" or "her")
        {
            for (int k = i - 1; k >= 0 && k >= i - 60; k--)
            {
                int mi = _mentionAt[k];
                if (mi >= 0 && _doc.Mentions[mi].Kind == MentionKind.Person && !IsLocative(k))
                {
                    var pm = _doc.Mentions[mi];
                    found.Add(new Found(k, new CandidateParticipant { Name = pm.Name, Country = pm.Country, Role = pm.Role, Entity = pm.Entity }, true));
                    break;
                }
                if (_lower[k] is "." && k < i - 1)
                    break;
            }
        }
        else if (i >= left && _lower[i] is "their" or "its")
        {
            foreach (var p in GroupReference(left, i))
                found.Add(new Found(i, p, true));
        }
        return found;
    }

    /// <summary>
    /// "the two sides", "they", "their": the people of the sentence's main clause before the phrase,
    /// else the participants of the previous contact.
    /// </summary>
    private List<CandidateParticipant> GroupReference(int windowStart, int at)
    {
        var sentenceStart = _doc.Sentences[_sentenceOf[at]].FirstToken;
        var earlier = new List<CandidateParticipant>();
        for (int i = sentenceStart; i < at; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind == MentionKind.Person && m.Name is not null && !IsLocative(i))
                earlier.Add(new CandidateParticipant { Name = m.Name, Country = m.Country, Role = m.Role, Entity = m.Entity });
        }
        if (earlier.Count >= 2)
            return earlier;
        // "The two leaders last met in Kuala Lumpur": a past contact refers back to the last contact
        // that took place, not to a plan mentioned in between.
        var referent = _currentStatus == EventStatus.Occurred && SentenceStatus(sentenceStart, at) == EventStatus.Occurred
            ? _lastOccurred ?? _last : _last;
        if (referent is not null)
            return referent.Participants.Select(p => p.Clone()).ToList();
        return earlier;
    }

    private static void AddAll(CandidateEvent ev, List<Found> found)
    {
        foreach (var f in found)
        {
            var p = f.Participant;
            bool dup = ev.Participants.Any(q =>
                (p.Entity >= 0 && q.Entity == p.Entity)
                || (p.Name is not null && q.Name is not null && NameMatch.Same(p.Name, q.Name))
                || (p.Name is null && q.Country == p.Country && p.Country is not null));
            if (dup)
            {
                var q = ev.Participants.First(q => (p.Entity >= 0 && q.Entity == p.Entity)
                    || (p.Name is not null && q.Name is not null && NameMatch.Same(p.Name, q.Name))
                    || (p.Name is null && q.Country == p.Country));
                q.Country ??= p.Country;
                continue;
            }
            // A named person replaces a bare country of the same country.
            if (p.Name is not null && p.Country is not null)
                ev.Participants.RemoveAll(q => q.Name is null && q.Country == p.Country);
            ev.Participants.Add(p);
        }
    }

    private Location? FindLocation(ContactTrigger t, int left, int clauseEnd, Match m)
    {
        Location? best = null;
        for (int i = left; i < clauseEnd; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var mention = _doc.Mentions[mi];
            bool locative = IsLocative(i) && !PrecededBy(i, "near", "from") || AfterMotionTo(i);
            bool visitObject = t.Role == ContactRole.Visit && i >= m.End && i <= m.End + 2;
            if (!locative && !visitObject)
                continue;
            if (mention.Kind == MentionKind.Place || (mention.Kind == MentionKind.Metonym && mention.City is not null))
                return new Location(mention.City, mention.Country);
            if (mention.Kind is MentionKind.Country && best is null)
                best = new Location(null, mention.Country);
            if (mention.Kind is MentionKind.Demonym && i + 1 < _lower.Length && _lower[i + 1] == "capital" && mention.City is not null)
                return new Location(mention.City, mention.Country);
        }
        return best;
    }

    /// <summary>
    /// "Their talks come two days after the ministers met": the trigger is inside the phrase's
    /// complement, so it happened the offset before the contact just reported. "Hours after Blinken was
    /// sworn in Tuesday, Kang held talks with him": the trigger is in the main clause after the
    /// complement, so it is the complement's date plus the offset.
    /// </summary>
    private PartialDate? RelativeDate(TimeExpression relative, int triggerChar, TextSpan sentence)
    {
        int comma = _doc.Text.IndexOf(',', relative.Span.End, Math.Max(0, triggerChar - relative.Span.End));
        if (comma < 0)
            return _lastDated?.Date is { } reported ? relative.DateOfNamed(reported) : null;
        foreach (var te in _doc.Times)
            if (te.Span.Start >= relative.Span.End && te.Span.Start < comma && te.Value is { } named && sentence.Contains(te.Span.Start))
                return relative.DateOfModified(named);
        return null;
    }

    private static readonly HashSet<string> Venues = new(StringComparer.Ordinal)
    {
        "center", "centre", "square", "palace", "hall", "house", "hotel", "building", "buildings", "office", "residence",
        "ministry", "headquarters", "complex", "guesthouse", "villa", "museum", "parliament", "assembly", "embassy", "room",
    };

    /// <summary>"in Hawaii", "at the Four Seasons Hotel": a capitalised place no gazetteer knows.</summary>
    private bool NamesUnknownPlace(int from, int to)
    {
        for (int i = from; i + 1 < to; i++)
        {
            if (_lower[i] is not ("in" or "at"))
                continue;
            int j = i + 1;
            if (_lower[j] == "the" && j + 1 < to)
                j++;
            if (_mentionCover[j] < 0 && _doc.Tokens[j].Kind == TokenKind.Word && !IsLowerCaseWord(j) && !IsTimeToken(j))
            {
                // A venue inside a city ("the Historic Center", "the Four Seasons Hotel") does not leave
                // the story's city; a region or an unknown town ("in Hawaii") does.
                int k = j;
                while (k + 1 < to && _doc.Tokens[k + 1].Kind == TokenKind.Word && !IsLowerCaseWord(k + 1))
                    k++;
                if (!Venues.Contains(_lower[k]))
                    return true;
            }
        }
        return false;
    }

    private Location? AntecedentPlace(int a, int where)
    {
        for (int i = where - 1; i >= a && i >= where - 8; i--)
        {
            int mi = _mentionCover[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind is MentionKind.Place or MentionKind.Metonym && m.City is not null)
                return new Location(m.City, m.Country);
            if (m.Kind == MentionKind.Country)
                return new Location(null, m.Country);
            return null;
        }
        return null;
    }

    /// <summary>Whether the contact's first party (its subject) took part in the other contact.</summary>
    private static bool SharesFirstParty(CandidateEvent ev, CandidateEvent other)
    {
        if (ev.Participants.Count == 0)
            return false;
        var first = ev.Participants[0];
        foreach (var q in other.Participants)
            if (first.Name is not null && q.Name is not null ? NameMatch.Same(first.Name, q.Name)
                : first.Name is null && q.Country == first.Country)
                return true;
        return false;
    }

    private static bool IsSameDayPhrase(string phrase) =>
        phrase.Contains("in the day", StringComparison.OrdinalIgnoreCase) || phrase.Contains("that day", StringComparison.OrdinalIgnoreCase)
        || phrase.Contains("same day", StringComparison.OrdinalIgnoreCase);

    private bool HasSequenceAdverb(int a, int b)
    {
        for (int i = a; i < b; i++)
            if (_lower[i] is "also" or "thereafter" or "afterwards" or "afterward" or "subsequently" or "later" or "then")
                return true;
        return false;
    }

    /// <summary>
    /// "visit the Ministry of Unification", "at the foreign ministry building": a government body's
    /// building stands in its country's capital (the home country's, when the body names none).
    /// </summary>
    private Location? InstitutionLocation(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0 || !_doc.Mentions[mi].IsInstitution)
                continue;
            int j = i - 1;
            if (j >= from && _lower[j] == "the")
                j--;
            if (j < from || _lower[j] is not ("visit" or "visited" or "visits" or "at" or "in" or "to"))
                continue;
            var country = _doc.Mentions[mi].Country ?? _home.Value;
            if (country is not null && Actors.ActorLexicon.Default.CapitalOf(country) is { } capital)
                return new Location(capital, country);
        }
        return null;
    }

    private void PickTime(CandidateEvent ev, int a, int b, int left, int clauseEnd, Match m, bool noun)
    {
        var sentenceSpan = new TextSpan(_doc.Tokens[a].Span.Start, _doc.Tokens[b - 1].Span.End);
        int clauseStartChar = _doc.Tokens[left].Span.Start;
        int clauseEndChar = clauseEnd < b ? _doc.Tokens[clauseEnd].Span.Start : sentenceSpan.End;
        int triggerChar = _doc.Tokens[m.Start].Span.Start;
        TimeExpression? best = null;
        int bestDistance = int.MaxValue;
        TimeExpression? relative = null;
        TimeExpression? lastDuration = null;
        bool clockTime = false;
        foreach (var te in _doc.Times)
        {
            if (!sentenceSpan.Contains(te.Span.Start))
                continue;
            if (te.Kind == TimeKind.Duration)
            {
                if (te.DurationMinutes is { } minutes)
                {
                    // "an hour and 45 minutes": two durations joined by "and" add up.
                    if (ev.DurationMinutes is { } sofar && lastDuration is { } prev
                        && _doc.Text.AsSpan(prev.Span.End, Math.Max(0, te.Span.Start - prev.Span.End)).Trim().SequenceEqual("and"))
                        ev.DurationMinutes = sofar + minutes;
                    else
                        ev.DurationMinutes ??= minutes;
                    lastDuration = te;
                }
                continue;
            }
            if (te.Kind == TimeKind.EventRelative)
            {
                if (te.Span.Start < triggerChar)
                    relative = te;
                continue;
            }
            if (te.Span.Start < clauseStartChar || te.Span.Start >= clauseEndChar)
                continue;
            if (te.Kind == TimeKind.TimeOfDay)
            {
                clockTime = true;
                continue;
            }
            int distance = Math.Abs(te.Span.Start - triggerChar);
            // A time before a contact noun usually dates the verb that governs it
            // ("an official on Wednesday discussed the talks ... the previous evening").
            if (noun && te.Span.Start < triggerChar)
                distance += 10_000;
            if (distance < bestDistance)
            {
                best = te;
                bestDistance = distance;
            }
        }
        if (best is not null)
        {
            ev.Date = best.Value; // null for vague phrases ("at an early date") and unanchored weekdays
            ev.DatePhrase = best.Phrase;
            // "Muttaqi also called on the prime minister later in the day": the day of the story's
            // contact just told, not the day of publication.
            if (best.Kind == TimeKind.Relative && IsSameDayPhrase(best.Phrase) && _lastDated?.Date is { Precision: DatePrecision.Day } storyDay
                && _lastDated.Sentence < _sentenceOf[m.Start])
            {
                ev.Date = storyDay;
                return;
            }
            // The contact's status knows the direction better than the clause's tense: "is due in Moscow
            // on Monday" is next Monday, whatever the verb looks like.
            var wanted = ev.Status == EventStatus.Planned ? TimeDirection.Future : TimeDirection.Past;
            if (best.Value is not null && best.Direction != wanted && best.Kind is TimeKind.Weekday or TimeKind.Month or TimeKind.Date)
                ev.Date = TemporalResolver.Resolve(best.Parsed, _doc.Info.Published, wanted) ?? best.Value;
            return;
        }
        if (relative is not null && RelativeDate(relative, triggerChar, sentenceSpan) is { } relDate)
        {
            ev.Date = relDate;
            ev.DatePhrase = relative.Phrase;
            return;
        }
        // "reached the agreement Wednesday as they met": a clause of simultaneity shares the main clause's day.
        if (left > a && _lower[left - 1] is "as" or "when" or "while" or "where")
        {
            TimeExpression? main = null;
            foreach (var te in _doc.Times)
                if (te.Span.Start >= sentenceSpan.Start && te.Span.Start < clauseStartChar && te.Value is not null
                    && te.Kind is TimeKind.Weekday or TimeKind.Date or TimeKind.Relative)
                    main = te;
            if (main is not null)
            {
                ev.Date = main.Value;
                ev.DatePhrase = main.Phrase;
                return;
            }
        }
        // "He also held a meeting with ...", "Thereafter, Yoon met ...": another contact of the same occasion.
        if (ev.Status == EventStatus.Occurred && _lastOccurred?.Date is { Precision: DatePrecision.Day } sameDay
            && _lastOccurred.Sentence >= _sentenceOf[m.Start] - 2
            && HasSequenceAdverb(a, b) && SharesFirstParty(ev, _lastOccurred))
        {
            ev.Date = sameDay;
            ev.DatePhrase = "(the same occasion as the contact before it)";
            return;
        }
        // "at 1:30 p.m." alone in a past report: the clock time of the day of the report.
        if (clockTime && ev.Status == EventStatus.Occurred && _doc.Info.Published is { Precision: DatePrecision.Day } day)
        {
            ev.Date = day;
            ev.DatePhrase = "(clock time on the day of publication)";
        }
    }
}
