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
        var lines = TextLines.Split(original);
        var reasons = new string?[lines.Count];
        var (latin, other) = Scripts.CountLetters(original);
        bool latinArticle = latin > 2 * other;

        MarkLines(original, lines, reasons, latinArticle);
        MarkTrailingHeadlines(original, lines, reasons);
        return BuildRuns(lines, reasons);
    }

    private void MarkLines(string text, List<TextLine> lines, string?[] reasons, bool latinArticle)
    {
        var seen = new Dictionary<ulong, List<int>>(lines.Count);
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
            if (latinArticle && content.Length <= MaxOtherScriptChars && Scripts.IsMostlyOtherScript(content))
            {
                reasons[i] = "other-script";
                continue;
            }
            if (IsDuplicate(text, lines, i, seen))
                reasons[i] = "duplicate";
        }
    }

    /// <summary>
    /// Records the paragraph's hash and says whether an equal paragraph came before. Paragraphs are
    /// compared with whitespace collapsed and case kept; equal hashes are confirmed by comparison.
    /// </summary>
    private static bool IsDuplicate(string text, List<TextLine> lines, int i, Dictionary<ulong, List<int>> seen)
    {
        var content = lines[i].Content.AsSpan(text);
        var (hash, length, words) = NormalizedHashAndWords(content);
        if (length < MinDuplicateChars || words < 4)
            return false;
        if (seen.TryGetValue(hash, out var earlier))
        {
            foreach (int j in earlier)
            {
                if (NormalizedEquals(lines[j].Content.AsSpan(text), content))
                    return true;
            }
            earlier.Add(i);
        }
        else
            seen[hash] = [i];
        return false;
    }

    /// <summary>FNV-1a over the text with every whitespace run read as one space; also the normalised length.</summary>
    internal static (ulong Hash, int Length) NormalizedHash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        int length = 0;
        bool pendingSpace = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace)
            {
                h = (h ^ ' ') * 1099511628211UL;
                length++;
                pendingSpace = false;
            }
            h = (h ^ c) * 1099511628211UL;
            length++;
        }
        return (h, length);
    }

    /// <summary>
    /// <see cref="NormalizedHash"/> and <see cref="LineShape.WordCount"/> in one pass over the line
    /// (a word starts at each non-whitespace character after whitespace or the start).
    /// </summary>
    private static (ulong Hash, int Length, int Words) NormalizedHashAndWords(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        int length = 0, words = 0;
        bool pendingSpace = false, inWord = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                inWord = false;
                continue;
            }
            if (!inWord)
            {
                words++;
                inWord = true;
            }
            if (pendingSpace)
            {
                h = (h ^ ' ') * 1099511628211UL;
                length++;
                pendingSpace = false;
            }
            h = (h ^ c) * 1099511628211UL;
            length++;
        }
        return (h, length, words);
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
        if (titles < MinHeadlineListLines || j < 0 || !(LineShape.IsProse(body) || LineShape.WordCount(body) > 20))
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
