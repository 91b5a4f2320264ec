using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Parley.Text;

namespace Parley.Cleaning;

/// <summary>
/// One line of a text: <see cref="Span"/> without its line break, <see cref="Next"/> the offset of the
/// following line (after "\n" or "\r\n"), <see cref="Content"/> the line without surrounding
/// whitespace and leading list bullets ("•", "·", "▪", "►"). All offsets index the text that was split.
/// </summary>
public readonly record struct TextLine(TextSpan Span, int Next, TextSpan Content)
{
    public bool IsBlank => Content.IsEmpty;
}

/// <summary>Splits a text into lines; news paragraphs are lines, so this is also the paragraph split.</summary>
public static class TextLines
{
    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>(text.AsSpan().Count('\n') + 1);
        Split(text, lines);
        return lines;
    }

    /// <summary>Replaces the content of <paramref name="lines"/> with the lines of <paramref name="text"/> (a buffer to reuse).</summary>
    public static void Split(string text, List<TextLine> lines)
    {
        lines.Clear();
        int pos = 0;
        while (pos < text.Length)
        {
            // An empty line (paragraphs are often separated by one) needs no search.
            int nl = text[pos] == '\n' ? pos : IndexOfNewline(text, pos);
            int next = nl < 0 ? text.Length : nl + 1;
            int end = nl < 0 ? text.Length : nl;
            if (end > pos && text[end - 1] == '\r')
                end--;
            lines.Add(new TextLine(new TextSpan(pos, end), next, ContentOf(text, pos, end)));
            pos = next;
        }
    }

    /// <summary>
    /// <c>text.IndexOf('\n', from)</c> with 256-bit vectors: lines are short, and the library's search
    /// spends more time starting up its widest vectors than searching a line.
    /// </summary>
    private static int IndexOfNewline(string text, int from)
    {
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var newline = Vector256.Create((ushort)'\n');
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                uint hits = Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), newline));
                if (hits != 0)
                    return i + BitOperations.TrailingZeroCount(hits);
            }
        }
        for (; i < text.Length; i++)
        {
            if (text[i] == '\n')
                return i;
        }
        return -1;
    }

    /// <summary>The part of <c>text[start..end)</c> without surrounding whitespace and leading bullets.</summary>
    public static TextSpan ContentOf(string text, int start, int end)
    {
        int s = start;
        int e = end;
        while (s < e && (char.IsWhiteSpace(text[s]) || IsBullet(text[s])))
            s++;
        while (e > s && char.IsWhiteSpace(text[e - 1]))
            e--;
        return new TextSpan(s, e);
    }

    private static bool IsBullet(char c) => c is '•' or '·' or '▪' or '►' or '■' or '◆' or '●';
}
