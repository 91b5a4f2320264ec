using Parley.Text;
using System.Buffers;
using System.Globalization;
using Parley.Data;

namespace Parley.Cleaning;

/// <summary>How a boilerplate rule matches a line.</summary>
public enum BoilerplateMatch
{
    LineExact,
    LinePrefix,
    LineContains,
    SectionStart,
}

/// <summary>One row of data/boilerplate.tsv.</summary>
public sealed record BoilerplateRule(string Pattern, BoilerplateMatch Match, int MaxChars, string Reason);

/// <summary>
/// The boilerplate line rules of data/boilerplate.tsv. A rule only ever judges a whole trimmed line
/// (never text inside a paragraph) and only lines no longer than its <c>max_chars</c>.
/// </summary>
public sealed class BoilerplateRules
{
    private const string NumberToken = "{number}";
    private const string EmailToken = "{email}";
    private const string UrlToken = "{url}";

    private static readonly Lazy<BoilerplateRules> Shared = new(() => FromRows(DataFiles.ReadTsv("boilerplate.tsv")));

    private readonly Dictionary<string, BoilerplateRule> _exact;
    private readonly BoilerplateRule[] _scanned;
    private readonly ulong[] _scannedLetters; // per scanned rule: the ASCII letters its pattern needs (see LetterMask)
    private readonly char[] _scannedFirst; // per scanned rule: its pattern's first character folded (FoldAscii), or '\0'
    private readonly SearchValues<string> _contained; // the patterns of the rules that are not prefixes and may match long lines
    private readonly int[] _scannedAnchor; // per scanned rule: where its pattern's rarest ASCII letter is (see Contains), or -1
    private readonly int _exactMaxChars; // the largest max_chars of the exact rules
    private readonly int[] _scannedLimits; // the distinct max_chars of the scanned rules, ascending
    private readonly int[][] _scannedWithin; // per limit: the scanned rules (indexes, in file order) whose max_chars reaches it
    private readonly BoilerplateRule? _number;
    private readonly BoilerplateRule? _email;
    private readonly BoilerplateRule? _url;

    private BoilerplateRules(IReadOnlyList<BoilerplateRule> rules)
    {
        Rules = rules;
        _exact = new Dictionary<string, BoilerplateRule>(StringComparer.OrdinalIgnoreCase);
        var scanned = new List<BoilerplateRule>();
        foreach (var r in rules)
        {
            if (r.Match != BoilerplateMatch.LineExact)
                scanned.Add(r);
            else if (r.Pattern == NumberToken)
                _number = r;
            else if (r.Pattern == EmailToken)
                _email = r;
            else if (r.Pattern == UrlToken)
                _url = r;
            else if (_exact.TryAdd(TrimDecoration(r.Pattern).ToString(), r))
                _exactMaxChars = Math.Max(_exactMaxChars, r.MaxChars);
        }
        _scanned = scanned.ToArray();
        _scannedLimits = _scanned.Select(r => r.MaxChars).Distinct().Order().ToArray();
        _scannedWithin = _scannedLimits
            .Select(limit => Enumerable.Range(0, _scanned.Length).Where(i => _scanned[i].MaxChars >= limit).ToArray())
            .ToArray();
        _scannedLetters = new ulong[_scanned.Length];
        _scannedFirst = new char[_scanned.Length];
        _scannedAnchor = new int[_scanned.Length];
        _contained = SearchValues.Create(
            _scanned.Where(r => r.Match != BoilerplateMatch.LinePrefix && r.MaxChars > MaskedLineChars).Select(r => r.Pattern).Distinct().ToArray(),
            StringComparison.OrdinalIgnoreCase);
        for (int i = 0; i < _scanned.Length; i++)
        {
            _scannedLetters[i] = LetterMask(_scanned[i].Pattern);
            _scannedFirst[i] = _scanned[i].Pattern.Length > 0 ? FoldAscii(_scanned[i].Pattern[0]) : '\0';
            _scannedAnchor[i] = AnchorOf(_scanned[i].Pattern);
        }
    }

    /// <summary>ASCII letters from the rarest in English text to the most frequent.</summary>
    private const string LettersByRarity = "zqxjkvbpygfwmucldrhsnioate";

    /// <summary>The position of the pattern's rarest ASCII letter, or -1 when it has none.</summary>
    private static int AnchorOf(string pattern)
    {
        int best = -1, bestRank = int.MaxValue;
        for (int k = 0; k < pattern.Length; k++)
        {
            int rank = pattern[k] < 0x80 ? LettersByRarity.IndexOf((char)(pattern[k] | 0x20)) : -1;
            if (rank >= 0 && rank < bestRank && char.IsAsciiLetter(pattern[k]))
            {
                best = k;
                bestRank = rank;
            }
        }
        return best;
    }

    /// <summary><c>line.Contains(pattern, OrdinalIgnoreCase)</c>, searched from the pattern's rarest letter (see <see cref="TextSearch"/>).</summary>
    private static bool Contains(ReadOnlySpan<char> line, string pattern, int anchor) => TextSearch.ContainsIgnoreCase(line, pattern, anchor);

    /// <summary>Lines up to this long get their <see cref="LetterMask"/> before patterns are searched in them.</summary>
    private const int MaskedLineChars = 64;

    /// <summary>
    /// An ASCII character with letters in lower case; '\0' for a non-ASCII one, whose case-insensitive
    /// matches are not worked out here. Two ASCII characters match ignoring case exactly when their folds are equal.
    /// </summary>
    private static char FoldAscii(char c)
    {
        if (c >= 0x80)
            return '\0';
        return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? (char)(c | 0x20) : c;
    }

    /// <summary>
    /// The ASCII letters (a-z, either case) of the text as bits. A line can only contain a pattern,
    /// ignoring case, when it has every ASCII letter the pattern has (under OrdinalIgnoreCase no
    /// character outside ASCII equals an ASCII one): most lines rule out most rules this way.
    /// </summary>
    private static ulong LetterMask(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (char c in text)
        {
            int lower = c | 0x20;
            if (lower is >= 'a' and <= 'z')
                mask |= 1UL << (lower - 'a');
        }
        return mask;
    }

    /// <summary>The rules shipped in data/boilerplate.tsv, loaded once.</summary>
    public static BoilerplateRules Default => Shared.Value;

    public IReadOnlyList<BoilerplateRule> Rules { get; }

    public static BoilerplateRules FromRows(IReadOnlyList<TsvRow> rows)
    {
        var rules = new List<BoilerplateRule>(rows.Count);
        foreach (var row in rows)
        {
            var match = row["match"] switch
            {
                "line_exact" => BoilerplateMatch.LineExact,
                "line_prefix" => BoilerplateMatch.LinePrefix,
                "line_contains" => BoilerplateMatch.LineContains,
                "section_start" => BoilerplateMatch.SectionStart,
                var other => throw new FormatException($"{row.File}:{row.Line}: unknown match '{other}' (expected line_exact, line_prefix, line_contains or section_start)"),
            };
            if (!int.TryParse(row["max_chars"], NumberStyles.None, CultureInfo.InvariantCulture, out int max))
                throw new FormatException($"{row.File}:{row.Line}: max_chars '{row["max_chars"]}' is not a number");
            rules.Add(new BoilerplateRule(row["pattern"], match, max, row["reason"]));
        }
        return new BoilerplateRules(rules);
    }

    /// <summary>The rule that matches a whole trimmed line, or null.</summary>
    public BoilerplateRule? Match(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
            return null;
        var core = TrimDecoration(line);
        if (core.Length <= 60)
        {
            var lookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
            if (line.Length <= _exactMaxChars && lookup.TryGetValue(core, out var exact) && line.Length <= exact.MaxChars)
                return exact;
            if (_number is not null && line.Length <= _number.MaxChars && IsCounter(core))
                return _number;
        }
        if (!core.ContainsAny(' ', '\t')) // an e-mail address or a URL is a single word
        {
            if (_email is not null && line.Length <= _email.MaxChars && IsEmail(core))
                return _email;
            if (_url is not null && line.Length <= _url.MaxChars && IsUrl(core))
                return _url;
        }
        // Cheap tests rule out most patterns before a comparison: a prefix must start with the line's
        // first character; on a short line, a contained pattern's letters must all be in the line.
        char first = FoldAscii(line[0]);
        ulong letters = 0;
        bool lettersKnown = false;
        int anyContained = -1; // whether the line contains some pattern at all, found on first need: -1 not yet, 0 no, 1 yes
        foreach (int i in RulesWithin(line.Length))
        {
            var r = _scanned[i];
            if (r.Match == BoilerplateMatch.LinePrefix)
            {
                if (first != '\0' && _scannedFirst[i] != '\0' && first != _scannedFirst[i])
                    continue;
                if (line.StartsWith(r.Pattern, StringComparison.OrdinalIgnoreCase))
                    return r;
                continue;
            }
            if (line.Length <= MaskedLineChars)
            {
                if (!lettersKnown)
                {
                    letters = LetterMask(line);
                    lettersKnown = true;
                }
                if ((_scannedLetters[i] & ~letters) != 0)
                    continue;
            }
            else
            {
                // A long line is searched once for all patterns; most lines contain none.
                if (anyContained < 0)
                    anyContained = line.ContainsAny(_contained) ? 1 : 0;
                if (anyContained == 0)
                    continue;
            }
            if (Contains(line, r.Pattern, _scannedAnchor[i]))
                return r;
        }
        return null;
    }

    /// <summary>The scanned rules whose max_chars admits a line of <paramref name="length"/> characters, in file order.</summary>
    private ReadOnlySpan<int> RulesWithin(int length)
    {
        for (int k = 0; k < _scannedLimits.Length; k++)
        {
            if (_scannedLimits[k] >= length)
                return _scannedWithin[k];
        }
        return [];
    }

    /// <summary>The line without trailing ':', '|', '>' and spaces, which menus add around labels.</summary>
    private static ReadOnlySpan<char> TrimDecoration(ReadOnlySpan<char> s) => s.Trim().TrimEnd(" :|>»›\t".AsSpan());

    /// <summary>"439", "1,024", "1.2K", "15 k": a share or comment counter.</summary>
    private static bool IsCounter(ReadOnlySpan<char> s)
    {
        int digits = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c))
                digits++;
            else if (c is ',' or '.' && i > 0 && i < s.Length - 1)
                continue;
            else if (i == s.Length - 1 && c is 'K' or 'k' or 'M' or 'm' && digits > 0)
                continue;
            else if (c == ' ' && i == s.Length - 2)
                continue;
            else
                return false;
        }
        return digits is > 0 and <= 9;
    }

    private static bool IsEmail(ReadOnlySpan<char> s)
    {
        int at = s.IndexOf('@');
        return at > 0 && s.IndexOfAny(' ', '\t') < 0 && s[(at + 1)..].Contains('.') && s.LastIndexOf('@') == at;
    }

    private static bool IsUrl(ReadOnlySpan<char> s) =>
        s.IndexOfAny(' ', '\t') < 0
        && (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase));
}
