using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Parley.Text;

namespace Parley.Segmentation;

/// <summary>
/// Splits text into words, numbers and punctuation without allocating per token. A word keeps inner
/// hyphens and apostrophes ("Kyu-duk", "Côte d'Ivoire" gives "Côte", "d'Ivoire"); a full stop is always
/// its own token so "U.S." is "U", ".", "S", "." and the segmenter decides what it means.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokens of the text being split, per thread: the caller's list then grows once, to its final size.</summary>
    [ThreadStatic]
    private static Token[]? t_buffer;

    public static void Tokenize(string text, List<Token> tokens)
    {
        var buffer = t_buffer ?? new Token[1024];
        int count = Tokenize(text, ref buffer);
        t_buffer = buffer;
        tokens.EnsureCapacity(tokens.Count + count);
        tokens.AddRange(buffer.AsSpan(0, count));
    }

    private static int Tokenize(string text, ref Token[] buffer)
    {
        int count = 0;
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (c == ' ') // most gaps between tokens
            {
                i++;
                continue;
            }
            int start = i;
            TokenKind kind;
            if (IsLetter(c))
            {
                i = WordEnd(text, i + 1);
                kind = TokenKind.Word;
            }
            else if (IsDigit(c))
            {
                i = NumberEnd(text, i + 1);
                kind = TokenKind.Number;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            else
            {
                i++;
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }
            if (count == buffer.Length)
                Array.Resize(ref buffer, count * 2);
            buffer[count++] = new Token(new TextSpan(start, i), kind);
        }
        return count;
    }

    /// <summary>The end of a word whose first letter is before <paramref name="i"/>.</summary>
    private static int WordEnd(string text, int i)
    {
        int n = text.Length;
        while (i < n)
        {
            i = AsciiLetterOrDigitRunEnd(text, i);
            if (i >= n)
                break;
            char d = text[i];
            if (IsAsciiLetterOrDigit(d) || (d >= 0x80 && (char.IsLetterOrDigit(d) || d == '\u0301')))
            {
                i++;
                continue;
            }
            if ((d is '-' or '\'' or '\u2019' or '\u2010' or '\u2011') && i + 1 < n && IsLetterOrDigit(text[i + 1]))
            {
                i += 2;
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>
    /// The first position from <paramref name="i"/> that is not an ASCII letter or digit (or the end
    /// of the text), sixteen characters at a time: the rest of a word costs one vector test instead
    /// of a test and a branch per letter.
    /// </summary>
    private static int AsciiLetterOrDigitRunEnd(string text, int i)
    {
        if (!Vector256.IsHardwareAccelerated)
            return i;
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
        {
            var c = Vector256.LoadUnsafe(ref start, (nuint)i);
            var letter = Vector256.LessThanOrEqual((c | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
            var digit = Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
            uint other = ~Vector256.ExtractMostSignificantBits(letter | digit) & 0xFFFF;
            if (other != 0)
                return i + BitOperations.TrailingZeroCount(other);
        }
        return i; // the last few characters go one by one
    }

    /// <summary>The end of a number whose first digit is before <paramref name="i"/>.</summary>
    private static int NumberEnd(string text, int i)
    {
        int n = text.Length;
        while (i < n)
        {
            char d = text[i];
            if (IsDigit(d))
            {
                i++;
                continue;
            }
            if ((d is ',' or '.' or ':') && i + 1 < n && IsDigit(text[i + 1]))
            {
                i += 2;
                continue;
            }
            if (d == '-' && i + 1 < n && IsLetterOrDigit(text[i + 1]))
            {
                i += 2;
                continue;
            }
            if (IsLetter(d))
            {
                i++; // "1950s", "30th", "9:27a"
                continue;
            }
            break;
        }
        return i;
    }

    // char.IsLetter, IsDigit and IsLetterOrDigit, with the answer for ASCII (most of any English text) worked
    // out inline: an ASCII letter is A-Z or a-z, an ASCII digit 0-9.
    private static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    private static bool IsLetter(char c) => c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    private static bool IsDigit(char c) => c < 0x80 ? (uint)(c - '0') <= 9 : char.IsDigit(c);

    private static bool IsLetterOrDigit(char c) => c < 0x80 ? IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);
}
