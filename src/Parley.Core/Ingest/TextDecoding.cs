using System.Text;

namespace Parley.Ingest;

/// <summary>Strict UTF-8 decoding that tells binary data from badly encoded text.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Looks at the first bytes of an input for signs it is not text at all: NUL or many control
    /// bytes (images, archives, office files), or a UTF-16 byte order mark.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> probe, out (string Code, string Message)? failure)
    {
        failure = null;
        if (probe.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || probe.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            failure = (ErrorCodes.InvalidUtf8, "UTF-16 text, not UTF-8; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)");
            return true;
        }
        int controls = 0;
        foreach (byte b in probe)
        {
            if (b == 0)
            {
                failure = (ErrorCodes.Binary, "binary data (NUL bytes), not a text article");
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
                controls++;
        }
        if (controls > probe.Length / 20 + 1)
        {
            failure = (ErrorCodes.Binary, "binary data (control bytes), not a text article");
            return true;
        }
        return false;
    }

    public static bool TryDecode(byte[] bytes, out string text, out (string Code, string Message)? failure)
    {
        text = "";
        if (LooksBinary(bytes.AsSpan(0, Math.Min(bytes.Length, 8192)), out failure))
            return false;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            failure = (ErrorCodes.InvalidUtf8, $"not valid UTF-8 (bad byte at offset {e.Index}); convert it to UTF-8 first (e.g. iconv -f WINDOWS-1252 -t UTF-8)");
            return false;
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        return true;
    }

    /// <summary>
    /// Decodes a page that is not UTF-8 by the charset its head declares
    /// (<c>&lt;meta charset="windows-1252"&gt;</c> or the <c>http-equiv</c> form), as browsers do.
    /// Only for HTML: a plain-text file declares nothing, so guessing its encoding would be a guess.
    /// </summary>
    public static bool TryDecodeDeclaredCharset(byte[] bytes, out string text)
    {
        text = "";
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        int at = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return false;
        int start = at + "charset=".Length;
        while (start < head.Length && head[start] is '"' or '\'' or ' ')
            start++;
        int end = start;
        while (end < head.Length && (char.IsAsciiLetterOrDigit(head[end]) || head[end] is '-' or '_' or ':' or '.'))
            end++;
        if (end == start)
            return false;
        var name = head[start..end];
        Encoding? encoding;
        try
        {
            encoding = CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (encoding is UTF8Encoding)
            return false; // declared UTF-8 but is not: the strict failure stands
        text = encoding.GetString(bytes);
        return true;
    }
}

/// <summary>Byte counts as a person reads them in a message.</summary>
internal static class ByteSize
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => FormattableString.Invariant($"{bytes} bytes"),
        < 1024 * 1024 => FormattableString.Invariant($"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => FormattableString.Invariant($"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => FormattableString.Invariant($"{bytes / (1024.0 * 1024 * 1024):0.#} GB"),
    };
}
