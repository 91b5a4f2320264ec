using System.Globalization;
using Parley.Data;
using Parley.Segmentation;

namespace Parley.Temporal;

/// <summary>The classes a pattern element can name ("&lt;weekday&gt;", "&lt;num&gt;", …).</summary>
internal enum TokenClass : byte
{
    Weekday,
    Month,
    Day,
    Year,
    Num,
    Unit,
    NumUnit,
    Clock,
    Iso,
    Name,
}

/// <summary>A weekday or month name as data/time_words.tsv lists it.</summary>
internal readonly record struct CalendarName(int Value, bool IsAbbreviation, bool NeedsDot, bool NoBare);

/// <summary>One pattern row, expanded: what a match means.</summary>
internal sealed record TimePattern(TimeOp Op, int Offset, bool HasYearOffset, double FixedAmount, TimeUnit FixedUnit,
    int FixedMinutes, bool AddHalf, bool ReferenceAtClauseEnd, bool FromStory, int Order, string Source);

/// <summary>A node of the token trie: literal edges by word id (<see cref="TimeLexicon.WordId"/>), class edges, and the pattern ending here.</summary>
internal sealed class TrieNode
{
    // Literal edges: a dictionary while the trie is built; then (Freeze) a table by word id where a
    // node has many edges, else two short arrays searched in turn, both faster than hashing.
    private Dictionary<int, TrieNode>? _literals;
    private TrieNode?[]? _byId;
    private int[] _keys = [];
    private TrieNode[] _next = [];

    public bool HasLiterals => _literals is not null;

    public List<(TokenClass Class, TrieNode Next)>? Classes { get; private set; }

    /// <summary><see cref="Classes"/> as an array (set by Freeze): one indirection less while matching.</summary>
    public (TokenClass Class, TrieNode Next)[] ClassEdges { get; private set; } = [];

    /// <summary>One bit (1 &lt;&lt; class) per class edge, to skip nodes whose classes a token cannot be.</summary>
    public int ClassMask { get; private set; }

    public TimePattern? Terminal { get; set; }

    public TrieNode Literal(int wordId)
    {
        _literals ??= [];
        if (!_literals.TryGetValue(wordId, out var next))
            _literals[wordId] = next = new TrieNode();
        return next;
    }

    /// <summary>The node after a token whose word id is <paramref name="wordId"/>, if there is an edge.</summary>
    public TrieNode? Next(int wordId)
    {
        if (_byId is { } byId)
            return (uint)wordId < (uint)byId.Length ? byId[wordId] : null;
        var keys = _keys;
        for (int k = 0; k < keys.Length; k++)
            if (keys[k] == wordId)
                return _next[k];
        return null;
    }

    /// <summary>Sets up the lookup tables of this node and those below it, once every word has its id.</summary>
    public void Freeze(int wordCount)
    {
        if (_literals is { } literals)
        {
            if (literals.Count > 8)
            {
                _byId = new TrieNode?[wordCount];
                foreach (var (id, next) in literals)
                    _byId[id] = next;
            }
            else
            {
                _keys = [.. literals.Keys];
                _next = [.. literals.Values];
            }
            foreach (var next in literals.Values)
                next.Freeze(wordCount);
        }
        if (Classes is { } classes)
        {
            ClassEdges = [.. classes];
            foreach (var (_, next) in classes)
                next.Freeze(wordCount);
        }
    }

    public TrieNode Class(TokenClass c)
    {
        Classes ??= [];
        foreach (var (cls, next) in Classes)
            if (cls == c)
                return next;
        var node = new TrieNode();
        Classes.Add((c, node));
        ClassMask |= 1 << (int)c;
        return node;
    }
}

/// <summary>
/// A quick, case-insensitive "could this word be in the set?" test: one bit per shape of the words,
/// a shape being the length and the first, second and last characters, case-folded with c | 0x20
/// (which folds ASCII letters and never makes a letter of another character), hashed into 2^13 bits (1 KB, a few cache lines).
/// It answers "maybe" when one of those characters is not ASCII and leaves that to the real lookup;
/// a false "maybe" only costs that lookup.
/// </summary>
internal sealed class WordShapes
{
    private readonly ulong[] _bits = new ulong[128];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ReadOnlySpan<char> token)
    {
        char first = token[0], second = token.Length > 1 ? token[1] : '\0', last = token[^1];
        if ((first | second | last) >= 128)
            return true;
        int bit = Shape(token.Length, first, second, last);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    public void Add(string word)
    {
        char first = word[0], second = word.Length > 1 ? word[1] : '\0', last = word[^1];
        if ((first | second | last) < 128)
        {
            int bit = Shape(word.Length, first, second, last);
            _bits[bit >> 6] |= 1UL << bit;
        }
        else if (FoldsToAscii(first) || FoldsToAscii(second) || FoldsToAscii(last))
            Array.Fill(_bits, ulong.MaxValue); // "ſ" could equal an ASCII "s" ignoring case: no quick test
        // else: only tokens with a non-ASCII character there can equal the word, and for those MayContain says yes.
    }

    private static bool FoldsToAscii(char c) => c >= 128 && (char.ToUpperInvariant(c) < 128 || char.ToLowerInvariant(c) < 128);

    private static int Shape(int length, char first, char second, char last)
    {
        uint key = (uint)Math.Min(length, 63) << 21 | (uint)(first | 0x20) << 14 | (uint)(second | 0x20) << 7 | (uint)(last | 0x20);
        return (int)((key * 2654435761u) >> 19); // Fibonacci hashing: the top 13 bits
    }
}

/// <summary>
/// Everything the lexicon says about one word (all its lists at once), so a token is looked up once.
/// </summary>
internal struct WordInfo
{
    public CalendarName Weekday;
    public CalendarName Month;

    /// <summary>The value of a number word; NaN for other words.</summary>
    public double Number;

    public TimeUnit Unit;

    /// <summary>In <see cref="TimeLexicon.Triggers"/>.</summary>
    public bool Trigger;

    public bool PastVerb;
    public bool NotPast;

    /// <summary>The future cues that start with this word, each as a sequence of word ids.</summary>
    public int[][]? FutureCues;
}

/// <summary>
/// The time words and patterns of data/time_words.tsv, compiled once into lookups and a token trie.
/// Immutable after construction and safe to share across threads.
/// </summary>
internal sealed class TimeLexicon
{
    public const string FileName = "time_words.tsv";

    private static readonly Lazy<TimeLexicon> Shared = new(() => new TimeLexicon(DataFiles.ReadTsv(FileName)));

    private readonly Dictionary<string, CalendarName> _weekdays = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CalendarName> _months = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, double> _numbers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimeUnit> _units = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _fillers = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _triggers = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _pastVerbs = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _notPast = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string[]>> _futureCues = new(StringComparer.OrdinalIgnoreCase);

    // Every word of every list and pattern, numbered; case-insensitive like each list.
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.OrdinalIgnoreCase);

    public TimeLexicon(IReadOnlyList<TsvRow> rows)
    {
        var patterns = new List<TsvRow>();
        foreach (var row in rows)
        {
            string kind = row["kind"];
            switch (kind)
            {
                case "weekday":
                case "month":
                {
                    var target = kind == "weekday" ? _weekdays : _months;
                    var names = row.List("entry");
                    int value = ParseInt(row, "value");
                    string flags = row["flags"];
                    for (int i = 0; i < names.Length; i++)
                        target[names[i]] = new CalendarName(value, i > 0, flags.Contains("dot", StringComparison.Ordinal),
                            flags.Contains("nobare", StringComparison.Ordinal));
                    break;
                }
                case "number":
                    foreach (var w in row.List("entry"))
                        _numbers[w] = double.Parse(row["value"], NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                case "unit":
                    foreach (var w in row.List("entry"))
                        _units[w] = ParseUnit(row["value"], row);
                    break;
                case "filler":
                    _fillers.UnionWith(row.List("entry"));
                    break;
                case "past_verb":
                    _pastVerbs.UnionWith(row.List("entry"));
                    break;
                case "not_past":
                    _notPast.UnionWith(row.List("entry"));
                    break;
                case "future_cue":
                {
                    // A contraction ("'ll") is matched as the end of a word: "they'll" is one token.
                    string entry = row["entry"];
                    var seq = entry[0] is '\'' or '\u2019' ? [entry] : TokenStrings(entry);
                    if (!_futureCues.TryGetValue(seq[0], out var list))
                        _futureCues[seq[0]] = list = [];
                    list.Add(seq);
                    break;
                }
                case "pattern":
                    patterns.Add(row);
                    break;
                default:
                    throw new FormatException($"{row.File} line {row.Line}: unknown kind '{kind}'");
            }
        }
        _triggers.UnionWith(_weekdays.Keys);
        _triggers.UnionWith(_months.Keys);
        _triggers.UnionWith(_units.Keys);
        for (int i = 0; i < patterns.Count; i++)
            AddPattern(patterns[i], i);
        Triggers = _triggers.GetAlternateLookup<ReadOnlySpan<char>>();
        WeekdayLookup = _weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
        MonthLookup = _months.GetAlternateLookup<ReadOnlySpan<char>>();
        NumberLookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        UnitLookup = _units.GetAlternateLookup<ReadOnlySpan<char>>();
        PastVerbs = _pastVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        NotPast = _notPast.GetAlternateLookup<ReadOnlySpan<char>>();
        FutureCues = _futureCues.GetAlternateLookup<ReadOnlySpan<char>>();
        Words = BuildWordInfo();
        Root.Freeze(Words.Length);
        foreach (var t in _triggers)
            TriggerShapes.Add(t);
        foreach (var w in _wordIds.Keys)
            _wordShapes.Add(w);
        foreach (var w in _futureCues.Keys)
            CueShapes.Add(w);
        foreach (var w in _pastVerbs)
            CueShapes.Add(w);
        RootHasName = Root.Classes?.Exists(c => c.Class == TokenClass.Name) == true;
        WordIds = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static TimeLexicon Default => Shared.Value;

    public TrieNode Root { get; } = new();

    /// <summary>How many tokens a pattern may have before its first trigger word ("for about three hours" = 3).</summary>
    public int MaxLead { get; private set; }

    public int PatternCount { get; private set; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Triggers { get; }

    public Dictionary<string, CalendarName>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup { get; }

    public Dictionary<string, CalendarName>.AlternateLookup<ReadOnlySpan<char>> MonthLookup { get; }

    public Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> NumberLookup { get; }

    public Dictionary<string, TimeUnit>.AlternateLookup<ReadOnlySpan<char>> UnitLookup { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PastVerbs { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPast { get; }

    public Dictionary<string, List<string[]>>.AlternateLookup<ReadOnlySpan<char>> FutureCues { get; }

    /// <summary>What each word id stands for; indexed by <see cref="WordId"/>.</summary>
    public WordInfo[] Words { get; }

    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordIds { get; }

    /// <summary>
    /// The id of a token's word, or -1 when the lexicon does not know it. Equal ids mean the words are
    /// equal ignoring case, so one lookup per token replaces one per list.
    /// </summary>
    public int WordId(ReadOnlySpan<char> token) =>
        _wordShapes.MayContain(token) && WordIds.TryGetValue(token, out int id) ? id : -1;

    /// <summary>Whether a pattern can start with a <c>&lt;name&gt;</c> (any capitalised word).</summary>
    public bool RootHasName { get; }

    // Quick "could this token be one of them?" tests that come before the hash lookups.
    private readonly WordShapes _wordShapes = new();

    /// <summary>Says "no" for most tokens that are not in <see cref="Triggers"/>, without a lookup.</summary>
    public WordShapes TriggerShapes { get; } = new();

    /// <summary>Says "no" for most tokens that neither start a future cue nor are a past verb.</summary>
    public WordShapes CueShapes { get; } = new();

    private int Register(string word)
    {
        if (!_wordIds.TryGetValue(word, out int id))
            _wordIds[word] = id = _wordIds.Count;
        return id;
    }

    private WordInfo[] BuildWordInfo()
    {
        foreach (var w in _weekdays.Keys)
            Register(w);
        foreach (var w in _months.Keys)
            Register(w);
        foreach (var w in _numbers.Keys)
            Register(w);
        foreach (var w in _units.Keys)
            Register(w);
        foreach (var w in _triggers)
            Register(w);
        foreach (var w in _pastVerbs)
            Register(w);
        foreach (var w in _notPast)
            Register(w);
        foreach (var list in _futureCues.Values)
            foreach (var seq in list)
                foreach (var w in seq)
                    Register(w);
        var words = new WordInfo[_wordIds.Count];
        for (int i = 0; i < words.Length; i++)
            words[i].Number = double.NaN;
        foreach (var (w, v) in _weekdays)
            words[_wordIds[w]].Weekday = v;
        foreach (var (w, v) in _months)
            words[_wordIds[w]].Month = v;
        foreach (var (w, v) in _numbers)
            words[_wordIds[w]].Number = v;
        foreach (var (w, v) in _units)
            words[_wordIds[w]].Unit = v;
        foreach (var w in _triggers)
            words[_wordIds[w]].Trigger = true;
        foreach (var w in _pastVerbs)
            words[_wordIds[w]].PastVerb = true;
        foreach (var w in _notPast)
            words[_wordIds[w]].NotPast = true;
        foreach (var (w, list) in _futureCues)
        {
            var sequences = new int[list.Count][];
            for (int k = 0; k < list.Count; k++)
                sequences[k] = Array.ConvertAll(list[k], s => _wordIds[s]);
            words[_wordIds[w]].FutureCues = sequences;
        }
        return words;
    }

    private void AddPattern(TsvRow row, int order)
    {
        string source = row["entry"];
        var pattern = ParseMeaning(row["value"], order, source, row);
        // Each element is a list of alternatives; an alternative is a list of atoms: a class
        // ("<month>") or a literal token. Optional elements add the empty alternative.
        var elements = new List<List<List<Atom>>>();
        foreach (var raw in source.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool optional = raw.Length > 2 && raw[0] == '[' && raw[^1] == ']';
            string body = optional ? raw[1..^1] : raw;
            var alternatives = new List<List<Atom>>();
            foreach (var alt in body.Split('|'))
            {
                var atoms = new List<Atom>();
                foreach (var part in alt.Split('_', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part.Length > 2 && part[0] == '<' && part[^1] == '>')
                        atoms.Add(new Atom(ParseClass(part[1..^1], row), null));
                    else
                        foreach (var tok in TokenStrings(part))
                            atoms.Add(new Atom(null, tok));
                }
                alternatives.Add(atoms);
            }
            if (optional)
                alternatives.Add([]);
            elements.Add(alternatives);
        }
        Expand(elements, 0, [], pattern);
    }

    private readonly record struct Atom(TokenClass? Class, string? Literal);

    private void Expand(List<List<List<Atom>>> elements, int index, List<Atom> sequence, TimePattern pattern)
    {
        if (index == elements.Count)
        {
            if (sequence.Count > 0)
                Insert(sequence, pattern);
            return;
        }
        foreach (var alt in elements[index])
        {
            int mark = sequence.Count;
            sequence.AddRange(alt);
            Expand(elements, index + 1, sequence, pattern);
            sequence.RemoveRange(mark, sequence.Count - mark);
        }
    }

    private void Insert(List<Atom> sequence, TimePattern pattern)
    {
        var node = Root;
        int lead = -1;
        for (int i = 0; i < sequence.Count; i++)
        {
            var atom = sequence[i];
            if (atom.Class is { } c)
            {
                node = node.Class(c);
                if (lead < 0 && c != TokenClass.Num && c != TokenClass.Name)
                    lead = i;
            }
            else
            {
                node = node.Literal(Register(atom.Literal!));
                if (lead < 0 && !_fillers.Contains(atom.Literal!) && !_numbers.ContainsKey(atom.Literal!))
                {
                    lead = i;
                    _triggers.Add(atom.Literal!);
                }
            }
        }
        if (lead < 0)
            throw new FormatException($"{FileName}: pattern '{pattern.Source}' has no word that can start a match (only fillers and numbers)");
        MaxLead = Math.Max(MaxLead, lead);
        PatternCount++;
        // The first pattern that ends at a node keeps it: earlier rows win ties.
        node.Terminal ??= pattern;
    }

    private static TimePattern ParseMeaning(string meaning, int order, string source, TsvRow row)
    {
        var parts = meaning.Split(':');
        string op = parts[0];
        int IntArg(int i) => parts.Length > i ? int.Parse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        TimePattern P(TimeOp o, int offset = 0, bool yearOffset = false, double amount = 0, TimeUnit unit = TimeUnit.None,
            int minutes = 0, bool half = false, bool referenceAtEnd = false, bool fromStory = false) =>
            new(o, offset, yearOffset, amount, unit, minutes, half, referenceAtEnd, fromStory, order, source);
        return op switch
        {
            "date" => P(TimeOp.Date),
            "month" => parts.Length > 1 ? P(TimeOp.Month, IntArg(1), yearOffset: true) : P(TimeOp.Month),
            "month-last" => P(TimeOp.MonthLast),
            "month-next" => P(TimeOp.MonthNext),
            "year" => P(TimeOp.Year),
            "weekday" => P(TimeOp.Weekday),
            "weekday-last" => P(TimeOp.WeekdayLast),
            "weekday-next" => P(TimeOp.WeekdayNext),
            "anchor-day" => P(TimeOp.AnchorDay, IntArg(1)),
            "anchor-week" => P(TimeOp.AnchorWeek, IntArg(1)),
            "anchor-week-so-far" => P(TimeOp.AnchorWeekSoFar),
            "anchor-month" => P(TimeOp.AnchorMonth, IntArg(1)),
            "anchor-year" => P(TimeOp.AnchorYear, IntArg(1)),
            "reference-day" => P(TimeOp.ReferenceDay, IntArg(1)),
            "story-day" => P(TimeOp.StoryDay, IntArg(1)),
            "later" => P(TimeOp.After, fromStory: true),
            "earlier" => P(TimeOp.Before, fromStory: true),
            "ago" => P(TimeOp.Ago),
            "ahead" => P(TimeOp.Ahead),
            "ahead-if-future" => P(TimeOp.AheadIfFuture),
            "after" or "before" or "after-or-reference" or "before-or-reference" => P(
                op.StartsWith("after", StringComparison.Ordinal) ? TimeOp.After : TimeOp.Before,
                amount: IntArg(1), unit: parts.Length > 2 ? ParseUnit(parts[2], row) : TimeUnit.None,
                referenceAtEnd: op.EndsWith("-or-reference", StringComparison.Ordinal)),
            "duration" => parts.Length > 1 && parts[1] == "half" ? P(TimeOp.Duration, half: true)
                : P(TimeOp.Duration, minutes: IntArg(1)),
            "clock" => P(TimeOp.Clock),
            "vague" => P(TimeOp.Vague),
            _ => throw new FormatException($"{row.File} line {row.Line}: unknown meaning '{meaning}'"),
        };
    }

    private static TokenClass ParseClass(string name, TsvRow row) => name switch
    {
        "weekday" => TokenClass.Weekday,
        "month" => TokenClass.Month,
        "day" => TokenClass.Day,
        "year" => TokenClass.Year,
        "num" => TokenClass.Num,
        "unit" => TokenClass.Unit,
        "numunit" => TokenClass.NumUnit,
        "clock" => TokenClass.Clock,
        "iso" => TokenClass.Iso,
        "name" => TokenClass.Name,
        _ => throw new FormatException($"{row.File} line {row.Line}: unknown class <{name}>"),
    };

    private static TimeUnit ParseUnit(string s, TsvRow row) => s switch
    {
        "minute" => TimeUnit.Minute,
        "hour" => TimeUnit.Hour,
        "day" => TimeUnit.Day,
        "week" => TimeUnit.Week,
        "month" => TimeUnit.Month,
        "year" => TimeUnit.Year,
        _ => throw new FormatException($"{row.File} line {row.Line}: unknown unit '{s}'"),
    };

    private static int ParseInt(TsvRow row, string column) =>
        int.TryParse(row[column], NumberStyles.None, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw new FormatException($"{row.File} line {row.Line}: '{column}' must be a number");

    /// <summary>A phrase cut the way the tokenizer cuts text, so patterns and text agree ("a.m." = a . m .).</summary>
    internal static string[] TokenStrings(string phrase)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(phrase, tokens);
        var result = new string[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
            result[i] = tokens[i].Span.Slice(phrase).ToLowerInvariant();
        return result;
    }
}
