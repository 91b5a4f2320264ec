using Parley.Documents;

namespace Parley.Ingest;

/// <summary>
/// A failure to read one input: which file, a stable code (see docs/errors.md) and what happened,
/// phrased for a one-line message.
/// </summary>
public sealed record IngestFailure(string Origin, string Code, string Message)
{
    public override string ToString() => $"{Origin}: {Code}: {Message}";
}

/// <summary>Either an article or the failure to read one; readers stream these and never throw.</summary>
public readonly record struct IngestItem
{
    private IngestItem(RawArticle? article, IngestFailure? failure)
    {
        Article = article;
        Failure = failure;
    }

    public RawArticle? Article { get; }

    public IngestFailure? Failure { get; }

    public static IngestItem Ok(RawArticle article) => new(article, null);

    /// <remarks>
    /// The message is folded onto one line (exception messages from the runtime may hold line breaks),
    /// so every failure is exactly one line of output.
    /// </remarks>
    public static IngestItem Fail(string origin, string code, string message) => new(null, new IngestFailure(origin, code, OneLine(message)));

    private static string OneLine(string message)
    {
        if (message.AsSpan().IndexOfAny('\r', '\n') < 0)
            return message;
        var sb = new System.Text.StringBuilder(message.Length);
        bool space = false;
        foreach (char c in message)
        {
            if (c is '\r' or '\n' or '\t' or ' ')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Stable error codes, documented in docs/errors.md.</summary>
public static class ErrorCodes
{
    public const string NotFound = "PARLEY-E001";
    public const string Unreadable = "PARLEY-E002";
    public const string Empty = "PARLEY-E003";
    public const string Binary = "PARLEY-E004";
    public const string InvalidUtf8 = "PARLEY-E005";
    public const string TooLarge = "PARLEY-E006";
    public const string MalformedFeed = "PARLEY-E007";
    public const string MalformedHtml = "PARLEY-E008";
    public const string MalformedJson = "PARLEY-E009";
    public const string NoText = "PARLEY-E010";

    /// <summary>The pipeline failed on an article that read well: a defect of Parley's, reported and skipped.</summary>
    public const string Internal = "PARLEY-E020";
}
