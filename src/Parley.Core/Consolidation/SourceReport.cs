using Parley.Events;
using Parley.Temporal;

namespace Parley.Consolidation;

/// <summary>
/// One document's report of a contact: the event as that document told it, and what is known about
/// the document. Consolidation keeps every report, so disagreements between outlets stay visible.
/// </summary>
public sealed record SourceReport
{
    public required ContactEvent Event { get; init; }

    /// <summary>The document's publication date, the anchor its relative dates were resolved against.</summary>
    public PartialDate? Published { get; init; }

    public string? Url { get; init; }

    public string? Outlet { get; init; }

    public string? Headline { get; init; }

    public string Doc => Event.Doc;
}

/// <summary>One attribute on which the sources of a consolidated event disagree.</summary>
/// <param name="Attribute">"date", "mode", "location", "duration_minutes" or "name:CCC" (the named person of a country).</param>
/// <param name="Chosen">The value consolidation kept.</param>
/// <param name="Values">Every value reported, with the documents that reported it, most attested first.</param>
public sealed record Disagreement(string Attribute, string Chosen, IReadOnlyList<ReportedValue> Values);

public sealed record ReportedValue(string Value, IReadOnlyList<string> Docs);

/// <summary>
/// One contact as consolidated from all the documents that report it: the resolved event (each
/// attribute the most precise, best-attested value), its sources, and where they disagree.
/// </summary>
public sealed record ConsolidatedEvent
{
    /// <summary>The store's id for the event (0 before it is stored).</summary>
    public long Id { get; init; }

    public required ContactEvent Event { get; init; }

    public required IReadOnlyList<SourceReport> Sources { get; init; }

    public IReadOnlyList<Disagreement> Disagreements { get; init; } = [];

    /// <summary>For a planned contact: the occurred event that fulfilled it, when known.</summary>
    public long? FulfilledBy { get; init; }

    /// <summary>For an occurred contact: the planned events it fulfils.</summary>
    public IReadOnlyList<long> Fulfils { get; init; } = [];
}
