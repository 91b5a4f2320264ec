using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Parley.Documents;
using Parley.Temporal;

namespace Parley.Ingest;

/// <summary>
/// Reads JSON Lines as a crawler hands them over: one object per line,
/// <c>{"id", "text", "published"?, "url"?, "outlet"?, "title"?}</c>. The file is read line by
/// line, so a crawl of any size streams through; the size limit applies to each line. A bad line
/// fails alone (naming the file and line) and the lines after it still load.
/// </summary>
/// <remarks>
/// <c>published</c> may be <c>YYYY-MM-DD</c> or a full ISO timestamp (its time of day is kept). A
/// value that is not a date is ignored rather than losing the article: the date is then read from
/// the URL or the text. Blank lines are skipped.
/// </remarks>
internal static class JsonLinesReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static IEnumerable<IngestItem> Read(string origin, string name, Stream stream, long maxLineBytes)
    {
        var lines = new ByteLineReader(stream, maxLineBytes);
        int lineNo = 0;
        bool any = false;
        while (true)
        {
            ReadOnlyMemory<byte> line;
            long overLength;
            string? ioError = null;
            try
            {
                if (!lines.TryReadLine(out line, out overLength))
                    break;
            }
            catch (IOException e)
            {
                line = default;
                overLength = 0;
                ioError = e.Message;
            }
            lineNo++;
            string at = string.Create(CultureInfo.InvariantCulture, $"{origin}:{lineNo}");
            if (ioError is not null)
            {
                yield return IngestItem.Fail(at, ErrorCodes.Unreadable, $"reading stopped at this line ({ioError})");
                yield break;
            }
            if (overLength > 0)
            {
                any = true;
                yield return IngestItem.Fail(at, ErrorCodes.TooLarge,
                    $"line is {ByteSize.Format(overLength)}, over the {ByteSize.Format(maxLineBytes)} limit for one article; it is skipped");
                continue;
            }
            var json = Trim(line);
            if (lineNo == 1 && json.Span.StartsWith("\uFEFF"u8))
                json = json[3..];
            if (json.IsEmpty)
                continue;
            if (!any && json.Length <= 2 && json.Span[0] is (byte)'{' or (byte)'[')
            {
                // A pretty-printed JSON document would otherwise fail once per line.
                yield return IngestItem.Fail(origin, ErrorCodes.MalformedJson,
                    "the file is an indented JSON document, not JSON Lines (one object per line); convert it, e.g. jq -c '.[]' in.json > out.jsonl");
                yield break;
            }
            any = true;
            yield return Parse(at, name, lineNo, json);
        }
        if (!any)
            yield return IngestItem.Fail(origin, ErrorCodes.Empty,
                lineNo == 0 ? "the file is empty" : "the file holds only blank lines, no JSON objects");
    }

    private static IngestItem Parse(string at, string name, int lineNo, ReadOnlyMemory<byte> json)
    {
        if (!Utf8.IsValid(json.Span))
            return IngestItem.Fail(at, ErrorCodes.InvalidUtf8, "line is not valid UTF-8; convert the file to UTF-8");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options); // the line buffer is not touched until the document is disposed
        }
        catch (JsonException e)
        {
            return IngestItem.Fail(at, ErrorCodes.MalformedJson,
                $"line is not valid JSON ({Detail(e)}); each line must be one complete object like {{\"id\": \"a1\", \"text\": \"...\"}}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return IngestItem.Fail(at, ErrorCodes.MalformedJson, $"line holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object"
                    + (root.ValueKind == JsonValueKind.Array ? "; for a JSON array of articles, convert it with jq -c '.[]' in.json > out.jsonl" : ""));
            if (!root.TryGetProperty("text", out var textEl) || textEl.ValueKind != JsonValueKind.String)
                return IngestItem.Fail(at, ErrorCodes.MalformedJson, "line has no \"text\" string: the article's text is required");
            string text = textEl.GetString()!;
            string? url = Str(root, "url");
            string id = Str(root, "id") ?? Number(root, "id") ?? url ?? string.Create(CultureInfo.InvariantCulture, $"{name}:{lineNo}");
            if (string.IsNullOrWhiteSpace(text))
                return IngestItem.Fail(at, ErrorCodes.NoText, $"article {id} has an empty \"text\"");
            PartialDate? published = null;
            string? time = null;
            if (MetadataDate.TryParse(Str(root, "published"), out var d, out time))
                published = d;
            else if (UrlDate.TryParse(url, out var fromUrl))
                published = fromUrl;
            return IngestItem.Ok(new RawArticle
            {
                Id = id,
                Text = text,
                Kind = InputKind.JsonLines,
                Origin = at,
                Url = url,
                Outlet = Str(root, "outlet"),
                Headline = Str(root, "title"),
                Published = published,
                PublishedTime = published is null ? null : time,
            });
        }
    }

    private static string Detail(JsonException e)
    {
        // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 12." — the position is what helps.
        return e.BytePositionInLine is { } pos
            ? string.Create(CultureInfo.InvariantCulture, $"at byte {pos + 1}")
            : "unreadable";
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : null;

    private static string? Number(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> m)
    {
        var s = m.Span;
        int a = 0, b = s.Length;
        while (a < b && s[a] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            a++;
        while (b > a && s[b - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            b--;
        return m[a..b];
    }
}

/// <summary>
/// Splits a stream into lines of bytes without decoding or holding more than one line. A line over
/// the limit is skipped to its end and reported by its length.
/// </summary>
internal sealed class ByteLineReader
{
    private readonly Stream _stream;
    private readonly int _max;
    private byte[] _buf;
    private int _start;
    private int _end;
    private bool _eof;

    public ByteLineReader(Stream stream, long maxLineBytes)
    {
        _stream = stream;
        _max = (int)Math.Clamp(maxLineBytes, 1, Array.MaxLength - 1);
        _buf = new byte[Math.Min(64 * 1024, _max + 1)];
    }

    /// <param name="line">Valid until the next call.</param>
    /// <param name="overLength">The skipped line's length when it was over the limit, else 0.</param>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out long overLength)
    {
        overLength = 0;
        while (true)
        {
            int nl = _buf.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0 && nl <= _max)
            {
                line = _buf.AsMemory(_start, nl);
                _start += nl + 1;
                return true;
            }
            int pending = _end - _start;
            if (nl > _max || pending > _max)
            {
                line = default;
                overLength = SkipLine();
                return true;
            }
            if (_eof)
            {
                line = _buf.AsMemory(_start, pending);
                _start = _end;
                return pending > 0;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buf, _start, _buf, 0, pending);
                _start = 0;
                _end = pending;
            }
            if (_end == _buf.Length)
                Array.Resize(ref _buf, (int)Math.Min((long)_buf.Length * 2, _max + 1L));
            int n = _stream.Read(_buf, _end, _buf.Length - _end);
            if (n == 0)
                _eof = true;
            else
                _end += n;
        }
    }

    /// <summary>Drops the rest of the current line, however long, and returns its length.</summary>
    private long SkipLine()
    {
        long skipped = 0;
        while (true)
        {
            int nl = _buf.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                skipped += nl;
                _start += nl + 1;
                return skipped;
            }
            skipped += _end - _start;
            _start = _end = 0;
            if (_eof)
                return skipped;
            int n = _stream.Read(_buf, 0, _buf.Length);
            if (n == 0)
                _eof = true;
            else
                _end = n;
        }
    }
}
