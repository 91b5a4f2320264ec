using Parley.Data;

namespace Parley.Documents;

/// <summary>One outlet or wire agency of data/outlets.tsv.</summary>
public sealed record Outlet(string Name, string Kind, string? Country = null);

/// <summary>The outlets and their name forms of data/outlets.tsv, looked up case-insensitively; built once.</summary>
public sealed class OutletLexicon
{
    private static readonly Lazy<OutletLexicon> Shared = new(() => new OutletLexicon(DataFiles.ReadTsv("outlets.tsv")));

    private readonly Dictionary<string, Outlet>.AlternateLookup<ReadOnlySpan<char>> _byName;

    public OutletLexicon(IReadOnlyList<TsvRow> rows)
    {
        var map = new Dictionary<string, Outlet>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var outlet = new Outlet(row["name"], row["kind"], row["country"] is { Length: 3 } c ? c : null);
            map.TryAdd(outlet.Name, outlet);
            foreach (var p in row.List("patterns"))
                map.TryAdd(p, outlet);
        }
        _byName = map.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = map.Count;
    }

    public static OutletLexicon Default => Shared.Value;

    /// <summary>How many name forms are known.</summary>
    public int Count { get; }

    /// <summary>The outlet a whole name form stands for ("Yonhap", "(the) Associated Press"), or null.</summary>
    public Outlet? Find(ReadOnlySpan<char> name)
    {
        name = name.Trim().TrimEnd('.').Trim();
        if (name.IsEmpty || name.Length > 60)
            return null;
        return _byName.TryGetValue(name, out var o) ? o : null;
    }

    /// <summary>
    /// The longest outlet name at the start of <paramref name="text"/>, ending at a word boundary or
    /// where a glued word begins ("YonhapPublished" gives Yonhap, "TimesLIVE By" gives TimesLIVE).
    /// </summary>
    public Outlet? FindAtStart(ReadOnlySpan<char> text)
    {
        int limit = Math.Min(text.Length, 60);
        Outlet? best = null;
        for (int e = 1; e <= limit; e++)
        {
            bool boundary = e == text.Length || !char.IsLetterOrDigit(text[e])
                || (char.IsLower(text[e - 1]) && char.IsUpper(text[e]));
            if (!boundary || !char.IsLetterOrDigit(text[e - 1]))
                continue;
            if (_byName.TryGetValue(text[..e], out var o))
                best = o;
        }
        return best;
    }
}
