using Parley.Data;

namespace Parley.Consolidation;

/// <summary>
/// Tells how far a resolved date may be off, from the phrase it was resolved from: "on Friday" or
/// "last week" depend on the reporter's anchor and may miss the true day by a day or more; "on 4 March"
/// does not. Rules come from data/relative_date_phrases.tsv.
/// </summary>
public sealed class LooseDates
{
    private static readonly Lazy<LooseDates> Shared = new(() => FromRows(DataFiles.ReadTsv("relative_date_phrases.tsv")));

    private readonly (string[] Words, int Tolerance)[] _rules;

    private LooseDates((string[] Words, int Tolerance)[] rules) => _rules = rules;

    /// <summary>The rules of data/relative_date_phrases.tsv, read once.</summary>
    public static LooseDates Default => Shared.Value;

    public static LooseDates FromRows(IEnumerable<TsvRow> rows) => new(rows
        .Select(r => (r["words"].Split(' ', StringSplitOptions.RemoveEmptyEntries),
            int.Parse(r["tolerance_days"], System.Globalization.CultureInfo.InvariantCulture)))
        .ToArray());

    /// <summary>
    /// Days either way the true date may lie from the one resolved from <paramref name="phrase"/>: 0 for
    /// an explicit date or no phrase, the largest tolerance of the matching rules otherwise.
    /// </summary>
    public int ToleranceDays(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
            return 0;
        var words = Words(phrase);
        int best = 0;
        foreach (var (ruleWords, tolerance) in _rules)
            if (tolerance > best && ContainsInOrder(words, ruleWords))
                best = tolerance;
        return best;
    }

    private static string[] Words(string phrase)
    {
        Span<char> buffer = phrase.Length <= 256 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        for (int i = 0; i < phrase.Length; i++)
        {
            char c = phrase[i];
            buffer[i] = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';
        }
        return new string(buffer).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool ContainsInOrder(string[] words, string[] rule)
    {
        for (int start = 0; start + rule.Length <= words.Length; start++)
        {
            int k = 0;
            while (k < rule.Length && string.Equals(words[start + k], rule[k], StringComparison.Ordinal))
                k++;
            if (k == rule.Length)
                return true;
        }
        return false;
    }
}
