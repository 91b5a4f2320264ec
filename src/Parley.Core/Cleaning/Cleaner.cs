using System.Runtime.InteropServices;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Cleaning;

/// <summary>
/// Drops web boilerplate, doubled paragraphs and stray fragments in other scripts from the original,
/// keeping a map back to it. Cleaning only deletes whole lines (with their line breaks), so the
/// cleaned text keeps one paragraph per line and every character maps to one original character.
/// </summary>
/// <remarks>
/// Reasons reported: the boilerplate rule's reason ("boilerplate", "cookie-notice", "photo-credit",
/// "related-links"), "duplicate" (a later copy of a paragraph), "other-script" (a short line mostly in
/// Hangul, CJK, Cyrillic, Arabic ... inside a Latin-script article) and "headline-list" (a run of
/// title-like lines after the article body ends).
/// </remarks>
public sealed class Cleaner : IDocumentComponent
{
    /// <summary>Paragraphs shorter than this (after whitespace is collapsed) are never treated as duplicates: "-", "Politics".</summary>
    public const int MinDuplicateChars = 25;

    /// <summary>The longest line that may be dropped as a stray fragment in another script.</summary>
    public const int MaxOtherScriptChars = 200;

    /// <summary>The fewest title-like lines that make a trailing run a list of other headlines.</summary>
    public const int MinHeadlineListLines = 3;

    private readonly BoilerplateRules _rules;

    /// <summary>Per-thread working storage of <see cref="Find"/>, reused from one article to the next.</summary>
    private sealed class Buffers
    {
        public readonly List<TextLine> Lines = new(256);
        public string?[] Reasons = new string?[256];

        /// <summary>Duplicate key (see TryDuplicateKey) → the first line with it; further lines with that key chain through <see cref="NextSameHash"/>.</summary>
        public readonly Dictionary<ulong, int> FirstWithHash = new();
        public int[] NextSameHash = new int[256];
    }

    [ThreadStatic]
    private static Buffers? t_buffers;

    public Cleaner()
        : this(BoilerplateRules.Default) { }

    public Cleaner(BoilerplateRules rules) => _rules = rules;

    public string Name => "cleaner";

    public IReadOnlyList<string> Requires { get; } = [Layers.Source];

    public IReadOnlyList<string> Assigns { get; } = [Layers.CleanText];

    public void Process(Document doc) => doc.ApplyRemovals(Find(doc.Original));

    /// <summary>The runs of <paramref name="original"/> to drop, with the default rules, in original offsets.</summary>
    public static IReadOnlyList<RemovedRun> FindRemovals(string original) => new Cleaner().Find(original);

    /// <summary>The runs of <paramref name="original"/> to drop, in original offsets, sorted and disjoint.</summary>
    public IReadOnlyList<RemovedRun> Find(string original)
    {
        var buffers = t_buffers ??= new Buffers();
        var lines = buffers.Lines;
        TextLines.Split(original, lines);
        if (buffers.Reasons.Length < lines.Count)
        {
            buffers.Reasons = new string?[lines.Count * 2];
            buffers.NextSameHash = new int[lines.Count * 2];
        }
        var reasons = buffers.Reasons;
        Array.Clear(reasons, 0, lines.Count);

        MarkLines(original, lines, reasons, buffers);
        MarkTrailingHeadlines(original, lines, reasons);
        return BuildRuns(lines, reasons);
    }

    private void MarkLines(string text, List<TextLine> lines, string?[] reasons, Buffers buffers)
    {
        buffers.FirstWithHash.Clear();
        int latinArticle = -1; // counted on first need: -1 not yet, 0 no, 1 yes
        string? sectionReason = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
                continue;
            var content = line.Content.AsSpan(text);
            if (sectionReason is not null)
            {
                if (!LineShape.IsProse(content))
                {
                    reasons[i] = sectionReason;
                    continue;
                }
                sectionReason = null;
            }
            if (_rules.Match(content) is { } rule)
            {
                reasons[i] = rule.Reason;
                if (rule.Match == BoilerplateMatch.SectionStart)
                    sectionReason = rule.Reason;
                continue;
            }
            if (content.Length <= MaxOtherScriptChars && Scripts.IsMostlyOtherScript(content) && IsLatinArticle(text, ref latinArticle))
            {
                reasons[i] = "other-script";
                continue;
            }
            if (IsDuplicate(text, lines, i, buffers))
                reasons[i] = "duplicate";
        }
    }

    /// <summary>Whether the article is written in Latin script: more than twice as many Latin letters as others.</summary>
    private static bool IsLatinArticle(string text, ref int known)
    {
        if (known < 0)
        {
            var (latin, other) = Scripts.CountLetters(text);
            known = latin > 2 * other ? 1 : 0;
        }
        return known == 1;
    }

    /// <summary>
    /// Records the paragraph's key and says whether an equal paragraph came before. Paragraphs are
    /// compared with whitespace collapsed and case kept; equal keys are confirmed by comparison.
    /// </summary>
    private static bool IsDuplicate(string text, List<TextLine> lines, int i, Buffers buffers)
    {
        var content = lines[i].Content.AsSpan(text);
        if (content.Length < MinDuplicateChars || !TryDuplicateKey(content, out ulong key))
            return false; // (collapsing whitespace only shortens a text)
        var next = buffers.NextSameHash;
        next[i] = -1;
        ref int first = ref CollectionsMarshal.GetValueRefOrAddDefault(buffers.FirstWithHash, key, out bool exists);
        if (!exists)
        {
            first = i;
            return false;
        }
        int last = -1;
        for (int j = first; j >= 0; j = next[j])
        {
            if (NormalizedEquals(lines[j].Content.AsSpan(text), content))
                return true;
            last = j;
        }
        next[last] = i;
        return false;
    }

    /// <summary>How many non-whitespace characters of a paragraph its duplicate key covers.</summary>
    private const int KeyChars = 32;

    /// <summary>
    /// The key under which a paragraph is looked for among earlier ones: a hash of its first
    /// <see cref="KeyChars"/> non-whitespace characters (paragraphs equal with whitespace collapsed
    /// have equal keys). Reading stops there, so a long paragraph costs no more than a short one;
    /// equal keys are confirmed by <see cref="NormalizedEquals"/>. False for a paragraph too short to
    /// be a duplicate: fewer than <see cref="MinDuplicateChars"/> characters with whitespace
    /// collapsed, or fewer than four words.
    /// </summary>
    private static bool TryDuplicateKey(ReadOnlySpan<char> s, out ulong key)
    {
        // Counting with arithmetic rather than branches on whitespace, which go both ways every few characters.
        Span<char> prefix = stackalloc char[KeyChars + 1]; // the last slot takes the characters after the key
        int chars = 0, words = 0, inWord = 0;
        foreach (char c in s)
        {
            int space = char.IsWhiteSpace(c) ? 1 : 0;
            prefix[Math.Min(chars, KeyChars)] = c;
            chars += space ^ 1;
            words += (inWord | space) ^ 1;
            inWord = space ^ 1;
            if (chars >= KeyChars && words >= 4)
                break;
        }
        key = BlockHash(prefix[..Math.Min(chars, KeyChars)]);
        int normalizedLength = chars + Math.Max(words - 1, 0); // one space between words
        return normalizedLength >= MinDuplicateChars && words >= 4;
    }

    /// <summary>A multiplicative hash over four characters at a time (any hash does: equal keys are confirmed).</summary>
    private static ulong BlockHash(ReadOnlySpan<char> s)
    {
        const ulong Prime = 0x9E3779B97F4A7C15UL;
        ulong h = (ulong)s.Length;
        var blocks = MemoryMarshal.Cast<char, ulong>(s);
        foreach (ulong b in blocks)
        {
            h = (h ^ b) * Prime;
            h ^= h >> 29;
        }
        for (int k = blocks.Length * 4; k < s.Length; k++)
        {
            h = (h ^ s[k]) * Prime;
            h ^= h >> 29;
        }
        return h;
    }

    internal static bool NormalizedEquals(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            bool wa = SkipSpace(a, ref i);
            bool wb = SkipSpace(b, ref j);
            bool endA = i >= a.Length, endB = j >= b.Length;
            if (endA || endB)
                return endA && endB;
            if (wa != wb || a[i] != b[j])
                return false;
            i++;
            j++;
        }

        static bool SkipSpace(ReadOnlySpan<char> s, ref int k)
        {
            bool any = false;
            while (k < s.Length && char.IsWhiteSpace(s[k]))
            {
                k++;
                any = true;
            }
            return any;
        }
    }

    /// <summary>
    /// After the body ends, pages list other stories: a run of short title-like lines (often
    /// separated by "-") that reaches the end of the text. Walking back from the end over blank,
    /// separator, already-dropped and title-like lines, a run of at least
    /// <see cref="MinHeadlineListLines"/> titles that follows article prose (or a long caption) is dropped.
    /// </summary>
    private static void MarkTrailingHeadlines(string text, List<TextLine> lines, string?[] reasons)
    {
        int titles = 0;
        int j = lines.Count - 1;
        for (; j >= 0; j--)
        {
            var line = lines[j];
            if (line.IsBlank || reasons[j] is not null)
                continue;
            var content = line.Content.AsSpan(text);
            if (LineShape.IsSeparatorOnly(content))
                continue;
            if (LineShape.IsTitleLike(content))
            {
                titles++;
                continue;
            }
            break;
        }
        var body = j < 0 ? default : lines[j].Content.AsSpan(text);
        if (titles < MinHeadlineListLines || j < 0 || !(LineShape.IsProse(body) || LineShape.WordCount(body, 21) > 20))
            return;
        for (int k = j + 1; k < lines.Count; k++)
        {
            if (!lines[k].IsBlank && reasons[k] is null)
                reasons[k] = "headline-list";
        }
    }

    /// <summary>
    /// Turns dropped lines into runs of the original. A dropped line takes its line break with it;
    /// when it stands at a paragraph break (after a blank line or at the start), the blank lines after
    /// it go too, so the cleaned text does not pile up empty lines. Adjacent runs with the same
    /// reason merge.
    /// </summary>
    private static List<RemovedRun> BuildRuns(List<TextLine> lines, string?[] reasons)
    {
        var runs = new List<RemovedRun>();
        bool atBreak = true;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (reasons[i] is not { } reason)
            {
                atBreak = line.IsBlank;
                continue;
            }
            int start = line.Span.Start;
            int end = line.Next;
            if (atBreak)
            {
                while (i + 1 < lines.Count && lines[i + 1].IsBlank)
                {
                    i++;
                    end = lines[i].Next;
                }
            }
            if (runs.Count > 0 && runs[^1].Span.End == start && runs[^1].Reason == reason)
                runs[^1] = runs[^1] with { Span = new TextSpan(runs[^1].Span.Start, end) };
            else
                runs.Add(new RemovedRun(new TextSpan(start, end), reason));
        }
        return runs;
    }
}
