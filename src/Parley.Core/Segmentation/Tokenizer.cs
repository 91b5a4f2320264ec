using Parley.Text;

namespace Parley.Segmentation;

/// <summary>
/// Splits text into words, numbers and punctuation without allocating per token. A word keeps inner
/// hyphens and apostrophes ("Kyu-duk", "Côte d'Ivoire" gives "Côte", "d'Ivoire"); a full stop is always
/// its own token so "U.S." is "U", ".", "S", "." and the segmenter decides what it means.
/// </summary>
public static class Tokenizer
{
    public static void Tokenize(string text, List<Token> tokens)
    {
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (char.IsLetter(c))
            {
                i++;
                while (i < n)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d) || d == '\u0301')
                    {
                        i++;
                        continue;
                    }
                    if ((d is '-' or '\'' or '\u2019' or '\u2010' or '\u2011') && i + 1 < n && char.IsLetterOrDigit(text[i + 1]))
                    {
                        i += 2;
                        continue;
                    }
                    break;
                }
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Word));
                continue;
            }
            if (char.IsDigit(c))
            {
                i++;
                while (i < n)
                {
                    char d = text[i];
                    if (char.IsDigit(d))
                    {
                        i++;
                        continue;
                    }
                    if ((d is ',' or '.' or ':') && i + 1 < n && char.IsDigit(text[i + 1]))
                    {
                        i += 2;
                        continue;
                    }
                    if (d == '-' && i + 1 < n && char.IsLetterOrDigit(text[i + 1]))
                    {
                        i += 2;
                        continue;
                    }
                    if (char.IsLetter(d))
                    {
                        i++; // "1950s", "30th", "9:27a"
                        continue;
                    }
                    break;
                }
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Number));
                continue;
            }
            i++;
            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            tokens.Add(new Token(new TextSpan(start, i), kind));
        }
    }
}
