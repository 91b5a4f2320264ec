using System.Globalization;
using Parley.Events;
using Parley.Temporal;

namespace Parley.Consolidation;

/// <summary>
/// Resolves the reports of one contact into one event. For each attribute the most precise,
/// best-attested value wins; every reported value is kept in <see cref="ConsolidatedEvent.Disagreements"/>
/// when they differ. Pure and deterministic: the same reports in any order give the same event.
/// <list type="bullet">
/// <item>date: the most precise; then one from an explicit date over one resolved from "on Friday";
/// then the most reports; then the earliest.</item>
/// <item>mode, location, duration: the most reports (a location with a city over one without); ties go
/// to the earliest-published report.</item>
/// <item>participants: one per country (or per named person), the name most reported in its longest
/// form, the role most reported.</item>
/// <item>topics: all of them; doc and evidence: the earliest-published report's.</item>
/// </list>
/// </summary>
public sealed class Consolidator
{
    private readonly LooseDates _loose;

    public Consolidator(LooseDates? loose = null) => _loose = loose ?? LooseDates.Default;

    public static Consolidator Default { get; } = new();

    public ConsolidatedEvent Resolve(IEnumerable<SourceReport> reports, long id = 0)
    {
        var sources = reports
            .OrderBy(r => r.Published?.Earliest ?? DateOnly.MaxValue)
            .ThenBy(r => r.Doc, StringComparer.Ordinal)
            .ToList();
        if (sources.Count == 0)
            throw new ArgumentException("a consolidated event needs at least one report", nameof(reports));
        var first = sources[0].Event;
        var disagreements = new List<Disagreement>();

        var date = ResolveDate(sources, disagreements);
        var mode = Vote(sources, r => r.Event.Mode == ContactMode.Unknown ? null : r.Event.Mode.ToWire(), "mode", disagreements);
        var location = ResolveLocation(sources, disagreements);
        var duration = Vote(sources, r => r.Event.DurationMinutes?.ToString(CultureInfo.InvariantCulture), "duration_minutes", disagreements);
        var participants = ResolveParticipants(sources, disagreements);
        var topics = new List<string>();
        foreach (var s in sources)
            foreach (var t in s.Event.Topics)
                if (!topics.Contains(t, StringComparer.OrdinalIgnoreCase))
                    topics.Add(t);

        ContactModeNames.TryParseMode(mode ?? "unknown", out var m);
        var resolved = first with
        {
            Mode = m,
            Date = date?.Date,
            DatePhrase = date?.Phrase,
            Participants = participants,
            Location = location,
            DurationMinutes = duration is null ? null : int.Parse(duration, CultureInfo.InvariantCulture),
            Topics = topics,
        };
        return new ConsolidatedEvent { Id = id, Event = resolved, Sources = sources, Disagreements = disagreements };
    }

    private (PartialDate Date, string? Phrase)? ResolveDate(List<SourceReport> sources, List<Disagreement> disagreements)
    {
        var dated = sources.Where(s => s.Event.Date is not null).ToList();
        if (dated.Count == 0)
            return null;
        var groups = dated
            .GroupBy(s => s.Event.Date!.Value)
            .Select(g => (Date: g.Key, Reports: g.ToList(), Explicit: g.Any(s => _loose.ToleranceDays(s.Event.DatePhrase) == 0)))
            .OrderByDescending(g => g.Date.Precision)
            .ThenByDescending(g => g.Explicit)
            .ThenByDescending(g => g.Reports.Count)
            .ThenBy(g => g.Date)
            .ToList();
        var best = groups[0];
        if (groups.Count > 1)
            disagreements.Add(new Disagreement("date", best.Date.ToString(),
                groups.Select(g => new ReportedValue(g.Date.ToString(), g.Reports.Select(r => r.Doc).ToList())).ToList()));
        var phraseSource = best.Reports.FirstOrDefault(s => _loose.ToleranceDays(s.Event.DatePhrase) == 0) ?? best.Reports[0];
        return (best.Date, phraseSource.Event.DatePhrase);
    }

    private static Location? ResolveLocation(List<SourceReport> sources, List<Disagreement> disagreements)
    {
        var located = sources.Where(s => s.Event.Location is not null).ToList();
        if (located.Count == 0)
            return null;
        var groups = located
            .GroupBy(s => Key(s.Event.Location!), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Location: g.First().Event.Location!, Reports: g.ToList(), Order: sources.IndexOf(g.First())))
            .OrderByDescending(g => g.Location.City is not null)
            .ThenByDescending(g => g.Reports.Count)
            .ThenBy(g => g.Order)
            .ToList();
        var best = groups[0];
        // A city that contains another ("Washington, D.C." and "Washington") is the same place, better named.
        var sameCity = groups.Where(g => g.Location.City is { } c && best.Location.City is { } b
            && (c.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(c, StringComparison.OrdinalIgnoreCase))).ToList();
        var chosen = sameCity.Count > 0 ? sameCity.OrderByDescending(g => g.Location.City!.Length).First().Location : best.Location;
        if (chosen.Country is null && located.Select(s => s.Event.Location!.Country).FirstOrDefault(c => c is not null) is { } country)
            chosen = chosen with { Country = country };
        if (groups.Count > 1)
            disagreements.Add(new Disagreement("location", Key(chosen),
                groups.Select(g => new ReportedValue(Key(g.Location), g.Reports.Select(r => r.Doc).ToList())).ToList()));
        return chosen;
    }

    private static string Key(Location l) => l.City is null ? l.Country ?? "" : $"{l.City}, {l.Country}";

    private static string? Vote(List<SourceReport> sources, Func<SourceReport, string?> value, string attribute, List<Disagreement> disagreements)
    {
        var groups = sources
            .Select((s, i) => (Value: value(s), Source: s, Order: i))
            .Where(x => x.Value is not null)
            .GroupBy(x => x.Value!, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Docs: g.Select(x => x.Source.Doc).ToList(), Order: g.Min(x => x.Order)))
            .OrderByDescending(g => g.Docs.Count)
            .ThenBy(g => g.Order)
            .ToList();
        if (groups.Count == 0)
            return null;
        if (groups.Count > 1)
            disagreements.Add(new Disagreement(attribute, groups[0].Value,
                groups.Select(g => new ReportedValue(g.Value, g.Docs)).ToList()));
        return groups[0].Value;
    }

    private static List<Participant> ResolveParticipants(List<SourceReport> sources, List<Disagreement> disagreements)
    {
        // Country order: as first reported. Within a country, clusters of names that are one person.
        var countries = new List<string>();
        var people = new Dictionary<string, List<PersonCluster>>(StringComparer.Ordinal);
        var unnamedRoles = new Dictionary<string, List<(string Role, string Doc)>>(StringComparer.Ordinal);
        foreach (var s in sources)
        {
            foreach (var p in s.Event.Participants)
            {
                if (!people.TryGetValue(p.Country, out var clusters))
                {
                    countries.Add(p.Country);
                    people[p.Country] = clusters = [];
                    unnamedRoles[p.Country] = [];
                }
                if (p.Name is null)
                {
                    if (p.Role is not null)
                        unnamedRoles[p.Country].Add((p.Role, s.Doc));
                    continue;
                }
                var cluster = clusters.FirstOrDefault(c => c.Names.Any(n => NameMatch.Same(n.Name, p.Name)));
                if (cluster is null)
                    clusters.Add(cluster = new PersonCluster());
                cluster.Names.Add((p.Name, s.Doc));
                if (p.Role is not null)
                    cluster.Roles.Add((p.Role, s.Doc));
            }
        }
        var result = new List<Participant>();
        foreach (var country in countries)
        {
            var clusters = people[country];
            if (clusters.Count == 0)
            {
                result.Add(new Participant(null, country, MostReported(unnamedRoles[country])));
                continue;
            }
            foreach (var c in clusters.OrderByDescending(c => c.Names.Select(n => n.Doc).Distinct(StringComparer.Ordinal).Count()))
            {
                var name = c.Names.Select(n => n.Name).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First();
                var variants = c.Names.GroupBy(n => n.Name, StringComparer.Ordinal).ToList();
                if (variants.Count > 1)
                    disagreements.Add(new Disagreement("name:" + country, name,
                        variants.Select(g => new ReportedValue(g.Key, g.Select(x => x.Doc).Distinct(StringComparer.Ordinal).ToList())).ToList()));
                var role = MostReported(c.Roles) ?? (clusters.Count == 1 ? MostReported(unnamedRoles[country]) : null);
                result.Add(new Participant(name, country, role));
            }
        }
        return result;
    }

    private static string? MostReported(List<(string Value, string Doc)> values) => values.Count == 0 ? null : values
        .GroupBy(v => v.Value, StringComparer.OrdinalIgnoreCase)
        .OrderByDescending(g => g.Count())
        .ThenByDescending(g => g.Key.Length)
        .ThenBy(g => g.Key, StringComparer.Ordinal)
        .First().First().Value;

    private sealed class PersonCluster
    {
        public List<(string Name, string Doc)> Names { get; } = [];

        public List<(string Value, string Doc)> Roles { get; } = [];
    }
}
