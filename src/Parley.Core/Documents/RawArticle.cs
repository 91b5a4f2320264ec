using Parley.Temporal;

namespace Parley.Documents;

/// <summary>What kind of input an article came from.</summary>
public enum InputKind
{
    PlainText,
    Html,
    Feed,
    JsonLines,
}

/// <summary>
/// One article as an input reader hands it over, before any cleaning. <see cref="Text"/> is the
/// original every offset refers to: the file's text for plain text, the main text extracted from
/// the page for HTML and feed items.
/// </summary>
public sealed record RawArticle
{
    /// <summary>The document id (file name, JSONL <c>id</c>, feed item guid or link).</summary>
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required InputKind Kind { get; init; }

    /// <summary>Where it was read from (a path, or "-" for standard input), for messages.</summary>
    public required string Origin { get; init; }

    public string? Url { get; init; }

    public string? Outlet { get; init; }

    public string? Headline { get; init; }

    /// <summary>Publication date given as metadata (JSONL field, feed pubDate, HTML meta tag).</summary>
    public PartialDate? Published { get; init; }

    /// <summary>Time of day of the publication when the metadata gives it ("15:35" or "15:35:00").</summary>
    public string? PublishedTime { get; init; }
}
