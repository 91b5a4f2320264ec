using Parley.Consolidation;
using Parley.Events;

namespace Parley.Export;

/// <summary>
/// CAMEO-style dyadic TSV: every consolidated contact expanded to one row per ordered pair of
/// participant countries (A→B and B→A), with the 04x code from <see cref="HostVisit.CameoCode"/>
/// (042 make a visit, 043 host a visit, 044 meet at a third location, 041 by phone or video, 040
/// otherwise; 036 for a planned contact). Dates are YYYYMMDD, or as precise as known (YYYYMM, YYYY).
/// </summary>
public static class CameoExport
{
    public static readonly string[] Header =
        ["event_id", "date", "source", "target", "cameo_code", "root_code", "quad_class", "status", "mode", "location_country", "location_city", "sources"];

    public static void Write(IEnumerable<ConsolidatedEvent> events, TextWriter output)
    {
        output.WriteLine(string.Join('\t', Header));
        foreach (var c in events)
            foreach (var row in Rows(c))
                output.WriteLine(string.Join('\t', row.Select(Clean)));
    }

    public static IEnumerable<string[]> Rows(ConsolidatedEvent c)
    {
        var e = c.Event;
        var countries = e.Participants.Select(p => p.Country).Distinct(StringComparer.Ordinal).ToList();
        var date = e.Date?.ToString().Replace("-", "", StringComparison.Ordinal) ?? "";
        foreach (var a in countries)
            foreach (var b in countries)
            {
                if (a == b)
                    continue;
                var code = HostVisit.CameoCode(e, a, b);
                yield return
                [
                    c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), date, a, b, code, code[..2], "1",
                    e.Status.ToWire(), e.Mode.ToWire(), e.Location?.Country ?? "", e.Location?.City ?? "",
                    c.Sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ];
            }
    }

    private static string Clean(string cell) => cell.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
