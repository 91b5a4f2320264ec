using System.Globalization;
using Parley.Consolidation;
using Parley.Events;

namespace Parley.Export;

/// <summary>
/// One consolidated event per row (RFC 4180: comma-separated, fields quoted when they hold a comma,
/// quote or line break). Multi-valued cells use '|'.
/// </summary>
public static class CsvExport
{
    public static readonly string[] Header =
    [
        "id", "status", "mode", "date", "countries", "participants", "location_city", "location_country",
        "duration_minutes", "topics", "sources", "docs", "urls", "fulfils", "fulfilled_by", "evidence",
    ];

    public static void Write(IEnumerable<ConsolidatedEvent> events, TextWriter output)
    {
        output.Write(string.Join(",", Header));
        output.Write("\r\n");
        foreach (var c in events)
        {
            var e = c.Event;
            string[] cells =
            [
                c.Id.ToString(CultureInfo.InvariantCulture),
                e.Status.ToWire(),
                e.Mode.ToWire(),
                e.Date?.ToString() ?? "",
                string.Join("|", e.Participants.Select(p => p.Country).Distinct(StringComparer.Ordinal)),
                string.Join("|", e.Participants.Select(p => p.Name is null ? p.Country : $"{p.Name} ({p.Country})")),
                e.Location?.City ?? "",
                e.Location?.Country ?? "",
                e.DurationMinutes?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join("|", e.Topics),
                c.Sources.Count.ToString(CultureInfo.InvariantCulture),
                string.Join("|", c.Sources.Select(s => s.Doc)),
                string.Join("|", c.Sources.Select(s => s.Url).Where(u => u is not null)),
                string.Join("|", c.Fulfils.Select(i => i.ToString(CultureInfo.InvariantCulture))),
                c.FulfilledBy?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.Evidence.Count > 0 ? e.Evidence[0].Text : "",
            ];
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                    output.Write(',');
                output.Write(Escape(cells[i]));
            }
            output.Write("\r\n");
        }
    }

    public static string Escape(string cell)
    {
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
            return cell;
        return "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
