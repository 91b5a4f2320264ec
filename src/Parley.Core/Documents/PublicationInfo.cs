using Parley.Temporal;

namespace Parley.Documents;

/// <summary>Where a document's publication date came from, best first.</summary>
public enum DateSource
{
    None,
    Override,
    Metadata,
    Url,
    Text,
}

/// <summary>What is known about a document's publication: date, outlet, headline, dateline.</summary>
public sealed record PublicationInfo
{
    /// <summary>The date used as the anchor for relative time expressions, or null.</summary>
    public PartialDate? Published { get; init; }

    public string? PublishedTime { get; init; }

    public DateSource PublishedSource { get; init; }

    /// <summary>The date found in the text itself, kept when it disagrees with the chosen one.</summary>
    public PartialDate? PublishedInText { get; init; }

    public string? Outlet { get; init; }

    public string? Headline { get; init; }

    /// <summary>The dateline city ("SEOUL", "Beijing"), as written.</summary>
    public string? Dateline { get; init; }

    public string? Url { get; init; }
}
