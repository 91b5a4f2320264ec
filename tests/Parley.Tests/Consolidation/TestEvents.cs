using Parley.Consolidation;
using Parley.Events;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Tests.Consolidation;

/// <summary>Builds events and reports for the consolidation and storage tests.</summary>
internal static class TestEvents
{
    /// <summary>
    /// A contact event. <paramref name="who"/> is "Name/CCC/role" items ("-" for no name or role);
    /// <paramref name="where"/> "City/CCC" or "/CCC".
    /// </summary>
    public static ContactEvent Ev(string doc, string status, string mode, string? date, string? phrase, string who,
        string? where = null, int? minutes = null, string? evidence = null)
    {
        ContactModeNames.TryParseMode(mode, out var m);
        var participants = who.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p =>
        {
            var parts = p.Split('/');
            return new Participant(Null(parts[0]), parts[1], parts.Length > 2 ? Null(parts[2]) : null);
        }).ToList();
        Location? location = null;
        if (where is not null)
        {
            var parts = where.Split('/');
            location = new Location(Null(parts[0]), Null(parts[1]));
        }
        var text = evidence ?? $"{doc}: {who} ({mode}, {date ?? "undated"})";
        return new ContactEvent
        {
            Status = status == "planned" ? EventStatus.Planned : EventStatus.Occurred,
            Mode = m,
            Date = PartialDate.TryParse(date, out var d) ? d : null,
            DatePhrase = phrase,
            Participants = participants,
            Location = location,
            DurationMinutes = minutes,
            Doc = doc,
            Evidence = [new Evidence(text, new TextSpan(0, text.Length))],
        };
    }

    public static SourceReport Report(ContactEvent e, string? published, string? url = null) => new()
    {
        Event = e,
        Published = PartialDate.TryParse(published, out var p) ? p : null,
        Url = url,
    };

    private static string? Null(string s) => s.Length == 0 || s == "-" ? null : s;
}
