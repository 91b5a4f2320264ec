using System.Text;
using System.Text.Json;
using Parley.Consolidation;
using Parley.Events;

namespace Parley.Export;

/// <summary>
/// Writes consolidated contacts as PLOVER JSON lines (Open Event Data Alliance, PLOVER manual, "JSON
/// data fields" and the CONSULT category): <c>event_type</c> CONSULT; <c>mode</c> visit, third-party,
/// multilateral or phone (null when the text does not say); <c>context</c> ["future"] for a planned
/// contact; <c>actor</c> and <c>recipient</c> lists of actor objects (<c>code</c>, <c>actor_text</c>,
/// <c>office</c>) — the visitor is the actor and the host the recipient, and with no host/visit
/// distinction everyone is an actor and there is no recipient, as the manual prescribes;
/// <c>event_date</c>, <c>event_loc</c>, <c>event_text</c>, <c>quad_code</c> 1 (verbal cooperation),
/// <c>cite_info</c> and <c>text_info</c> per source.
/// </summary>
public static class PloverExport
{
    public static void Write(IEnumerable<ConsolidatedEvent> events, TextWriter output)
    {
        foreach (var c in events)
            output.WriteLine(ToLine(c));
    }

    public static string ToLine(ConsolidatedEvent c)
    {
        var e = c.Event;
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, EventJson.WriterOptions))
        {
            var arrangement = HostVisit.Of(e);
            w.WriteStartObject();
            w.WriteString("id", "parley-" + c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteBoolean("has_event", true);
            w.WriteString("event_type", "CONSULT");
            var mode = arrangement switch
            {
                Arrangement.Remote => "phone",
                Arrangement.Visit => "visit",
                Arrangement.ThirdLocation => "third-party",
                _ => e.Participants.Select(p => p.Country).Distinct(StringComparer.Ordinal).Count() > 2 ? "multilateral" : null,
            };
            EventJson.WriteNullable(w, "mode", mode);
            w.WriteStartArray("context");
            if (e.Status == EventStatus.Planned)
                w.WriteStringValue("future");
            w.WriteEndArray();
            EventJson.WriteNullable(w, "event_date", e.Date?.ToString());
            WriteActors(w, "actor", HostVisit.Guests(e));
            WriteActors(w, "recipient", HostVisit.Hosts(e));
            if (e.Location is { } loc)
            {
                w.WriteStartObject("event_loc");
                EventJson.WriteNullable(w, "name", loc.City);
                EventJson.WriteNullable(w, "cc3", loc.Country);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("event_loc");
            }
            w.WriteStartArray("event_text");
            foreach (var s in c.Sources)
                if (s.Event.Evidence.Count > 0)
                    w.WriteStringValue(s.Event.Evidence[0].Text);
            w.WriteEndArray();
            w.WriteNumber("quad_code", 1);
            w.WriteStartArray("text_info");
            foreach (var s in c.Sources)
                foreach (var ev in s.Event.Evidence)
                {
                    w.WriteStartObject();
                    w.WriteString("doc", s.Doc);
                    w.WriteNumber("start", ev.Span.Start);
                    w.WriteNumber("end", ev.Span.End);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
            w.WriteStartArray("cite_info");
            foreach (var s in c.Sources)
            {
                w.WriteStartObject();
                w.WriteString("citation", s.Doc);
                EventJson.WriteNullable(w, "url", s.Url);
                EventJson.WriteNullable(w, "title", s.Headline);
                EventJson.WriteNullable(w, "publication", s.Outlet);
                EventJson.WriteNullable(w, "date", s.Published?.ToString());
                w.WriteString("language", "en");
                w.WriteString("coder", "parley");
                w.WriteString("codebook", "plover-consult");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("coder", "parley");
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteActors(Utf8JsonWriter w, string name, IReadOnlyList<Participant> people)
    {
        w.WriteStartArray(name);
        foreach (var p in people)
        {
            w.WriteStartObject();
            w.WriteString("code", p.Country);
            w.WriteString("sector", "GOV");
            EventJson.WriteNullable(w, "actor_text", p.Name);
            EventJson.WriteNullable(w, "office", p.Role);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
