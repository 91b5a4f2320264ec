using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Events;

namespace Parley.Export;

/// <summary>Writes contact events in the line format of shared/eval/SCHEMA.md.</summary>
public static class EventJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Utf8JsonWriter w, ContactEvent e) => Write(w, e, null, null);

    /// <summary>
    /// Writes the event with extra fields: <paramref name="before"/> right after the opening brace,
    /// <paramref name="after"/> before the closing one. The SCHEMA.md fields are unchanged.
    /// </summary>
    public static void Write(Utf8JsonWriter w, ContactEvent e, Action<Utf8JsonWriter>? before, Action<Utf8JsonWriter>? after)
    {
        w.WriteStartObject();
        before?.Invoke(w);
        w.WriteString("type", e.Type);
        w.WriteString("status", e.Status.ToWire());
        w.WriteString("mode", e.Mode.ToWire());
        if (e.Date is { } d)
            w.WriteString("date", d.ToString());
        else
            w.WriteNull("date");
        w.WriteStartArray("participants");
        foreach (var p in e.Participants)
        {
            w.WriteStartObject();
            WriteNullable(w, "name", p.Name);
            w.WriteString("country", p.Country);
            WriteNullable(w, "role", p.Role);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (e.Location is { } loc)
        {
            w.WriteStartObject("location");
            WriteNullable(w, "city", loc.City);
            WriteNullable(w, "country", loc.Country);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("location");
        }
        if (e.DurationMinutes is { } min)
            w.WriteNumber("duration_minutes", min);
        else
            w.WriteNull("duration_minutes");
        w.WriteStartArray("topics");
        foreach (var t in e.Topics)
            w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteString("doc", e.Doc);
        WriteEvidence(w, e);
        if (e.DatePhrase is not null)
            w.WriteString("date_phrase", e.DatePhrase);
        after?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>The evidence of an event: the first sentence as "evidence", every sentence with original offsets.</summary>
    public static void WriteEvidence(Utf8JsonWriter w, ContactEvent e)
    {
        w.WriteString("evidence", e.Evidence.Count > 0 ? e.Evidence[0].AsSpan() : "");
        w.WriteStartArray("evidence_spans");
        foreach (var ev in e.Evidence)
        {
            w.WriteStartObject();
            w.WriteNumber("start", ev.Span.Start);
            w.WriteNumber("end", ev.Span.End);
            w.WriteString("text", ev.AsSpan());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string ToLine(ContactEvent e)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions))
            Write(w, e);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    internal static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
