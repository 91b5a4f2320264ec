using System.Text;
using Parley.Documents;

namespace Parley.Ingest;

/// <summary>Options shared by every reader.</summary>
public sealed record IngestOptions
{
    /// <summary>Inputs larger than this are refused whole (a crawler's page is well under it).</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;
}

/// <summary>
/// Turns paths (files, folders walked in name order, "-" for standard input) into a stream of
/// articles and failures. One bad input yields one failure and the stream goes on.
/// </summary>
public sealed class ArticleReader
{
    private readonly IngestOptions _options;
    private readonly Func<Stream> _stdin;

    public ArticleReader(IngestOptions? options = null, Func<Stream>? stdin = null)
    {
        _options = options ?? new IngestOptions();
        _stdin = stdin ?? Console.OpenStandardInput;
    }

    public IEnumerable<IngestItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var item in ReadStdin())
                    yield return item;
                continue;
            }
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    foreach (var item in ReadFile(file))
                        yield return item;
                continue;
            }
            foreach (var item in ReadFile(path))
                yield return item;
        }
    }

    private IEnumerable<IngestItem> ReadStdin()
    {
        byte[] bytes;
        try
        {
            using var s = _stdin();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            bytes = ms.ToArray();
        }
        catch (IOException e)
        {
            return [IngestItem.Fail("-", ErrorCodes.Unreadable, $"cannot read standard input ({e.Message})")];
        }
        return FromBytes("-", "stdin", bytes);
    }

    private IEnumerable<IngestItem> ReadFile(string path)
    {
        if (!File.Exists(path))
            return [IngestItem.Fail(path, ErrorCodes.NotFound, "no such file or folder")];
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > _options.MaxBytes)
                return [IngestItem.Fail(path, ErrorCodes.TooLarge,
                    $"file is {info.Length / (1024 * 1024)} MB, over the {_options.MaxBytes / (1024 * 1024)} MB limit for one input; split it or raise the limit")];
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [IngestItem.Fail(path, ErrorCodes.Unreadable, $"cannot read the file ({e.Message})")];
        }
        return FromBytes(path, Path.GetFileName(path), bytes);
    }

    private IEnumerable<IngestItem> FromBytes(string origin, string name, byte[] bytes)
    {
        if (bytes.Length > _options.MaxBytes)
            return [IngestItem.Fail(origin, ErrorCodes.TooLarge, $"input is over the {_options.MaxBytes / (1024 * 1024)} MB limit")];
        if (bytes.Length == 0)
            return [IngestItem.Fail(origin, ErrorCodes.Empty, "the file is empty")];
        if (!TextDecoding.TryDecode(bytes, out var text, out var failure))
            return [IngestItem.Fail(origin, failure!.Value.Code, failure.Value.Message)];
        if (string.IsNullOrWhiteSpace(text))
            return [IngestItem.Fail(origin, ErrorCodes.Empty, "the file holds only white space")];
        return [IngestItem.Ok(new RawArticle { Id = name, Text = text, Kind = InputKind.PlainText, Origin = origin })];
    }
}

/// <summary>Strict UTF-8 decoding that tells binary data from badly encoded text.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(byte[] bytes, out string text, out (string Code, string Message)? failure)
    {
        text = "";
        failure = null;
        int probe = Math.Min(bytes.Length, 8192);
        int controls = 0;
        for (int i = 0; i < probe; i++)
        {
            byte b = bytes[i];
            if (b == 0)
            {
                failure = (ErrorCodes.Binary, "binary data (NUL bytes), not a text article");
                return false;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
                controls++;
        }
        if (controls > probe / 20 + 1)
        {
            failure = (ErrorCodes.Binary, "binary data (control bytes), not a text article");
            return false;
        }
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            failure = (ErrorCodes.InvalidUtf8, $"not valid UTF-8 (bad byte at offset {e.Index}); convert it to UTF-8 first");
            return false;
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        return true;
    }
}
