using System.Text.Json;
using Parley.Events;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Export;

/// <summary>Reads back what <see cref="EventJson"/> writes: one SCHEMA.md event line into a <see cref="ContactEvent"/>.</summary>
public static class EventJsonReader
{
    public static ContactEvent Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return Read(doc.RootElement);
    }

    public static ContactEvent Read(JsonElement o)
    {
        var status = Str(o, "status") == "planned" ? EventStatus.Planned : EventStatus.Occurred;
        ContactModeNames.TryParseMode(Str(o, "mode") ?? "unknown", out var mode);
        PartialDate? date = PartialDate.TryParse(Str(o, "date"), out var d) ? d : null;
        var participants = new List<Participant>();
        if (o.TryGetProperty("participants", out var ps) && ps.ValueKind == JsonValueKind.Array)
            foreach (var p in ps.EnumerateArray())
                participants.Add(new Participant(Str(p, "name"), Str(p, "country") ?? "", Str(p, "role")));
        Location? location = null;
        if (o.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.Object)
            location = new Location(Str(loc, "city"), Str(loc, "country"));
        int? duration = o.TryGetProperty("duration_minutes", out var dm) && dm.ValueKind == JsonValueKind.Number ? dm.GetInt32() : null;
        var topics = new List<string>();
        if (o.TryGetProperty("topics", out var ts) && ts.ValueKind == JsonValueKind.Array)
            foreach (var t in ts.EnumerateArray())
                if (t.GetString() is { } s)
                    topics.Add(s);
        var evidence = new List<Evidence>();
        if (o.TryGetProperty("evidence_spans", out var es) && es.ValueKind == JsonValueKind.Array)
            foreach (var e in es.EnumerateArray())
                evidence.Add(new Evidence(Str(e, "text") ?? "", new TextSpan(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32())));
        else if (Str(o, "evidence") is { Length: > 0 } text)
            evidence.Add(new Evidence(text, new TextSpan(0, 0)));
        return new ContactEvent
        {
            Type = Str(o, "type") ?? "CONSULT",
            Status = status,
            Mode = mode,
            Date = date,
            DatePhrase = Str(o, "date_phrase"),
            Participants = participants,
            Location = location,
            DurationMinutes = duration,
            Topics = topics,
            Doc = Str(o, "doc") ?? "",
            Evidence = evidence,
        };
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
