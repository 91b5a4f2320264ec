namespace Parley.Actors;

public enum Gender : byte
{
    Unknown,
    Female,
    Male,
}

/// <summary>
/// One person as the document knows them: every mention of "Noh Kyu-duk", "Noh", "the special
/// representative" and "he" that the recogniser resolved to the same individual.
/// </summary>
public sealed class PersonEntity
{
    /// <summary>The longest full form of the name in the document (or the people list's name).</summary>
    public required string Name { get; set; }

    /// <summary>ISO alpha-3 or organisation code; null when nothing in the document or the people list says.</summary>
    public string? Country { get; set; }

    /// <summary>Every title or role the document gives the person, as written, first one first.</summary>
    public List<string> Roles { get; } = [];

    /// <summary>
    /// What the text says of the person's sex: a title ("Queen", "Ms"), a kin noun ("Kim's sister Kim Yo Jong"), or a
    /// given name of female_names.tsv. Unknown when it says nothing or contradicts itself. Pronoun resolution uses it.
    /// </summary>
    public Gender Gender { get; set; }

    /// <summary>Indices in <c>Document.Mentions</c> of the mentions of this person, in text order.</summary>
    public List<int> Mentions { get; } = [];

    public override string ToString() => $"{Name} ({Country ?? "?"})";
}
