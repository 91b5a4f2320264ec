using Parley.Text;

namespace Parley.Actors;

public enum MentionKind : byte
{
    /// <summary>"South Korea", "the ROK", and the possessives "China's", "ROK's".</summary>
    Country,
    /// <summary>"Chinese", "South Korean".</summary>
    Demonym,
    /// <summary>"Seoul", "the Kremlin" standing for a government; a capital also carries its <see cref="ActorMention.City"/>.</summary>
    Metonym,
    /// <summary>"the United Nations", "NATO".</summary>
    Organisation,
    /// <summary>A named person, with or without a title; also a pronoun or a bare role resolved to a person.</summary>
    Person,
    /// <summary>A role without a name: "the foreign ministers of ...", "his counterpart", "Seoul's foreign ministry".</summary>
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

    /// <summary>Index of the person entity within the document (<c>Document.Entities</c>), when resolved; -1 otherwise.</summary>
    public int Entity { get; init; } = -1;

    /// <summary>
    /// Index in <c>Document.Mentions</c> of the person or role mention whose title phrase holds this one:
    /// "Chinese" in "his Chinese counterpart Liu Xiaoming", "Seoul" in "Seoul's foreign ministry". Such a
    /// mention only qualifies the other and is not an actor of its own; -1 otherwise.
    /// </summary>
    public int PartOf { get; init; } = -1;

    /// <summary>A "he", "she", "his" or "her" opening a clause, resolved to <see cref="Entity"/>.</summary>
    public bool IsPronoun { get; init; }

    /// <summary>Written in the possessive: "China's", "Seoul's", "Yoon's".</summary>
    public bool IsPossessive { get; init; }

    /// <summary>
    /// A role mention that names a body rather than a person ("foreign ministry", "presidential office",
    /// "administration"): it can say or host things, but it is not a participant in a meeting.
    /// </summary>
    public bool IsInstitution { get; init; }

    /// <summary>A role mention in the plural ("the foreign ministers of South Korea and China"): one mention per country.</summary>
    public bool IsPlural { get; init; }
}
