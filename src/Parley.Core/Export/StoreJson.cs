using System.Text;
using System.Text.Json;
using Parley.Consolidation;

namespace Parley.Export;

/// <summary>
/// Writes consolidated events as JSON lines: the SCHEMA.md event (<see cref="EventJson"/>) plus
/// <c>id</c>, <c>sources</c> (<c>{doc, url, published, outlet, headline, evidence, evidence_spans, date,
/// date_phrase, mode, location}</c> — what each document said), <c>disagreements</c>, and the
/// planned/occurred links <c>fulfils</c> and <c>fulfilled_by</c>.
/// </summary>
public static class StoreJson
{
    public static string ToLine(ConsolidatedEvent c)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, EventJson.WriterOptions))
            Write(w, c);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void Write(Utf8JsonWriter w, ConsolidatedEvent c) => EventJson.Write(w, c.Event,
        before: x => x.WriteNumber("id", c.Id),
        after: x => WriteExtras(x, c));

    public static void WriteAll(IEnumerable<ConsolidatedEvent> events, TextWriter output)
    {
        foreach (var c in events)
            output.WriteLine(ToLine(c));
    }

    private static void WriteExtras(Utf8JsonWriter w, ConsolidatedEvent c)
    {
        w.WriteStartArray("sources");
        foreach (var s in c.Sources)
        {
            var e = s.Event;
            w.WriteStartObject();
            w.WriteString("doc", s.Doc);
            EventJson.WriteNullable(w, "url", s.Url);
            EventJson.WriteNullable(w, "published", s.Published?.ToString());
            EventJson.WriteNullable(w, "outlet", s.Outlet);
            EventJson.WriteNullable(w, "headline", s.Headline);
            EventJson.WriteEvidence(w, e);
            EventJson.WriteNullable(w, "date", e.Date?.ToString());
            EventJson.WriteNullable(w, "date_phrase", e.DatePhrase);
            w.WriteString("mode", Events.ContactModeNames.ToWire(e.Mode));
            if (e.Location is { } loc)
            {
                w.WriteStartObject("location");
                EventJson.WriteNullable(w, "city", loc.City);
                EventJson.WriteNullable(w, "country", loc.Country);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("location");
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("disagreements");
        foreach (var d in c.Disagreements)
        {
            w.WriteStartObject();
            w.WriteString("attribute", d.Attribute);
            w.WriteString("chosen", d.Chosen);
            w.WriteStartArray("values");
            foreach (var v in d.Values)
            {
                w.WriteStartObject();
                w.WriteString("value", v.Value);
                w.WriteStartArray("docs");
                foreach (var doc in v.Docs)
                    w.WriteStringValue(doc);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("fulfils");
        foreach (var id in c.Fulfils)
            w.WriteNumberValue(id);
        w.WriteEndArray();
        if (c.FulfilledBy is { } by)
            w.WriteNumber("fulfilled_by", by);
        else
            w.WriteNull("fulfilled_by");
    }
}
