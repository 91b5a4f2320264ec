using Parley.Data;

namespace Parley.Text;

/// <summary>
/// The plain lower-case letters of a Latin letter with diacritics ("ğ" g, "É" e, "ß" ss), from data/latin_letters.tsv:
/// Parley runs with invariant globalization, where <see cref="string.Normalize()"/> leaves such letters as they are.
/// </summary>
public static class LatinLetters
{
    private static readonly Dictionary<char, (string Plain, bool Decomposes)> Letters = Load();

    private static Dictionary<char, (string, bool)> Load()
    {
        var map = new Dictionary<char, (string, bool)>();
        foreach (var row in DataFiles.ReadTsv("latin_letters.tsv"))
        {
            var letter = row["letter"];
            if (letter.Length != 1)
                throw new InvalidDataException($"latin_letters.tsv: '{letter}' is not one character");
            map[letter[0]] = (row["plain"], row["decomposes"] == "yes");
        }
        return map;
    }

    /// <summary>The plain letters of <paramref name="c"/>, or null when it is not a Latin letter with diacritics.</summary>
    /// <param name="decomposedOnly">Only what Unicode decomposition gives ("é" e, not "ß" ss): how score.py folds names.</param>
    public static string? PlainOf(char c, bool decomposedOnly = false) =>
        c >= 0xC0 && Letters.TryGetValue(c, out var l) && (l.Decomposes || !decomposedOnly) ? l.Plain : null;
}
