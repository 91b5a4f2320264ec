namespace Parley.Events;

/// <summary>Whether two written names are the same person: equal ignoring case, accents and hyphens,
/// or every word of the shorter (two words at least, or a lone surname) inside the longer.</summary>
public static class NameMatch
{
    public static bool Same(string a, string b)
    {
        var wa = Words(a);
        var wb = Words(b);
        if (string.Join("", wa) == string.Join("", wb))
            return true;
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        if (shorter.Length == 0)
            return false;
        return shorter.All(w => longer.Contains(w, StringComparer.Ordinal));
    }

    private static string[] Words(string name)
    {
        var plain = name.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (char.IsLetter(c) && c < 128)
                sb.Append(char.ToLowerInvariant(c));
            else if (char.IsLetter(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '.' or '\u00A0')
                sb.Append(' ');
            // hyphens and apostrophes join: "Kyu-duk" = "Kyuduk"
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
