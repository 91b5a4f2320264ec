using Parley.Data;
using Parley.Text;

namespace Parley.Events;

public enum TriggerKind
{
    /// <summary>Starts like a contact phrase but is not one ("called for"): the longer match wins and blocks.</summary>
    None,
    Verb,
    Noun,
    Support,
}

public enum ContactRole
{
    Symmetric,
    Host,
    Visit,
    Guest,
}

/// <summary>One row of data/contact_triggers.tsv.</summary>
public sealed record ContactTrigger(string Phrase, TriggerKind Kind, ContactMode Mode, bool StrongMode, string Needs, ContactRole Role);

public enum CueEffect
{
    Planned,
    Block,
    Mode,
}

public enum CuePlace
{
    Before,
    After,
    Any,
}

/// <summary>One row of data/contact_cues.tsv.</summary>
public sealed record ContactCue(string Phrase, CueEffect Effect, CuePlace Where, ContactMode Mode);

public enum FrameKind
{
    Clause,
    Topic,
    Report,
    Group,
    Locative,
    /// <summary>A verb of travel: the place after its "to" is where the contact will be ("travel to Tehran for a summit").</summary>
    Motion,
    /// <summary>A verb whose object is the person spoken to: "During the call, Harris told Starmer ...".</summary>
    Address,
}

/// <summary>
/// The contact patterns of data/ as token tries: triggers, status and mode cues, and the frame words
/// that bound argument windows. Built once and shared; immutable after construction.
/// </summary>
public sealed class ContactLexicon
{
    private static readonly Lazy<ContactLexicon> Shared = new(() => Load(
        DataFiles.ReadTsv("contact_triggers.tsv"), DataFiles.ReadTsv("contact_cues.tsv"), DataFiles.ReadTsv("contact_frames.tsv")));

    public static ContactLexicon Default => Shared.Value;

    public TokenTrie<ContactTrigger> Triggers { get; } = new();

    /// <summary>
    /// The noun reading of a phrase whose first row is a verb ("visit", "meeting"): the extractor
    /// takes it after a determiner or possessive ("his first visit", "for a meeting with").
    /// </summary>
    public Dictionary<string, ContactTrigger> NounReadings { get; } = new(StringComparer.Ordinal);

    public TokenTrie<ContactCue> Cues { get; } = new();

    /// <summary>Frame words; a phrase can have several kinds ("after" is a clause start and a topic end).</summary>
    public TokenTrie<FrameKind[]> Frames { get; } = new();

    internal const int StartsTrigger = 1, StartsCue = 2, StartsFrame = 4, LetterNoun = 8, Negated = 16, OneEach = 32;

    // The words the extractor's window scans test on every token, as bits beside the trie flags: a scan reads the
    // dense flag array instead of each token's string (a cache miss apiece once the strings are cold). Bits 8-11
    // are the extractor's own (capitalised, token kinds); each bit below is set exactly for the words named.
    internal const int Comma = 1 << 12; // ","
    internal const int Semicolon = 1 << 13; // ";"
    internal const int FullStop = 1 << 14; // "."
    internal const int AndThen = 1 << 15; // "and", "then"
    internal const int Auxiliary = 1 << 16; // "is", "are", "was", "were", "will", "has", "have", "had", "would", "could"
    internal const int HeShe = 1 << 17; // "he", "she"
    internal const int RelativeWord = 1 << 18; // "who", "which", "whose", "whom"
    internal const int InAtTo = 1 << 19; // "in", "at", "to"
    internal const int IntroWord = 1 << 20; // SentenceContext.IntroWords: opens an introductory phrase

    private static int WordClass(string lower) => lower switch
    {
        "," => Comma,
        ";" => Semicolon,
        "." => FullStop,
        "and" or "then" => AndThen,
        "is" or "are" or "was" or "were" or "will" or "has" or "have" or "had" or "would" or "could" => Auxiliary,
        "he" or "she" => HeShe,
        "who" or "which" or "whose" or "whom" => RelativeWord,
        "in" or "at" or "to" => InAtTo,
        _ => 0,
    };

    /// <summary>Words that make a contact with several others one contact each ("separately", "bilateral talks").</summary>
    internal static readonly HashSet<string> OneEachWords = new(StringComparer.Ordinal) { "separately", "individually", "separate", "bilateral" };

    private readonly int _owner = WordCache.NewOwner();
    private readonly Func<string, int> _computeFlags;

    private ContactLexicon() => _computeFlags = ComputeFlags;

    /// <summary>Which tries have a phrase starting with this word (<see cref="StartsTrigger"/> ...), cached on the word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal int WordFlags(WordForm word) => WordCache.Get(word, _owner, _computeFlags);

    private int ComputeFlags(string lower) =>
        (Triggers.StartsWith(lower) ? StartsTrigger : 0) | (Cues.StartsWith(lower) ? StartsCue : 0) | (Frames.StartsWith(lower) ? StartsFrame : 0)
        | (SentenceContext.LetterNouns.Contains(lower) ? LetterNoun : 0) | (OneEachWords.Contains(lower) ? OneEach : 0) | WordClass(lower)
        | (SentenceContext.IntroWords.Contains(lower) ? IntroWord : 0)
        | (lower.EndsWith("n't", StringComparison.Ordinal) || lower.EndsWith("n\u2019t", StringComparison.Ordinal) ? Negated : 0);

    public static ContactLexicon Load(IReadOnlyList<TsvRow> triggers, IReadOnlyList<TsvRow> cues, IReadOnlyList<TsvRow> frames)
    {
        var lex = new ContactLexicon();
        foreach (var row in triggers)
        {
            var kind = row["kind"] switch
            {
                "verb" => TriggerKind.Verb,
                "noun" => TriggerKind.Noun,
                "support" => TriggerKind.Support,
                "none" => TriggerKind.None,
                var k => throw new FormatException($"{row.File}:{row.Line}: unknown trigger kind '{k}'"),
            };
            if (!ContactModeNames.TryParseMode(row["mode"], out var mode))
                throw new FormatException($"{row.File}:{row.Line}: unknown mode '{row["mode"]}'");
            var role = row["role"] switch
            {
                "host" => ContactRole.Host,
                "visit" => ContactRole.Visit,
                "guest" => ContactRole.Guest,
                _ => ContactRole.Symmetric,
            };
            var t = new ContactTrigger(row["phrase"], kind, mode, row["strength"] == "strong", row["needs"], role);
            var tokens = TokenTrie<ContactTrigger>.PhraseTokens(t.Phrase);
            if (kind == TriggerKind.Noun && lex.Triggers.LongestMatch(tokens, 0, tokens.Length, out var existing) == tokens.Length
                && existing is { Kind: TriggerKind.Verb })
                lex.NounReadings[string.Join(' ', tokens)] = t;
            else
                lex.Triggers.Add(tokens, t);
        }
        foreach (var row in cues)
        {
            var effectText = row["effect"];
            var mode = ContactMode.Unknown;
            CueEffect effect;
            if (effectText.StartsWith("mode:", StringComparison.Ordinal))
            {
                effect = CueEffect.Mode;
                if (!ContactModeNames.TryParseMode(effectText[5..], out mode))
                    throw new FormatException($"{row.File}:{row.Line}: unknown mode in '{effectText}'");
            }
            else
            {
                effect = effectText switch
                {
                    "planned" => CueEffect.Planned,
                    "block" => CueEffect.Block,
                    _ => throw new FormatException($"{row.File}:{row.Line}: unknown cue effect '{effectText}'"),
                };
            }
            var where = row["where"] switch
            {
                "before" => CuePlace.Before,
                "after" => CuePlace.After,
                _ => CuePlace.Any,
            };
            lex.Cues.Add(TokenTrie<ContactCue>.PhraseTokens(row["phrase"]), new ContactCue(row["phrase"], effect, where, mode));
        }
        var frameKinds = new Dictionary<string, List<FrameKind>>(StringComparer.Ordinal);
        foreach (var row in frames)
        {
            var kind = row["kind"] switch
            {
                "clause" => FrameKind.Clause,
                "topic" => FrameKind.Topic,
                "report" => FrameKind.Report,
                "group" => FrameKind.Group,
                "locative" => FrameKind.Locative,
                "motion" => FrameKind.Motion,
                "address" => FrameKind.Address,
                var k => throw new FormatException($"{row.File}:{row.Line}: unknown frame kind '{k}'"),
            };
            var key = string.Join(' ', TokenTrie<int>.PhraseTokens(row["phrase"]));
            if (!frameKinds.TryGetValue(key, out var list))
                frameKinds[key] = list = [];
            list.Add(kind);
        }
        foreach (var (key, kinds) in frameKinds)
            lex.Frames.Add(key.Split(' '), kinds.ToArray());
        return lex;
    }
}
