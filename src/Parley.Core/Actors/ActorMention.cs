using Parley.Text;

namespace Parley.Actors;

public enum MentionKind : byte
{
    /// <summary>"South Korea", "the ROK".</summary>
    Country,
    /// <summary>"Chinese", "South Korean".</summary>
    Demonym,
    /// <summary>"Seoul", "the Kremlin" standing for a government.</summary>
    Metonym,
    /// <summary>"the United Nations", "NATO".</summary>
    Organisation,
    /// <summary>A named person, with or without a title.</summary>
    Person,
    /// <summary>A role without a name: "the foreign ministers of ...", "his counterpart".</summary>
    Role,
    /// <summary>A city or place used as a location.</summary>
    Place,
}

/// <summary>
/// One reference to an actor in the cleaned text. <see cref="Country"/> is an ISO alpha-3 code or an
/// organisation code; <see cref="Name"/> is the person's full name once resolved within the document.
/// </summary>
public sealed record ActorMention
{
    public required TextSpan Span { get; init; }

    public required MentionKind Kind { get; init; }

    public string? Country { get; init; }

    public string? Name { get; init; }

    public string? Role { get; init; }

    /// <summary>For a place: its city (null when only the country is known).</summary>
    public string? City { get; init; }

    /// <summary>Index of the person entity within the document, when resolved; -1 otherwise.</summary>
    public int Entity { get; init; } = -1;
}
