using Parley.Data;

namespace Parley.Consolidation;

/// <summary>
/// Maps the many ways news names an office to one key ("South Korea's top nuclear envoy" and
/// "special representative for Korean Peninsula peace and security affairs" → kor-nuclear-envoy),
/// from data/role_aliases.tsv. A role no row covers is keyed by its own normalised text.
/// </summary>
public sealed class RoleAliases
{
    private static readonly Lazy<RoleAliases> Shared = new(() => FromRows(DataFiles.ReadTsv("role_aliases.tsv")));

    private readonly (string Phrase, string Key, string? Country)[] _phrases;

    private RoleAliases((string, string, string?)[] phrases) =>
        _phrases = phrases.OrderByDescending(p => p.Item1.Length).ToArray();

    public static RoleAliases Default => Shared.Value;

    public static RoleAliases FromRows(IEnumerable<TsvRow> rows) => new(rows
        .SelectMany(r => r.List("phrases").Select(p => (Normalize(p), r["key"], r["country"].Length == 0 ? null : r["country"])))
        .ToArray());

    /// <summary>
    /// The office key of a role held by someone of <paramref name="country"/>; country-specific rows
    /// only apply to their country. Null for an empty role.
    /// </summary>
    public string? KeyOf(string? role, string? country)
    {
        if (string.IsNullOrWhiteSpace(role))
            return null;
        var norm = Normalize(role);
        return OfficeOf(norm, country) ?? (norm.StartsWith("the ", StringComparison.Ordinal) ? norm[4..] : norm);
    }

    /// <summary>The key of the row the role belongs to ("foreign-minister" for "top diplomat"), or null when no row names it.</summary>
    public string? OfficeKeyOf(string? role, string? country) =>
        string.IsNullOrWhiteSpace(role) ? null : OfficeOf(Normalize(role), country);

    private string? OfficeOf(string norm, string? country)
    {
        foreach (var (phrase, key, c) in _phrases)
        {
            if (c is not null && !string.Equals(c, country, StringComparison.Ordinal))
                continue;
            if (ContainsWords(norm, phrase))
                return key;
        }
        return null;
    }

    /// <summary>Lower case, letters and digits only, single spaces (hyphens become spaces).</summary>
    public static string Normalize(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = true;
        foreach (var ch in s)
        {
            if (char.IsLetterOrDigit(ch) || ch == '\'')
            {
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }

    private static bool ContainsWords(string text, string phrase)
    {
        int i = 0;
        while ((i = text.IndexOf(phrase, i, StringComparison.Ordinal)) >= 0)
        {
            bool startOk = i == 0 || text[i - 1] == ' ';
            int end = i + phrase.Length;
            bool endOk = end == text.Length || text[end] == ' ';
            if (startOk && endOk)
                return true;
            i++;
        }
        return false;
    }
}
