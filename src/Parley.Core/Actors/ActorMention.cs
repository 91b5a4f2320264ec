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
/// <remarks>
/// What each kind sets:
/// <list type="bullet">
/// <item>Country / Demonym / Organisation: Country; IsPossessive for "China's"; PartOf when it only qualifies a title phrase.</item>
/// <item>Metonym: Country, and City when it is a capital or a listed city ("Seoul", "Washington, D.C." → "Washington"); none for "the Kremlin".</item>
/// <item>Place: City and Country (cities.tsv).</item>
/// <item>Person: Name (the entity's full name), Country (phrase, "Name of Country" after a contact verb, people list, or another mention of the entity;
/// null when unknown), Role (title as written, or null), Entity; IsPronoun for "he"/"she"/"his"/"her"/"him";
/// PartOf when the name only owns a body ("the Moon Jae-in administration"). A bare role resolved to one
/// person ("Beijing's top envoy") is a Person with the role's span and Role.</item>
/// <item>Role: Role as written, Country when the phrase gives one, IsInstitution for bodies ("Seoul's foreign
/// ministry"), IsPlural for "the foreign ministers of South Korea and China" — one Role mention per country, all
/// with the same span.</item>
/// </list>
/// Spans may overlap: a phrase's Role or Person mention and the Country mentions whose PartOf points to it.
/// </remarks>
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

    /// <summary>
    /// A role mention in the plural. With countries ("the foreign ministers of South Korea and China", "... of Japan and
    /// the Philippines") it is one mention per country, all with the same span; without ("the two envoys", "the
    /// ministers") it is one mention with no country, a reference to people named before (those of the previous contact).
    /// </summary>
    public bool IsPlural { get; init; }
}
