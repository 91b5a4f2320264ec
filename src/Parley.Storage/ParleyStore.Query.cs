using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Consolidation;
using Parley.Events;
using Parley.Export;
using Parley.Temporal;

namespace Parley.Storage;

/// <summary>
/// What <see cref="ParleyStore.Query"/> looks for. Every filter narrows: two countries mean contacts
/// between both, two actors likewise. Dates compare with the first day of the contact's date (or of
/// its first report's publication when undated).
/// </summary>
public sealed record EventFilter
{
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Names ("Noh", "Noh Kyu-duk") or ids ("#12") of registry actors.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    public DateOnly? Since { get; init; }

    public DateOnly? Until { get; init; }

    public ContactMode? Mode { get; init; }

    public EventStatus? Status { get; init; }

    /// <summary>An FTS5 query over evidence, names and roles ("nuclear", "Noh AND Liu", "\"end-of-war declaration\"").</summary>
    public string? Text { get; init; }

    public int? Limit { get; init; }
}

public sealed partial class ParleyStore
{
    /// <summary>Ids of the events matching <paramref name="filter"/>, by day then id.</summary>
    public IReadOnlyList<long> QueryIds(EventFilter filter)
    {
        using var cmd = Command("");
        var sql = BuildQuery(filter, cmd);
        if (sql is null)
            return [];
        cmd.CommandText = sql;
        var ids = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            ids.Add(r.GetInt64(0));
        return ids;
    }

    /// <summary>The events matching <paramref name="filter"/>, consolidated, with their sources.</summary>
    public IReadOnlyList<ConsolidatedEvent> Query(EventFilter filter) => QueryIds(filter).Select(id => LoadEvent(id, null)!).ToList();

    /// <summary>Every stored event, in order of id (of storing), read lazily in pages.</summary>
    public IEnumerable<ConsolidatedEvent> All()
    {
        long last = 0;
        while (true)
        {
            var ids = new List<long>();
            using (var cmd = Command("SELECT id FROM events WHERE id > $last ORDER BY id LIMIT 1000"))
            {
                cmd.Parameters.AddWithValue("$last", last);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    ids.Add(r.GetInt64(0));
            }
            if (ids.Count == 0)
                yield break;
            foreach (var id in ids)
                yield return LoadEvent(id, null)!;
            last = ids[^1];
        }
    }

    /// <summary>Builds the query. The most selective indexed filter drives it (country pair, one country,
    /// actor, full text, else the day index); the others check each row.</summary>
    private string? BuildQuery(EventFilter f, SqliteCommand cmd)
    {
        var conds = new List<string>();
        int since = f.Since?.DayNumber ?? int.MinValue, until = f.Until?.DayNumber ?? int.MaxValue;
        cmd.Parameters.AddWithValue("$since", since);
        cmd.Parameters.AddWithValue("$until", until);
        var countries = f.Countries.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string? driver = null;
        if (countries.Count >= 2)
        {
            driver = "SELECT event_id FROM event_pairs WHERE a = $ca AND b = $cb AND day BETWEEN $since AND $until";
            cmd.Parameters.AddWithValue("$ca", countries[0]);
            cmd.Parameters.AddWithValue("$cb", countries[1]);
            for (int i = 2; i < countries.Count; i++)
            {
                conds.Add($"e.countries LIKE $cl{i}");
                cmd.Parameters.AddWithValue("$cl" + i, "%|" + countries[i] + "|%");
            }
        }
        else if (countries.Count == 1)
        {
            driver = "SELECT event_id FROM event_countries WHERE country = $ca AND day BETWEEN $since AND $until";
            cmd.Parameters.AddWithValue("$ca", countries[0]);
        }
        for (int i = 0; i < f.Actors.Count; i++)
        {
            var ids = FindActors(f.Actors[i]);
            if (ids.Count == 0)
                return null;
            var list = string.Join(",", ids.Select(x => x.ToString(CultureInfo.InvariantCulture)));
            if (driver is null)
                driver = $"SELECT DISTINCT event_id FROM event_actors WHERE actor_id IN ({list}) AND day BETWEEN $since AND $until";
            else
                conds.Add($"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.actor_id IN ({list}))");
        }
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            cmd.Parameters.AddWithValue("$text", f.Text);
            if (driver is null)
                driver = "SELECT rowid AS event_id FROM event_fts WHERE event_fts MATCH $text";
            else
                conds.Add("e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH $text)");
        }
        if (f.Mode is { } m)
        {
            conds.Add("e.mode = $mode");
            cmd.Parameters.AddWithValue("$mode", m.ToWire());
        }
        if (f.Status is { } st)
        {
            conds.Add("e.status = $status");
            cmd.Parameters.AddWithValue("$status", st.ToWire());
        }
        conds.Add("e.day BETWEEN $since AND $until");
        var where = string.Join(" AND ", conds);
        var limit = f.Limit is { } l ? " LIMIT " + l.ToString(CultureInfo.InvariantCulture) : "";
        // CROSS JOIN keeps SQLite from reordering: the driver's index range, then events by rowid.
        return driver is null
            ? $"SELECT e.id FROM events e WHERE {where} ORDER BY e.day, e.id{limit}"
            : $"SELECT e.id FROM ({driver}) s CROSS JOIN events e ON e.id = s.event_id WHERE {where} ORDER BY e.day, e.id{limit}";
    }

    /// <summary>One stored event with its sources, disagreements and links; null when there is no such id.</summary>
    public ConsolidatedEvent? Get(long id) => LoadEvent(id, null);

    internal ConsolidatedEvent? LoadEvent(long id, SqliteTransaction? tx)
    {
        ContactEvent resolved;
        IReadOnlyList<Disagreement> disagreements = [];
        using (var cmd = Prepared("SELECT json, disagreements FROM events WHERE id = $id", tx))
        {
            cmd.Parameters.AddWithValue("$id", id);
            using var r = cmd.ExecuteReader();
            if (!r.Read())
                return null;
            resolved = EventJsonReader.Parse(r.GetString(0));
            if (!r.IsDBNull(1))
                disagreements = JsonSerializer.Deserialize<List<Disagreement>>(r.GetString(1)) ?? [];
        }
        var sources = new List<SourceReport>();
        using (var cmd = Prepared("""
            SELECT s.report, d.doc, d.url, d.published, d.outlet, d.headline
            FROM sources s JOIN documents d ON d.id = s.document_id WHERE s.event_id = $id ORDER BY s.id
            """, tx))
        {
            cmd.Parameters.AddWithValue("$id", id);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var report = r.IsDBNull(0) ? resolved with { Doc = r.GetString(1) } : EventJsonReader.Parse(r.GetString(0));
                sources.Add(new SourceReport
                {
                    Event = report,
                    Url = r.IsDBNull(2) ? null : r.GetString(2),
                    Published = !r.IsDBNull(3) && PartialDate.TryParse(r.GetString(3), out var p) ? p : null,
                    Outlet = r.IsDBNull(4) ? null : r.GetString(4),
                    Headline = r.IsDBNull(5) ? null : r.GetString(5),
                });
            }
        }
        sources = sources.OrderBy(s => s.Published?.Earliest ?? DateOnly.MaxValue).ThenBy(s => s.Doc, StringComparer.Ordinal).ToList();
        long? fulfilledBy = null;
        var fulfils = new List<long>();
        using (var cmd = Prepared("SELECT planned_id, occurred_id FROM event_links WHERE planned_id = $id OR occurred_id = $id ORDER BY planned_id, occurred_id", tx))
        {
            cmd.Parameters.AddWithValue("$id", id);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (r.GetInt64(0) == id)
                    fulfilledBy ??= r.GetInt64(1);
                else
                    fulfils.Add(r.GetInt64(0));
            }
        }
        return new ConsolidatedEvent
        {
            Id = id,
            Event = resolved,
            Sources = sources,
            Disagreements = disagreements,
            FulfilledBy = fulfilledBy,
            Fulfils = fulfils,
        };
    }

    /// <summary>The query plan SQLite chooses for a filter (for the benchmark and for debugging slow queries).</summary>
    public string Explain(EventFilter filter)
    {
        using var cmd = Command("");
        var sql = BuildQuery(filter, cmd);
        if (sql is null)
            return "(no actor matches)";
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var sb = new StringBuilder();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            sb.AppendLine(r.GetString(3));
        return sb.ToString();
    }
}
