namespace Parley.Events;

/// <summary>Whether two written names are the same person: equal ignoring case, accents and hyphens,
/// or every word of the shorter (two words at least, or a lone surname) inside the longer.</summary>
public static class NameMatch
{
    public static bool Same(string a, string b)
    {
        if (ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal))
            return true;
        var (wa, ja) = Cached(a);
        var (wb, jb) = Cached(b);
        if (string.Equals(ja, jb, StringComparison.Ordinal))
            return true;
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb) : (wb, wa);
        if (shorter.Length == 0)
            return false;
        foreach (var w in shorter)
            if (Array.IndexOf(longer, w) < 0)
                return false;
        return true;
    }

    // Names repeat within a document and across a corpus: normalise each once per thread.
    [ThreadStatic]
    private static Dictionary<string, (string[] Words, string Joined)>? _cache;

    /// <summary>The words of <paramref name="name"/> as <see cref="Same"/> compares them (lower case, no accents, hyphens and apostrophes joined) and their concatenation.</summary>
    public static (string[] Words, string Joined) Normalised(string name) => Cached(name);

    // In front of it, the last names asked about by identity: within a document the same name strings (a mention's,
    // copied to the participants of each contact) are compared again and again, and an identity hash is kept in the
    // object's header, where an ordinal lookup hashes and compares every character each time.
    [ThreadStatic]
    private static Recent[]? _recent;

    private struct Recent
    {
        public string? Name;
        public (string[] Words, string Joined) Entry;
    }

    private static (string[] Words, string Joined) Cached(string name)
    {
        var recent = _recent ??= new Recent[256];
        ref var slot = ref recent[System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(name) & (256 - 1)];
        if (ReferenceEquals(slot.Name, name))
            return slot.Entry;
        var cache = _cache ??= new Dictionary<string, (string[], string)>(StringComparer.Ordinal);
        if (!cache.TryGetValue(name, out var entry))
        {
            if (cache.Count > 50_000) // bounded: a long run meets ever new names
                cache.Clear();
            var words = Words(name);
            entry = (words, string.Concat(words));
            cache[name] = entry;
        }
        slot.Name = name;
        slot.Entry = entry;
        return entry;
    }

    private static string[] Words(string name)
    {
        // Accents are dropped letter by letter (Text.LatinLetters): under invariant globalization Normalize(FormD) does not
        // decompose, and "Erdoğan" was not "Erdogan".
        var plain = name.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (char.IsLetter(c) && c < 128)
                sb.Append(char.ToLowerInvariant(c));
            else if (Text.LatinLetters.PlainOf(c) is { } letters)
                sb.Append(letters);
            else if (char.IsLetter(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '.' or '\u00A0')
                sb.Append(' ');
            // hyphens and apostrophes join: "Kyu-duk" = "Kyuduk"
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
