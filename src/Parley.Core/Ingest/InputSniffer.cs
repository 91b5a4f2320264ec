using System.Text;
using Parley.Documents;

namespace Parley.Ingest;

/// <summary>
/// Decides how to read an input: by its extension when it has a known one, otherwise by its first
/// bytes (<c>&lt;!DOCTYPE html</c> / <c>&lt;html</c>, <c>&lt;rss</c> / Atom <c>&lt;feed</c>, a leading
/// <c>{</c>). Anything else is plain text.
/// </summary>
public static class InputSniffer
{
    public static InputKind Detect(string? extension, ReadOnlySpan<byte> head)
    {
        switch (extension?.ToLowerInvariant())
        {
            case ".txt" or ".text":
                return InputKind.PlainText;
            case ".html" or ".htm" or ".xhtml":
                return InputKind.Html;
            case ".xml" or ".rss" or ".atom":
                return InputKind.Feed;
            case ".jsonl" or ".ndjson":
                return InputKind.JsonLines;
        }
        return Sniff(head);
    }

    public static InputKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
            head = head[3..];
        int i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            i++;
        if (i == head.Length)
            return InputKind.PlainText;
        if (head[i] == (byte)'{')
            return InputKind.JsonLines;
        if (head[i] != (byte)'<')
            return InputKind.PlainText;
        // Lenient decoding: this is only a look at the markup, never the article text.
        var s = Encoding.UTF8.GetString(head[i..]);
        if (s.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || s.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return InputKind.Html;
        if (s.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || (s.Contains("<feed", StringComparison.OrdinalIgnoreCase) && s.Contains("http://www.w3.org/2005/Atom", StringComparison.Ordinal)))
            return InputKind.Feed;
        if (s.Contains("<html", StringComparison.OrdinalIgnoreCase) || s.Contains("<body", StringComparison.OrdinalIgnoreCase))
            return InputKind.Html;
        return InputKind.PlainText;
    }
}
