namespace Parley.Cleaning;

/// <summary>
/// Counts letters by writing system, to spot a stray Korean, Chinese, Cyrillic or Arabic fragment in
/// an English article. Latin here is Basic Latin through Latin Extended-B, IPA and Latin Extended
/// Additional; every other letter counts as another script.
/// </summary>
public static class Scripts
{
    public static bool IsLatinLetter(char c) =>
        c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0xFF21 && c <= 0xFF5A);

    /// <summary>Letters in Latin and in other scripts.</summary>
    public static (int Latin, int Other) CountLetters(ReadOnlySpan<char> text)
    {
        int latin = 0, other = 0;
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                // ASCII, most of any English page: a letter is A-Z or a-z, and Latin.
                if ((uint)((c | 0x20) - 'a') <= 'z' - 'a')
                    latin++;
                continue;
            }
            if (!char.IsLetter(c))
                continue;
            if (IsLatinLetter(c))
                latin++;
            else
                other++;
        }
        return (latin, other);
    }

    /// <summary>True when most letters of <paramref name="text"/> are not Latin.</summary>
    public static bool IsMostlyOtherScript(ReadOnlySpan<char> text)
    {
        // Every letter below U+0250 is Latin: a line without such characters has no other-script letter.
        if (text.IndexOfAnyExceptInRange('\0', '\u024F') < 0)
            return false;
        var (latin, other) = CountLetters(text);
        return other > 0 && other > latin;
    }
}
