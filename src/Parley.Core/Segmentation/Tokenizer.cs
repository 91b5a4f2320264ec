using Parley.Text;

namespace Parley.Segmentation;

/// <summary>
/// Splits text into words, numbers and punctuation without allocating per token. A word keeps inner
/// hyphens and apostrophes ("Kyu-duk", "Côte d'Ivoire" gives "Côte", "d'Ivoire"); a full stop is always
/// its own token so "U.S." is "U", ".", "S", "." and the segmenter decides what it means.
/// </summary>
public static class Tokenizer
{
    /// <summary>What <see cref="char.IsWhiteSpace"/>, <see cref="char.IsLetter"/>, <see cref="char.IsDigit"/> and <see cref="char.IsPunctuation"/> say of a character.</summary>
    [Flags]
    private enum CharClass : byte
    {
        None = 0,
        Space = 1,
        Letter = 2,
        Digit = 4,
        Punctuation = 8,
        LetterOrDigit = Letter | Digit,
    }

    /// <summary>The classes of the ASCII characters, looked up instead of asked for (most of any English text).</summary>
    private static readonly CharClass[] AsciiClasses = BuildAsciiClasses();

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
            var cls = ClassOf(text[i]);
            if ((cls & CharClass.Space) != 0)
            {
                i++;
                continue;
            }
            int start = i;
            TokenKind kind;
            if ((cls & CharClass.Letter) != 0)
            {
                i = WordEnd(text, i + 1);
                kind = TokenKind.Word;
            }
            else if ((cls & CharClass.Digit) != 0)
            {
                i = NumberEnd(text, i + 1);
                kind = TokenKind.Number;
            }
            else
            {
                i++;
                kind = (cls & CharClass.Punctuation) != 0 ? TokenKind.Punctuation : TokenKind.Symbol;
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
            char d = text[i];
            if ((ClassOf(d) & CharClass.LetterOrDigit) != 0 || d == '\u0301')
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

    /// <summary>The end of a number whose first digit is before <paramref name="i"/>.</summary>
    private static int NumberEnd(string text, int i)
    {
        int n = text.Length;
        while (i < n)
        {
            char d = text[i];
            var cls = ClassOf(d);
            if ((cls & CharClass.Digit) != 0)
            {
                i++;
                continue;
            }
            if ((d is ',' or '.' or ':') && i + 1 < n && (ClassOf(text[i + 1]) & CharClass.Digit) != 0)
            {
                i += 2;
                continue;
            }
            if (d == '-' && i + 1 < n && IsLetterOrDigit(text[i + 1]))
            {
                i += 2;
                continue;
            }
            if ((cls & CharClass.Letter) != 0)
            {
                i++; // "1950s", "30th", "9:27a"
                continue;
            }
            break;
        }
        return i;
    }

    private static bool IsLetterOrDigit(char c) => (ClassOf(c) & CharClass.LetterOrDigit) != 0;

    private static CharClass ClassOf(char c) => c < 128 ? AsciiClasses[c] : Classify(c);

    private static CharClass Classify(char c) =>
        (char.IsWhiteSpace(c) ? CharClass.Space : 0)
        | (char.IsLetter(c) ? CharClass.Letter : 0)
        | (char.IsDigit(c) ? CharClass.Digit : 0)
        | (char.IsPunctuation(c) ? CharClass.Punctuation : 0);

    private static CharClass[] BuildAsciiClasses()
    {
        var classes = new CharClass[128];
        for (int c = 0; c < classes.Length; c++)
            classes[c] = Classify((char)c);
        return classes;
    }
}
