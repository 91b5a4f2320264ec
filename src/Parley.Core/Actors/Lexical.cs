namespace Parley.Actors;

/// <summary>
/// A bit per name key's length and first and last characters, set for every key of a table: a key whose bit is not
/// set is not in the table, and a lookup can skip hashing it.
/// </summary>
internal sealed class NameKeyFilter
{
    private readonly ulong[] _bits;
    private readonly int _mask;

    /// <param name="bits">A power of two, 64 or more.</param>
    public NameKeyFilter(int bits)
    {
        _bits = new ulong[bits / 64];
        _mask = bits - 1;
    }

    private int Bit(ReadOnlySpan<char> key) =>
        key.IsEmpty ? 0 : (int)(((uint)key.Length * 0x9E3779B1u ^ key[0] * 0x85EBCA77u ^ key[^1] * 0xC2B2AE3Du) >> 7) & _mask;

    public void Add(ReadOnlySpan<char> key)
    {
        int bit = Bit(key);
        _bits[bit >> 6] |= 1UL << (bit & 63);
    }

    public bool MayContain(ReadOnlySpan<char> key)
    {
        int bit = Bit(key);
        return (_bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    public void Clear() => Array.Clear(_bits);
}

/// <summary>Small helpers over the characters of a token.</summary>
internal static class Lexical
{
    /// <summary>"China's" gives "China"; "Koreas" and "'s" alone give false.</summary>
    public static bool StripPossessive(ReadOnlySpan<char> word, out ReadOnlySpan<char> stem)
    {
        if (word.Length > 2 && (word[^1] is 's' or 'S') && word[^2] is '\'' or '\u2019')
        {
            stem = word[..^2];
            return true;
        }
        stem = word;
        return false;
    }

    public static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    /// <summary>Two or more letters, all upper case: "US", "ROK", "NATO".</summary>
    public static bool IsAcronym(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }

    /// <summary>A key for comparing names as written: lower case, hyphens and extra spaces as one space, no possessive.</summary>
    public static string NormaliseName(ReadOnlySpan<char> name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        return new string(buffer[..NormaliseName(name, buffer)]);
    }

    /// <summary>Writes the key of <see cref="NormaliseName(ReadOnlySpan{char})"/> into <paramref name="buffer"/> (as long as the name at least) and returns its length.</summary>
    public static int NormaliseName(ReadOnlySpan<char> name, Span<char> buffer)
    {
        int n = 0;
        bool space = false;
        if (StripPossessive(name, out var stem))
            name = stem;
        foreach (char c in name)
        {
            if (c == '.')
                continue; // "S. Jaishankar" and "S Jaishankar"
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011')
            {
                space = n > 0;
                continue;
            }
            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }
            buffer[n++] = c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
        }
        return n;
    }
}
