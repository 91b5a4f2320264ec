using System.Buffers;
using System.Runtime.InteropServices;
using System.Globalization;
using Parley.Actors;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Segmentation;
using Parley.Text;

namespace Parley.Temporal;

/// <summary>
/// Finds time expressions sentence by sentence and resolves them against the publication date
/// (<c>doc.Info.Published</c>, which may be null). Matching runs a token trie built once from
/// data/time_words.tsv; a token is only looked at closely when it is a trigger (a digit, a weekday
/// or month name, a unit, a pattern's key word), so most tokens cost one hash lookup.
/// </summary>
/// <remarks>
/// The direction hint of each expression comes from the nearest cue in its sentence: a future cue
/// ("will", "is set to", "scheduled") or a past verb ("met", "held", a regular "-ed" form). Phrases
/// like "the previous evening" are resolved against the nearest earlier day the same sentence names
/// ("An official on Wednesday discussed … the previous evening" = Wednesday − 1); anaphoric ones ("the following
/// day", "two days later") in a sentence that names no day, against the day the story last named; else the anchor
/// ("two days later" with no day before it stays undated).
/// A clock time right next to a dated phrase joins it ("this Friday at 9:27 a.m.").
/// </remarks>
public sealed class TimeTagger : IDocumentComponent
{
    private readonly TimeLexicon _lexicon;

    public TimeTagger()
        : this(TimeLexicon.Default)
    {
    }

    internal TimeTagger(TimeLexicon lexicon) => _lexicon = lexicon;

    public string Name => "times";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Publication, Layers.Actors];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Times];

    public void Process(Document doc)
    {
        doc.Times.Clear();
        if (doc.Tokens.Count == 0)
            return;
        var scan = _scan is { } cached && cached.Lexicon == _lexicon ? cached : _scan = new Scan(_lexicon);
        scan.Reset(doc);
        Tag(doc, scan);
    }

    // One scan per thread, reused from document to document with its per-token buffers.
    [ThreadStatic]
    private static Scan? _scan;

    private static void Tag(Document doc, Scan scan)
    {
        var found = scan.Found;
        var anchor = doc.Info.Published;
        // The day the story is at: the last day an earlier sentence named. "The following day" and "two days
        // later" in a sentence that names none count from it, as a reader does.
        PartialDate? storyDay = null;
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            found.Clear();
            scan.FindAll(sentence.FirstToken, sentence.EndToken, found);
            if (found.Count == 0)
                continue;
            MergeClockTimes(found, doc.Text, doc.Tokens);
            PartialDate? sentenceDay = null;
            foreach (var f in found)
            {
                if (scan.InPersonName(doc, f))
                    continue; // "Polish Prime Minister Jan Zielinski": a first name, not January
                var direction = scan.DirectionOf(f.Start, f.End, sentence.FirstToken, sentence.EndToken);
                var t = f.Parsed;
                var value = TemporalResolver.Resolve(t, anchor, direction, t.Op == TimeOp.StoryDay ? sentenceDay ?? storyDay : sentenceDay);
                var kind = t.Kind;
                if (kind is TimeKind.Date or TimeKind.Weekday or TimeKind.Relative && value is { Precision: DatePrecision.Day })
                    sentenceDay = value;
                var span = new TextSpan(doc.Tokens[f.Start].Span.Start, doc.Tokens[f.End - 1].Span.End);
                bool relative = kind == TimeKind.EventRelative || (t.Op == TimeOp.Vague && t.Unit != TimeUnit.None);
                doc.Times.Add(new TimeExpression
                {
                    Span = span,
                    Phrase = doc.Slice(span),
                    Value = value,
                    Kind = kind,
                    Direction = direction,
                    SentenceIndex = s,
                    Parsed = t,
                    IsRelativeToEvent = relative,
                    OffsetDays = TemporalResolver.OffsetDays(t) ?? 0,
                    OffsetPrecision = TemporalResolver.PrecisionOf(t.Unit),
                    DurationMinutes = TemporalResolver.DurationMinutes(t),
                    TimeOfDay = t.Clock,
                });
            }
            if (sentenceDay is not null)
                storyDay = sentenceDay;
        }
    }

    /// <summary>
    /// Folds a clock time into the dated phrase it touches ("Friday at 9:27 a.m.", "at 9 a.m. on
    /// Friday"), so the extractor sees one expression that has both.
    /// </summary>
    private static void MergeClockTimes(List<Found> found, string text, List<Token> tokens)
    {
        for (int k = 0; k < found.Count; k++)
        {
            var clock = found[k];
            if (clock.Parsed.Op != TimeOp.Clock)
                continue;
            if (k > 0 && IsDated(found[k - 1]) && Touches(found[k - 1].End, clock.Start, text, tokens))
            {
                var prev = found[k - 1];
                found[k - 1] = prev with { End = clock.End, Parsed = prev.Parsed with { Clock = clock.Parsed.Clock } };
                found.RemoveAt(k);
                k--;
            }
            else if (k + 1 < found.Count && IsDated(found[k + 1]) && Touches(clock.End, found[k + 1].Start, text, tokens))
            {
                var next = found[k + 1];
                found[k + 1] = next with { Start = clock.Start, Parsed = next.Parsed with { Clock = clock.Parsed.Clock } };
                found.RemoveAt(k);
                k--;
            }
        }
    }

    private static bool IsDated(in Found f) => f.Parsed.Kind is TimeKind.Date or TimeKind.Weekday or TimeKind.Relative;

    private static bool Touches(int endOfFirst, int startOfSecond, string text, List<Token> tokens)
    {
        if (startOfSecond == endOfFirst)
            return true;
        if (startOfSecond != endOfFirst + 1)
            return false;
        var between = tokens[endOfFirst].Span.AsSpan(text);
        return between is "," || between.Equals("at", StringComparison.OrdinalIgnoreCase)
            || between.Equals("on", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A match: tokens [Start, End) and what they say.</summary>
    internal readonly record struct Found(int Start, int End, ParsedTime Parsed);

    /// <summary>What a token can be in a pattern, worked out once per token when first needed.</summary>
    internal struct TokenFacts
    {
        /// <summary>The <see cref="Scan"/> generation that filled this entry; older entries are stale.</summary>
        public int Generation;

        /// <summary>The classes the token may be (1 &lt;&lt; class); a class outside it has width 0.</summary>
        public int Classes;
        public bool Capitalized;
        public bool Prefixed;
        public CalendarName Weekday;
        public CalendarName Month;
        public double Number;
        public int Day;
        public int Year;
        public TimeUnit Unit;
        public double NumUnitAmount;
        public TimeUnit NumUnitUnit;
        public bool Clock;
        public bool HasIso;
        public DateOnly Iso;
    }

    /// <summary>The matching state for one document; not shared between threads.</summary>
    private sealed class Scan
    {
        private const int MaxDepth = 16;

        // What the lexicon says about a word it does not know: nothing.
        private static readonly WordInfo Unknown = new() { Number = double.NaN };

        private readonly TimeLexicon _lex;
        private readonly TokenClass[] _capClass = new TokenClass[MaxDepth];
        private readonly int[] _capToken = new int[MaxDepth];
        private string _text = "";
        private List<Token> _tokens = [];
        private TokenFacts[] _facts = [];

        // Per token: its word id in the lexicon (-1 = unknown), looked up when first needed.
        private const int NotLooked = int.MinValue;
        private int[] _ids = [];

        // Per token: whether a hyphen or an apostrophe stands inside it (not first), so that plain
        // words, the vast majority, skip the searches for "mid-June", "Tuesday's" and "they'll".
        private const byte HyphenInside = 1;
        private const byte ApostropheInside = 2;
        private byte[] _inside = [];

        // The tokens that may be triggers (numbers, words shaped like a trigger, joined words), in order.
        private int[] _candidates = [];
        private int _candidateCount;
        private int _candidateCursor; // the first candidate not before the sentence FindAll was last asked about
        private int _generation;
        private int _start;
        private int _sentenceEnd;
        private Found _best;
        private int _bestOrder;

        // Per token: its direction cue (CueAt + 1), 0 until first needed.
        private byte[] _cues = [];

        public Scan(TimeLexicon lexicon) => _lex = lexicon;

        /// <summary>The matches of the current sentence (reused).</summary>
        public List<Found> Found { get; } = [];

        public TimeLexicon Lexicon => _lex;

        // The lexicon's word id + 2 per spelling id of TokenSpellings (0: not looked up yet), for one generation of
        // spelling ids: a word is looked up in the lexicon once per thread, not once per document.
        private int[] _wordIdBySpelling = new int[1 << 13];
        private byte[] _shapeBySpelling = new byte[1 << 13]; // TriggerShapes.MayContain + 1 (0: not asked yet), same ids
        private int _spellingGeneration;
        private int[] _spellings = [];

        // Per token: the furthest end of a person's name (not a pronoun) that covers the token's first character, for
        // InPersonName; filled on the document's first question (_personEndReady).
        private int[] _personEnd = [];
        private bool _personEndReady;

        /// <summary>Whether the phrase lies inside a person's name the actor recogniser found ("Jan Kowalski", "June Ito").</summary>
        public bool InPersonName(Document doc, Found f)
        {
            var tokens = CollectionsMarshal.AsSpan(doc.Tokens);
            if (!_personEndReady)
            {
                if (_personEnd.Length < tokens.Length)
                    _personEnd = new int[Math.Max(tokens.Length, 2 * _personEnd.Length)];
                Array.Clear(_personEnd, 0, tokens.Length);
                foreach (var m in doc.Mentions)
                {
                    if (m.Kind != MentionKind.Person || m.IsPronoun)
                        continue;
                    // The tokens that start inside the name: a phrase starting there and ending by the name's end lies in it.
                    int lo = 0, hi = tokens.Length;
                    while (lo < hi)
                    {
                        int mid = (lo + hi) >> 1;
                        if (tokens[mid].Span.Start < m.Span.Start)
                            lo = mid + 1;
                        else
                            hi = mid;
                    }
                    for (int t = lo; t < tokens.Length && tokens[t].Span.Start < m.Span.End; t++)
                        _personEnd[t] = Math.Max(_personEnd[t], m.Span.End);
                }
                _personEndReady = true;
            }
            return _personEnd[f.Start] >= tokens[f.End - 1].Span.End;
        }

        /// <summary>Prepares for a new document: no stale word ids or facts.</summary>
        public void Reset(Document doc)
        {
            var tokens = doc.Tokens;
            _text = doc.Text;
            _tokens = tokens;
            _personEndReady = false;
            var table = TokenSpellings.ForThread();
            _spellings = table.IdArray(doc);
            if (table.Renews(ref _spellingGeneration))
            {
                Array.Clear(_wordIdBySpelling);
                Array.Clear(_shapeBySpelling);
            }
            table.Fit(ref _wordIdBySpelling);
            table.Fit(ref _shapeBySpelling);
            int n = tokens.Count;
            if (_ids.Length < n)
            {
                int size = Math.Max(n, _ids.Length * 2);
                _ids = new int[size];
                _inside = new byte[size];
                _candidates = new int[size];
                _cues = new byte[size];
                _facts = new TokenFacts[size];
            }
            Array.Fill(_ids, NotLooked, 0, n);
            Array.Clear(_inside, 0, n);
            Array.Clear(_cues, 0, n);
            MarkInside();
            FindCandidates();
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_facts);
                _generation = 1;
            }
        }

        private static readonly SearchValues<char> HyphenOrApostrophe = SearchValues.Create("-'\u2019");

        /// <summary>
        /// Flags every token that has a hyphen or an apostrophe after its first character: one search
        /// over the text instead of one per token (tokens are in text order).
        /// </summary>
        private void MarkInside()
        {
            var tokens = CollectionsMarshal.AsSpan(_tokens);
            var text = _text.AsSpan();
            int t = 0;
            for (int p = text.IndexOfAny(HyphenOrApostrophe); p >= 0;)
            {
                while (t < tokens.Length && tokens[t].Span.End <= p)
                    t++;
                if (t == tokens.Length)
                    return;
                if (tokens[t].Span.Start < p)
                    _inside[t] |= text[p] == '-' ? HyphenInside : ApostropheInside;
                int next = text[(p + 1)..].IndexOfAny(HyphenOrApostrophe);
                p = next < 0 ? -1 : p + 1 + next;
            }
        }

        /// <summary>One tight pass over the tokens: most are dismissed here on their kind and shape alone.</summary>
        private void FindCandidates()
        {
            var tokens = CollectionsMarshal.AsSpan(_tokens);
            var text = _text.AsSpan();
            var shapes = _lex.TriggerShapes;
            var inside = _inside;
            int count = 0;
            for (int i = 0; i < tokens.Length; i++)
            {
                var tok = tokens[i];
                if (tok.Kind == TokenKind.Number || (tok.Kind == TokenKind.Word && (inside[i] != 0 || MayBeTriggerShape(i, shapes, text, tok))))
                    _candidates[count++] = i;
            }
            _candidateCount = count;
            _candidateCursor = 0;
        }

        /// <summary><see cref="WordShapes.MayContain"/> of the token's word, asked once per spelling.</summary>
        private bool MayBeTriggerShape(int i, WordShapes shapes, ReadOnlySpan<char> text, Token tok)
        {
            ref byte known = ref _shapeBySpelling[_spellings[i]];
            if (known == 0)
                known = (byte)(shapes.MayContain(text.Slice(tok.Span.Start, tok.Span.Length)) ? 2 : 1);
            return known == 2;
        }

        private ReadOnlySpan<char> TextOf(int i) => _tokens[i].Span.AsSpan(_text);

        /// <summary>The token's word id in the lexicon, -1 when it is no time word.</summary>
        private int Id(int i)
        {
            int id = _ids[i];
            if (id == NotLooked)
            {
                ref int bySpelling = ref _wordIdBySpelling[_spellings[i]];
                if (bySpelling == 0)
                    bySpelling = _lex.WordId(TextOf(i)) + 2;
                _ids[i] = id = bySpelling - 2;
            }
            return id;
        }

        /// <summary>
        /// "mid-June", "two-hour", "Tuesday's": a word whose facts are not just its own lexicon entry
        /// (<see cref="Classify"/> strips the possessive and reads the parts around the hyphen).
        /// </summary>
        private bool IsCompound(int i, ReadOnlySpan<char> w)
        {
            byte inside = _inside[i];
            return inside != 0 && ((inside & ApostropheInside) != 0 && IsPossessive(w) || (inside & HyphenInside) != 0 && w.IndexOf('-') > 0);
        }

        private static bool IsPossessive(ReadOnlySpan<char> w) => w.Length > 2 && w[^1] is 's' or 'S' && w[^2] is '\'' or '\u2019';

        /// <summary>
        /// Whether a match can take the token at all: an edge needs a word the lexicon knows, a number,
        /// a joined word ("mid-June") or a capitalised word (&lt;name&gt;), and a full stop can end "Nov.".
        /// </summary>
        private bool MayBeInside(int i)
        {
            var tok = _tokens[i];
            if (tok.Kind == TokenKind.Number || Id(i) >= 0)
                return true;
            var w = tok.Span.AsSpan(_text);
            if (tok.Kind == TokenKind.Word)
                return char.IsUpper(w[0]) || IsCompound(i, w);
            return w[0] == '.';
        }

        /// <summary>
        /// Whether a match can start at the token: a root edge needs a word the lexicon knows, a
        /// number, a joined word ("mid-June") or, when a pattern starts with &lt;name&gt;, a capital.
        /// </summary>
        private bool CanStart(int i)
        {
            var kind = _tokens[i].Kind;
            return kind == TokenKind.Number || Id(i) >= 0 || (kind == TokenKind.Word && IsCompound(i, TextOf(i)))
                || (_lex.RootHasName && kind == TokenKind.Word && char.IsUpper(_text[_tokens[i].Span.Start]));
        }

        public void FindAll(int first, int end, List<Found> found)
        {
            _sentenceEnd = end;
            int covered = first;
            // Sentences come in text order: walk on from where the last one ended (a search if one comes back).
            int c = _candidateCursor;
            if (c > 0 && _candidates[c - 1] >= first)
            {
                c = Array.BinarySearch(_candidates, 0, _candidateCount, first);
                c = c < 0 ? ~c : c;
            }
            while (c < _candidateCount && _candidates[c] < first)
                c++;
            for (; c < _candidateCount && _candidates[c] < end; c++)
            {
                int i = _candidates[c];
                if (i < covered || !IsTrigger(i))
                    continue;
                // A match that covers the trigger runs through every token before it from its start.
                int from = i;
                for (int lo = Math.Max(covered, i - _lex.MaxLead); from > lo && MayBeInside(from - 1);)
                    from--;
                for (int s = from; s <= i; s++)
                {
                    if (s < i && !CanStart(s))
                        continue;
                    _best = default;
                    _bestOrder = int.MaxValue;
                    _start = s;
                    Walk(_lex.Root, s, 0);
                    if (_best.End > i)
                    {
                        found.Add(_best);
                        covered = _best.End;
                        break;
                    }
                }
            }
            _candidateCursor = c;
        }

        /// <summary>Whether a candidate token starts the search for a match (a number or a trigger word).</summary>
        private bool IsTrigger(int i)
        {
            var tok = _tokens[i];
            if (tok.Kind == TokenKind.Number)
                return true;
            return IsTriggerWord(i, tok.Span.AsSpan(_text));
        }

        private bool IsTriggerWord(int i, ReadOnlySpan<char> w)
        {
            if (_lex.TriggerShapes.MayContain(w) && Id(i) is >= 0 and var id && _lex.Words[id].Trigger)
                return true;
            // Weekday and month names are triggers themselves: only a compound can be more than its entry.
            if (!IsCompound(i, w))
                return false;
            ref var f = ref Facts(i);
            return f.Weekday.Value > 0 || f.Month.Value > 0 || f.NumUnitUnit != TimeUnit.None || f.Year > 0;
        }

        private void Walk(TrieNode node, int i, int depth)
        {
            if (node.Terminal is { } pattern && i > _start)
                Consider(pattern, i, depth);
            if (i >= _sentenceEnd || depth >= MaxDepth)
                return;
            if (node.HasLiterals && Id(i) is >= 0 and var id && node.Next(id) is { } next)
                Walk(next, i + 1, depth);
            if (node.ClassMask != 0 && (node.ClassMask & Facts(i).Classes) != 0)
            {
                int may = _facts[i].Classes;
                foreach (var (cls, child) in node.ClassEdges)
                {
                    if ((may & (1 << (int)cls)) == 0)
                        continue;
                    int width = Width(cls, i);
                    if (width == 0)
                        continue;
                    _capClass[depth] = cls;
                    _capToken[depth] = i;
                    Walk(child, i + width, depth + 1);
                }
            }
        }

        private void Consider(TimePattern pattern, int end, int depth)
        {
            if (end < _best.End || (end == _best.End && pattern.Order >= _bestOrder))
                return;
            if (Build(pattern, end, depth) is not { } parsed)
                return;
            _best = new Found(_start, end, parsed);
            _bestOrder = pattern.Order;
        }

        /// <summary>The parsed form of a candidate match, or null when it fails a check the trie cannot express.</summary>
        private ParsedTime? Build(TimePattern p, int end, int depth)
        {
            var t = new ParsedTime
            {
                Op = p.Op,
                Offset = p.Offset,
                HasYearOffset = p.HasYearOffset,
                Amount = p.FixedAmount,
                Unit = p.FixedUnit,
                FixedMinutes = p.FixedMinutes,
            };
            int clockToken = -1;
            for (int k = 0; k < depth; k++)
            {
                int i = _capToken[k];
                ref var f = ref Facts(i);
                switch (_capClass[k])
                {
                    case TokenClass.Weekday:
                        t = t with { Weekday = f.Weekday.Value };
                        break;
                    case TokenClass.Month:
                        // "May" or "March" alone are words, not months.
                        if (f.Month.NoBare && !f.Prefixed && end - _start == Width(TokenClass.Month, i))
                            return null;
                        t = t with { Month = f.Month.Value };
                        break;
                    case TokenClass.Day:
                        t = t with { Day = f.Day };
                        break;
                    case TokenClass.Year:
                        t = t with { Year = f.Year };
                        break;
                    case TokenClass.Num:
                        if (p.Op == TimeOp.Clock)
                        {
                            if (f.Number is < 1 or > 12 || f.Number != Math.Floor(f.Number))
                                return null;
                            clockToken = i;
                        }
                        t = t with { Amount = f.Number };
                        break;
                    case TokenClass.Unit:
                        t = t with { Unit = f.Unit };
                        break;
                    case TokenClass.NumUnit:
                        t = t with { Amount = f.NumUnitAmount, Unit = f.NumUnitUnit };
                        break;
                    case TokenClass.Clock:
                        clockToken = i;
                        break;
                    case TokenClass.Iso:
                        t = t with { Year = f.Iso.Year, Month = f.Iso.Month, Day = f.Iso.Day };
                        break;
                }
            }
            if (p.AddHalf)
                t = t with { Amount = t.Amount + 0.5 };
            switch (t.Op)
            {
                case TimeOp.Duration when TemporalResolver.DurationMinutes(t) is null:
                    return null; // "for two days" is not a meeting length in minutes
                case TimeOp.Ago or TimeOp.Ahead or TimeOp.AheadIfFuture when t.Unit == TimeUnit.None:
                    return null;
                case TimeOp.Clock:
                    if (clockToken < 0)
                        clockToken = end - 1; // "noon", "midnight"
                    t = t with { Clock = _text[_tokens[clockToken].Span.Start.._tokens[end - 1].Span.End] };
                    break;
                case TimeOp.After or TimeOp.Before:
                    if (t.Amount == 0 && t.Unit >= TimeUnit.Day)
                        return t with { Op = TimeOp.Vague }; // "days after": relative, but by how much?
                    if (p.ReferenceAtClauseEnd && (end >= _sentenceEnd || _tokens[end].Kind == TokenKind.Punctuation))
                    {
                        // "…, the day before." names no other event: the sentence's own day is meant (else the story's).
                        int days = TemporalResolver.OffsetDays(t) ?? 0;
                        return t with { Op = TimeOp.StoryDay, Offset = days, Amount = 0, Unit = TimeUnit.None };
                    }
                    // "Two days later, ...", "a week earlier": counted from the sentence's day, else the day the story is
                    // at, not from another event (months and years later blur the day: those stay relative).
                    if (p.FromStory && t.Unit is TimeUnit.Day or TimeUnit.Week)
                        return t with { Op = TimeOp.StoryDay, Offset = TemporalResolver.OffsetDays(t) ?? 0, Amount = 0, Unit = TimeUnit.None, NeedsReference = true };
                    break;
            }
            return t;
        }

        /// <summary>How many tokens a class takes at <paramref name="i"/>: 0 (no match), 1, or 2 for "Nov" + ".".</summary>
        private int Width(TokenClass cls, int i)
        {
            ref var f = ref Facts(i);
            switch (cls)
            {
                case TokenClass.Weekday:
                    return f.Weekday.Value > 0 && f.Capitalized ? NameWidth(f.Weekday, i) : 0;
                case TokenClass.Month:
                    return f.Month.Value > 0 && f.Capitalized ? NameWidth(f.Month, i) : 0;
                case TokenClass.Day:
                    return f.Day > 0 ? 1 : 0;
                case TokenClass.Year:
                    return f.Year > 0 && f.Month.Value == 0 ? 1 : 0;
                case TokenClass.Num:
                    return double.IsNaN(f.Number) ? 0 : 1;
                case TokenClass.Unit:
                    return f.Unit != TimeUnit.None ? 1 : 0;
                case TokenClass.NumUnit:
                    return f.NumUnitUnit != TimeUnit.None ? 1 : 0;
                case TokenClass.Clock:
                    return f.Clock ? 1 : 0;
                case TokenClass.Iso:
                    return f.HasIso ? 1 : 0;
                case TokenClass.Name:
                    return f.Capitalized && _tokens[i].Kind == TokenKind.Word ? 1 : 0;
                default:
                    return 0;
            }
        }

        /// <summary>The classes whose <see cref="Width"/> is not 0 for certain (a name's full stop is checked there).</summary>
        private static int ClassesOf(in TokenFacts f, TokenKind kind)
        {
            int c = 0;
            if (f.Weekday.Value > 0 && f.Capitalized)
                c |= 1 << (int)TokenClass.Weekday;
            if (f.Month.Value > 0 && f.Capitalized)
                c |= 1 << (int)TokenClass.Month;
            if (f.Day > 0)
                c |= 1 << (int)TokenClass.Day;
            if (f.Year > 0 && f.Month.Value == 0)
                c |= 1 << (int)TokenClass.Year;
            if (!double.IsNaN(f.Number))
                c |= 1 << (int)TokenClass.Num;
            if (f.Unit != TimeUnit.None)
                c |= 1 << (int)TokenClass.Unit;
            if (f.NumUnitUnit != TimeUnit.None)
                c |= 1 << (int)TokenClass.NumUnit;
            if (f.Clock)
                c |= 1 << (int)TokenClass.Clock;
            if (f.HasIso)
                c |= 1 << (int)TokenClass.Iso;
            if (f.Capitalized && kind == TokenKind.Word)
                c |= 1 << (int)TokenClass.Name;
            return c;
        }

        private int NameWidth(CalendarName name, int i)
        {
            bool dot = i + 1 < _sentenceEnd && _tokens[i + 1].Span.Start == _tokens[i].Span.End && _text[_tokens[i + 1].Span.Start] == '.';
            if (name.NeedsDot && !dot)
                return 0;
            return name.IsAbbreviation && dot ? 2 : 1;
        }

        private ref TokenFacts Facts(int i)
        {
            ref var f = ref _facts[i];
            if (f.Generation != _generation)
            {
                Classify(i, ref f);
                f.Classes = ClassesOf(f, _tokens[i].Kind);
            }
            return ref f;
        }

        private void Classify(int i, ref TokenFacts f)
        {
            f = default;
            f.Generation = _generation;
            f.Number = double.NaN;
            var tok = _tokens[i];
            var w = tok.Span.AsSpan(_text);
            f.Capitalized = char.IsUpper(w[0]);
            if (tok.Kind == TokenKind.Number)
            {
                ClassifyNumber(w, ref f);
                return;
            }
            if (tok.Kind != TokenKind.Word)
                return;
            if (!IsCompound(i, w))
            {
                // A plain word: its one lookup already says everything.
                if (Id(i) is >= 0 and var id)
                {
                    ref var info = ref _lex.Words[id];
                    f.Weekday = info.Weekday;
                    f.Month = info.Month;
                    f.Number = info.Number;
                    f.Unit = info.Unit;
                }
                return;
            }
            // "Tuesday's meeting", "today’s talks".
            if (IsPossessive(w))
                w = w[..^2];
            if (_lex.WeekdayLookup.TryGetValue(w, out var wd))
                f.Weekday = wd;
            if (_lex.MonthLookup.TryGetValue(w, out var mo))
                f.Month = mo;
            if (_lex.NumberLookup.TryGetValue(w, out double n))
                f.Number = n;
            if (_lex.UnitLookup.TryGetValue(w, out var unit))
                f.Unit = unit;
            int hyphen = w.IndexOf('-');
            if (hyphen > 0)
                ClassifyCompound(w, hyphen, ref f);
        }

        /// <summary>"mid-June", "mid-2019", "two-hour", "half-hour", "hour-long", "forty-five-minute".</summary>
        private void ClassifyCompound(ReadOnlySpan<char> w, int hyphen, ref TokenFacts f)
        {
            var head = w[..hyphen];
            var rest = w[(hyphen + 1)..];
            if (head.Equals("mid", StringComparison.OrdinalIgnoreCase) || head.Equals("early", StringComparison.OrdinalIgnoreCase)
                || head.Equals("late", StringComparison.OrdinalIgnoreCase))
            {
                if (rest.Length > 0 && char.IsUpper(rest[0]) && _lex.MonthLookup.TryGetValue(rest, out var m))
                {
                    f.Month = m;
                    f.Capitalized = true;
                    f.Prefixed = true;
                }
                else if (IsYear(rest, out int y))
                {
                    f.Year = y;
                    f.Prefixed = true;
                }
                return;
            }
            // A unit part, with a number before it and at most "long" after it.
            int at = 0;
            while (at < w.Length)
            {
                int next = w[at..].IndexOf('-');
                int stop = next < 0 ? w.Length : at + next;
                if (_lex.UnitLookup.TryGetValue(w[at..stop], out var unit))
                {
                    var before = at == 0 ? ReadOnlySpan<char>.Empty : w[..(at - 1)];
                    var after = stop >= w.Length ? ReadOnlySpan<char>.Empty : w[(stop + 1)..];
                    if (!after.IsEmpty && !after.Equals("long", StringComparison.OrdinalIgnoreCase))
                        return;
                    double amount;
                    if (before.IsEmpty)
                        amount = after.IsEmpty ? double.NaN : 1; // "hour-long"
                    else if (!_lex.NumberLookup.TryGetValue(before, out amount)
                        && !double.TryParse(before, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
                        return;
                    if (double.IsNaN(amount))
                        return;
                    f.NumUnitAmount = amount;
                    f.NumUnitUnit = unit;
                    return;
                }
                at = stop + 1;
            }
        }

        private void ClassifyNumber(ReadOnlySpan<char> w, ref TokenFacts f)
        {
            // 2021-11-01
            if (w.Length == 10 && w[4] == '-' && w[7] == '-'
                && DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                f.Iso = iso;
                f.HasIso = true;
                return;
            }
            int colon = w.IndexOf(':');
            if (colon is 1 or 2)
            {
                f.Clock = IsClock(w, colon);
                return;
            }
            int hyphen = w.IndexOf('-');
            if (hyphen > 0)
            {
                ClassifyCompound(w, hyphen, ref f); // "60-minute"
                return;
            }
            int digits = 0;
            while (digits < w.Length && char.IsAsciiDigit(w[digits]))
                digits++;
            if (digits == w.Length && digits <= 9)
            {
                // Plain digits, the common case: the value without a general number parser.
                int v = 0;
                foreach (char c in w)
                    v = v * 10 + (c - '0');
                f.Number = v;
                if (v is >= 1 and <= 31 && digits <= 2)
                    f.Day = v;
                if (digits == 4 && v is >= 1900 and <= 2199)
                    f.Year = v;
                return;
            }
            var tail = w[digits..];
            if (digits == w.Length || (tail.Length > 1 && tail[0] == '.' && IsAllDigits(tail[1..])))
            {
                if (double.TryParse(w, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n))
                {
                    f.Number = n;
                    if (digits == w.Length)
                    {
                        if (n is >= 1 and <= 31 && digits <= 2)
                            f.Day = (int)n;
                        if (IsYear(w, out int y))
                            f.Year = y;
                    }
                }
                return;
            }
            // "1st", "28th"
            if (digits is 1 or 2 && (tail.Equals("st", StringComparison.OrdinalIgnoreCase) || tail.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || tail.Equals("rd", StringComparison.OrdinalIgnoreCase) || tail.Equals("th", StringComparison.OrdinalIgnoreCase)))
            {
                int d = int.Parse(w[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
                if (d is >= 1 and <= 31)
                    f.Day = d;
            }
        }

        private static bool IsClock(ReadOnlySpan<char> w, int colon)
        {
            if (!int.TryParse(w[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out int h) || h > 24)
                return false;
            if (w.Length < colon + 3 || !int.TryParse(w.Slice(colon + 1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m > 59)
                return false;
            var rest = w[(colon + 3)..];
            if (rest.Length >= 3 && rest[0] == ':' && char.IsAsciiDigit(rest[1]) && char.IsAsciiDigit(rest[2]))
                rest = rest[3..];
            return rest.IsEmpty || rest.Equals("am", StringComparison.OrdinalIgnoreCase) || rest.Equals("pm", StringComparison.OrdinalIgnoreCase)
                || rest.Equals("a", StringComparison.OrdinalIgnoreCase) || rest.Equals("p", StringComparison.OrdinalIgnoreCase)
                || rest.Equals("h", StringComparison.OrdinalIgnoreCase) || rest.Equals("hrs", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsYear(ReadOnlySpan<char> w, out int year)
        {
            year = 0;
            if (w.Length != 4 || !IsAllDigits(w))
                return false;
            int y = int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture);
            if (y is < 1900 or > 2199)
                return false;
            year = y;
            return true;
        }

        private static bool IsAllDigits(ReadOnlySpan<char> s)
        {
            foreach (char c in s)
                if (!char.IsAsciiDigit(c))
                    return false;
            return s.Length > 0;
        }

        /// <summary>
        /// The direction of the nearest cue in the sentence, looking outward from the phrase one
        /// token at a time, before-side first at equal distance.
        /// </summary>
        public TimeDirection DirectionOf(int start, int end, int first, int sentenceEnd)
        {
            for (int d = 1; ; d++)
            {
                int b = start - d;
                int a = end - 1 + d;
                if (b < first && a >= sentenceEnd)
                    return TimeDirection.Unknown;
                if (b >= first && CachedCueAt(b, sentenceEnd) is var before and not TimeDirection.Unknown)
                    return before;
                if (a < sentenceEnd && CachedCueAt(a, sentenceEnd) is var after and not TimeDirection.Unknown)
                    return after;
            }
        }

        /// <summary>CueAt, once per token: phrases of one sentence look at the same neighbours (the limit is the sentence's end).</summary>
        private TimeDirection CachedCueAt(int j, int limit)
        {
            if (_cues[j] == 0)
                _cues[j] = (byte)(CueAt(j, limit) + 1);
            return (TimeDirection)(_cues[j] - 1);
        }

        /// <summary>A future cue starting at <paramref name="j"/> (it may run into the phrase: "set for September"), or a past verb.</summary>
        private TimeDirection CueAt(int j, int limit)
        {
            var tok = _tokens[j];
            var w = tok.Span.AsSpan(_text);
            // Only future cues, past verbs, "-ed" words (minus exceptions) and contractions can be cues.
            bool ed = w.Length >= 5 && w[^1] is 'd' or 'D' && w[^2] is 'e' or 'E';
            bool cueShaped = _lex.CueShapes.MayContain(w);
            if (!ed && !cueShaped && (_inside[j] & ApostropheInside) == 0)
                return TimeDirection.Unknown;
            int id = ed || cueShaped ? Id(j) : -1;
            ref readonly var info = ref id >= 0 ? ref _lex.Words[id] : ref Unknown;
            if (info.FutureCues is { } sequences)
            {
                foreach (var seq in sequences)
                {
                    if (j + seq.Length > limit)
                        continue;
                    bool ok = true;
                    for (int k = 1; k < seq.Length && ok; k++)
                        ok = Id(j + k) == seq[k];
                    if (ok)
                        return TimeDirection.Future;
                }
            }
            // "they'll": the tokenizer keeps the contraction inside the word.
            int apostrophe = (_inside[j] & ApostropheInside) != 0 ? w.LastIndexOfAny('\'', '\u2019') : -1;
            if (apostrophe > 0 && _lex.FutureCues.TryGetValue(w[apostrophe..], out var suffix) && suffix.Exists(c => c.Length == 1))
                return TimeDirection.Future;
            if (tok.Kind != TokenKind.Word || char.IsUpper(w[0]) && j > 0)
                return TimeDirection.Unknown;
            if (info.PastVerb)
                return TimeDirection.Past;
            if (ed && !info.NotPast)
                return TimeDirection.Past;
            return TimeDirection.Unknown;
        }
    }
}
