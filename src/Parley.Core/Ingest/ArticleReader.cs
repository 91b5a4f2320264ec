using Parley.Documents;

namespace Parley.Ingest;

/// <summary>Options shared by every reader.</summary>
public sealed record IngestOptions
{
    /// <summary>
    /// Inputs larger than this are refused whole (a crawler's page is well under it). For JSON Lines
    /// the limit applies to each line, so a crawl file of any size streams through.
    /// </summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;
}

/// <summary>
/// Turns paths (files, folders walked in name order, "-" for standard input) into a stream of
/// articles and failures. Each input is read as plain text, an HTML page, an RSS/Atom feed or JSON
/// Lines, by its extension or else its first bytes (<see cref="InputSniffer"/>). One bad input
/// yields one failure and the stream goes on; nothing throws out of <see cref="Read"/>.
/// </summary>
public sealed class ArticleReader
{
    private const int ProbeBytes = 8192;

    private readonly IngestOptions _options;
    private readonly Func<Stream> _stdin;

    // Created on first use, so plain-text runs never load AngleSharp or SmartReader.
    // Typed object so that compiling the plain-text path never loads AngleSharp or SmartReader.
    private object? _html;

    public ArticleReader(IngestOptions? options = null, Func<Stream>? stdin = null)
    {
        _options = options ?? new IngestOptions();
        _stdin = stdin ?? Console.OpenStandardInput;
    }

    public IEnumerable<IngestItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            foreach (var item in Guard(path, () => ReadPath(path)))
                yield return item;
        }
    }

    private IEnumerable<IngestItem> ReadPath(string path)
    {
        if (path == "-")
            return ReadStream("-", "stdin", null, null, _stdin);
        if (Directory.Exists(path))
            return ReadFolder(path);
        return ReadFile(path);
    }

    private IEnumerable<IngestItem> ReadFolder(string folder)
    {
        string[] files;
        try
        {
            // Hidden files (.DS_Store, editor swap files) are not articles, as `ls` agrees.
            files = Directory.GetFiles(folder, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                IgnoreInaccessible = false,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [IngestItem.Fail(folder, ErrorCodes.Unreadable, $"cannot list the folder ({e.Message})")];
        }
        Array.Sort(files, StringComparer.Ordinal);
        return files.SelectMany(f => Guard(f, () => ReadFile(f)));
    }

    private IEnumerable<IngestItem> ReadFile(string path)
    {
        if (!File.Exists(path))
            return [IngestItem.Fail(path, ErrorCodes.NotFound, "no such file or folder; check the path")];
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [IngestItem.Fail(path, ErrorCodes.Unreadable, $"cannot read the file ({e.Message})")];
        }
        return ReadStream(path, Path.GetFileName(path), Path.GetExtension(path), length,
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
    }

    private IEnumerable<IngestItem> ReadStream(string origin, string name, string? extension, long? length, Func<Stream> open)
    {
        Stream stream;
        try
        {
            stream = open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [IngestItem.Fail(origin, ErrorCodes.Unreadable, $"cannot open it ({e.Message})")];
        }
        return ReadOpened(origin, name, extension, length, stream);
    }

    private IEnumerable<IngestItem> ReadOpened(string origin, string name, string? extension, long? length, Stream stream)
    {
        using (stream)
        {
            var probe = new byte[ProbeBytes];
            int got;
            string? error = null;
            try
            {
                got = stream.ReadAtLeast(probe, probe.Length, throwOnEndOfStream: false);
            }
            catch (IOException e)
            {
                got = 0;
                error = e.Message;
            }
            if (error is not null)
            {
                yield return IngestItem.Fail(origin, ErrorCodes.Unreadable, $"cannot read it ({error})");
                yield break;
            }
            if (got == 0)
            {
                yield return IngestItem.Fail(origin, ErrorCodes.Empty, "the file is empty");
                yield break;
            }
            var head = probe.AsSpan(0, got);
            if (TextDecoding.LooksBinary(head, out var binary))
            {
                yield return IngestItem.Fail(origin, binary!.Value.Code, binary.Value.Message);
                yield break;
            }
            var kind = InputSniffer.Detect(extension, head);
            if (kind == InputKind.JsonLines)
            {
                var all = new PrefixedStream(probe, got, stream);
                foreach (var item in JsonLinesReader.Read(origin, name, all, _options.MaxBytes))
                    yield return item;
                yield break;
            }

            if (length > _options.MaxBytes)
            {
                yield return TooLarge(origin, length.Value);
                yield break;
            }
            byte[]? bytes = ReadWhole(probe, got, stream, out var readError);
            if (readError is not null)
            {
                yield return IngestItem.Fail(origin, ErrorCodes.Unreadable, $"cannot read it ({readError})");
                yield break;
            }
            if (bytes is null)
            {
                yield return TooLarge(origin, null);
                yield break;
            }
            if (kind == InputKind.Feed)
            {
                foreach (var item in FeedReader.Read(origin, name, bytes, _options.MaxBytes))
                    yield return item;
                yield break;
            }
            if (!TextDecoding.TryDecode(bytes, out var text, out var failure)
                && !(kind == InputKind.Html && TextDecoding.TryDecodeDeclaredCharset(bytes, out text)))
            {
                yield return IngestItem.Fail(origin, failure!.Value.Code, failure.Value.Message);
                yield break;
            }
            if (kind == InputKind.Html)
            {
                foreach (var item in ReadHtml(origin, name, text))
                    yield return item;
                yield break;
            }
            yield return PlainTextReader.Read(origin, name, text);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private IEnumerable<IngestItem> ReadHtml(string origin, string name, string text) =>
        ((HtmlReader)(_html ??= new HtmlReader())).Read(origin, name, text);

    /// <summary>The whole input, or null when it runs past the size limit.</summary>
    private byte[]? ReadWhole(byte[] probe, int got, Stream stream, out string? error)
    {
        error = null;
        using var ms = new MemoryStream();
        ms.Write(probe, 0, got);
        var buf = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = stream.Read(buf, 0, buf.Length)) > 0)
            {
                ms.Write(buf, 0, n);
                if (ms.Length > _options.MaxBytes)
                    return null;
            }
        }
        catch (IOException e)
        {
            error = e.Message;
            return null;
        }
        return ms.ToArray();
    }

    private IngestItem TooLarge(string origin, long? length) =>
        IngestItem.Fail(origin, ErrorCodes.TooLarge,
            (length is { } l ? $"input is {ByteSize.Format(l)}, over" : "input is over")
            + $" the {ByteSize.Format(_options.MaxBytes)} limit for one article; split it into smaller files, or hand a crawl over as JSON Lines (the limit then applies per line)");

    /// <summary>
    /// Runs one input's reader so that whatever it throws becomes that input's failure and the
    /// stream goes on to the next input.
    /// </summary>
    private static IEnumerable<IngestItem> Guard(string origin, Func<IEnumerable<IngestItem>> read)
    {
        IEnumerator<IngestItem>? e = null;
        try
        {
            while (true)
            {
                IngestItem item;
                try
                {
                    e ??= read().GetEnumerator();
                    if (!e.MoveNext())
                        yield break;
                    item = e.Current;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    item = IngestItem.Fail(origin, ErrorCodes.Unreadable,
                        $"reading stopped on an unexpected error ({ex.GetType().Name}: {ex.Message}); please report it with the file");
                    e = Enumerable.Empty<IngestItem>().GetEnumerator();
                }
                yield return item;
            }
        }
        finally
        {
            e?.Dispose();
        }
    }
}

/// <summary>The bytes already read to sniff an input, then the rest of its stream.</summary>
internal sealed class PrefixedStream(byte[] head, int headLength, Stream rest) : Stream
{
    private int _pos;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pos < headLength)
        {
            int n = Math.Min(buffer.Length, headLength - _pos);
            head.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
