using System.Text.Json;
using Parley.Events;
using Parley.Temporal;

namespace Parley.Evaluation;

/// <summary>One gold event of a gold file (shared/eval/SCHEMA.md), with its alternative dates.</summary>
public sealed record GoldEvent(
    EventStatus Status,
    string? Mode,
    string? Date,
    IReadOnlyList<string?> DateAlt,
    IReadOnlyList<Participant> Participants,
    Location? Location,
    int? DurationMinutes,
    bool Optional,
    string? Evidence);

/// <summary>The gold events of one document.</summary>
public sealed record GoldDocument(string Doc, string? Published, IReadOnlyList<GoldEvent> Events);

/// <summary>Reads a folder of gold files: one JSON object per document.</summary>
public static class GoldSet
{
    public static IReadOnlyList<GoldDocument> Load(string folder)
    {
        var docs = new List<GoldDocument>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            var events = new List<GoldEvent>();
            foreach (var e in root.GetProperty("events").EnumerateArray())
                events.Add(ReadEvent(e));
            docs.Add(new GoldDocument(Path.GetFileName(root.GetProperty("doc").GetString()!), Str(root, "published"), events));
        }
        return docs;
    }

    private static GoldEvent ReadEvent(JsonElement e)
    {
        var participants = new List<Participant>();
        foreach (var p in e.GetProperty("participants").EnumerateArray())
            participants.Add(new Participant(Str(p, "name"), (Str(p, "country") ?? "?").ToUpperInvariant(), Str(p, "role")));
        var alt = new List<string?>();
        if (e.TryGetProperty("date_alt", out var da) && da.ValueKind == JsonValueKind.Array)
            foreach (var d in da.EnumerateArray())
                alt.Add(d.ValueKind == JsonValueKind.Null ? null : d.GetString());
        Location? loc = null;
        if (e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object)
            loc = new Location(Str(l, "city"), Str(l, "country"));
        int? duration = e.TryGetProperty("duration_minutes", out var dm) && dm.ValueKind == JsonValueKind.Number ? dm.GetInt32() : null;
        bool optional = e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True;
        return new GoldEvent(
            Str(e, "status") == "planned" ? EventStatus.Planned : EventStatus.Occurred,
            Str(e, "mode"), Str(e, "date"), alt, participants, loc, duration, optional, Str(e, "evidence"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Whether a system date matches the gold date or one of its alternatives, at the gold's precision.</summary>
    public static bool DateOk(PartialDate? system, GoldEvent gold)
    {
        var sys = system?.ToString();
        foreach (var wanted in gold.DateAlt.Prepend(gold.Date))
        {
            if (wanted is null && sys is null)
                return true;
            if (wanted is not null && sys is not null && sys.Length >= wanted.Length && sys[..wanted.Length] == wanted)
                return true;
        }
        return false;
    }
}
