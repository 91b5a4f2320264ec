using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Consolidation;
using Parley.Documents;
using Parley.Events;
using Parley.Export;
using Parley.Temporal;

namespace Parley.Storage;

/// <summary>What ingesting one document did.</summary>
public sealed record DocumentOutcome(bool Stored, long DocumentId, int EventsNew, int EventsMerged, int Links)
{
    public static readonly DocumentOutcome Skipped = new(false, 0, 0, 0, 0);
}

public sealed partial class ParleyStore
{
    /// <summary>SHA-256 of a document's original text (UTF-8), lower-case hex: the store's identity of a document.</summary>
    public static string ContentHash(string original) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)));

    /// <summary>True when a document with this original text is already stored.</summary>
    public bool Contains(string original)
    {
        using var cmd = Prepared("SELECT 1 FROM documents WHERE hash = $h");
        cmd.Parameters.AddWithValue("$h", ContentHash(original));
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Stores a processed document and its events in one transaction: each event either joins the
    /// stored event it reports (another source) or becomes a new one, and planned/occurred pairs are
    /// linked. A document whose original is already stored is skipped.
    /// </summary>
    /// <param name="now">The ingest time recorded with the document (the library never reads the clock).</param>
    public DocumentOutcome Ingest(Document doc, DateTimeOffset now)
    {
        var (outcome, error) = IngestBatch([doc], now)[0];
        if (error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return outcome!;
    }

    // The full-text rows of the events a document or batch indexes, written when it is done: an FTS5 insert inside a
    // savepoint made every later statement of the transaction slower (its pending terms are flushed at each
    // savepoint), half of a batch's time in a test of the same statements. Per event: its text, and whether it is
    // new (no row to delete first).
    private readonly List<(long Event, string Text, bool Fresh)> _textOfDocument = [];
    private readonly Dictionary<long, (string Text, bool Fresh)> _textOfBatch = [];

    /// <summary>The current document is stored: its events' texts join the batch's (a later report's text replaces an earlier one).</summary>
    private void KeepText()
    {
        foreach (var (id, text, fresh) in _textOfDocument)
            _textOfBatch[id] = (text, _textOfBatch.TryGetValue(id, out var known) ? known.Fresh : fresh);
        _textOfDocument.Clear();
    }

    /// <summary>Writes the batch's full-text rows (replacing those of the events that had one), in the order first indexed.</summary>
    private void WriteText(SqliteTransaction tx)
    {
        foreach (var (id, (text, fresh)) in _textOfBatch)
        {
            if (!fresh)
            {
                using var del = Prepared("DELETE FROM event_fts WHERE rowid = $e", tx);
                del.Parameters.AddWithValue("$e", id);
                del.ExecuteNonQuery();
            }
            using var ins = Prepared("INSERT INTO event_fts(rowid, text) VALUES ($e, $t)", tx);
            ins.Parameters.AddWithValue("$e", id);
            ins.Parameters.AddWithValue("$t", text);
            ins.ExecuteNonQuery();
        }
        _textOfBatch.Clear();
    }

    /// <summary>Documents <see cref="IngestBatch"/> stores in one transaction when a caller has many (the CLI does).</summary>
    public const int BatchSize = 32;

    /// <summary>
    /// Stores documents as <see cref="Ingest"/> does, all in one transaction, each under a savepoint of its own: a
    /// document that fails is rolled back alone (its exception is returned in its place) and the others are stored.
    /// Committing once for many documents writes each shared page (an index's, the full-text index's new segment)
    /// once instead of once per document: with one transaction per article, the commits were a third of
    /// ingestion's time. An interrupted batch leaves none of its documents stored; ingesting again completes it.
    /// </summary>
    /// <returns>For each document in order, what ingesting it did, or why it failed.</returns>
    public IReadOnlyList<(DocumentOutcome? Outcome, Exception? Error)> IngestBatch(IReadOnlyList<Document> docs, DateTimeOffset now)
    {
        var results = new (DocumentOutcome?, Exception?)[docs.Count];
        if (docs.Count == 0)
            return results;
        using var tx = BeginImmediate();
        RefreshActorCache(tx);
        bool committed = false;
        try
        {
            for (int i = 0; i < docs.Count; i++)
            {
                tx.Save("document");
                try
                {
                    results[i] = (IngestIn(docs[i], now, ContentHash(docs[i].Original), tx), null);
                    KeepText();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    tx.Rollback("document");
                    _actorCache.Clear();
                    _textOfDocument.Clear();
                    results[i] = (null, e);
                }
                tx.Release("document");
            }
            WriteText(tx);
            tx.Commit();
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                _actorCache.Clear();
                _textOfDocument.Clear();
                _textOfBatch.Clear();
            }
        }
        return results;
    }

    private DocumentOutcome IngestIn(Document doc, DateTimeOffset now, string hash, SqliteTransaction tx)
    {
        using (var exists = Prepared("SELECT 1 FROM documents WHERE hash = $h", tx))
        {
            exists.Parameters.AddWithValue("$h", hash);
            if (exists.ExecuteScalar() is not null)
                return DocumentOutcome.Skipped;
        }
        long docId;
        using (var ins = Prepared("""
            INSERT INTO documents(doc, origin, hash, url, outlet, headline, published, kind, original, ingested_at)
            VALUES ($doc, $origin, $hash, $url, $outlet, $headline, $published, $kind, $original, $at) RETURNING id
            """, tx))
        {
            ins.Parameters.AddWithValue("$doc", doc.Id);
            ins.Parameters.AddWithValue("$origin", (object?)doc.Source.Origin ?? DBNull.Value);
            ins.Parameters.AddWithValue("$hash", hash);
            ins.Parameters.AddWithValue("$url", (object?)doc.Info.Url ?? DBNull.Value);
            ins.Parameters.AddWithValue("$outlet", (object?)doc.Info.Outlet ?? DBNull.Value);
            ins.Parameters.AddWithValue("$headline", (object?)doc.Info.Headline ?? DBNull.Value);
            ins.Parameters.AddWithValue("$published", (object?)doc.Info.Published?.ToString() ?? DBNull.Value);
            ins.Parameters.AddWithValue("$kind", doc.Source.Kind.ToString());
            ins.Parameters.AddWithValue("$original", doc.Original);
            ins.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
            docId = (long)ins.ExecuteScalar()!;
        }
        int added = 0, merged = 0, links = 0;
        foreach (var e in doc.Events)
        {
            var report = new SourceReport
            {
                Event = e,
                Published = doc.Info.Published,
                Url = doc.Info.Url,
                Outlet = doc.Info.Outlet,
                Headline = doc.Info.Headline,
            };
            var (_, wasMerged, linked) = Place(report, docId, tx);
            if (wasMerged)
                merged++;
            else
                added++;
            links += linked;
        }
        return new DocumentOutcome(true, docId, added, merged, links);
    }

    /// <summary>Adds one report: merges it into the stored event it matches, or stores a new event.</summary>
    private (long EventId, bool Merged, int Links) Place(SourceReport report, long docId, SqliteTransaction tx)
    {
        var view = Matcher.ViewOf(report);
        var candidates = Candidates(view, tx).Select(id => LoadEvent(id, tx)!).ToList();
        ConsolidatedEvent? target = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            // Two contacts the extractor kept apart within one article are two contacts: a bilateral
            // and the trilateral after it never become one event through the store.
            if (c.Sources.Any(s => string.Equals(s.Doc, report.Doc, StringComparison.Ordinal)))
                continue;
            var cv = Matcher.ViewOf(c);
            if (!Matcher.Same(cv, view))
                continue;
            int distance = Distance(cv.Window, view.Window);
            if (distance < bestDistance || (distance == bestDistance && c.Sources.Count > target!.Sources.Count))
            {
                target = c;
                bestDistance = distance;
            }
        }
        long eventId;
        ConsolidatedEvent resolved;
        if (target is null)
        {
            resolved = Consolidator.Resolve([report]);
            var line = EventJson.ToLine(resolved.Event); // stored with the event, and compared with the report's
            eventId = InsertEvent(resolved, tx, line);
            bool differs = !string.Equals(EventJson.ToLine(report.Event), line, StringComparison.Ordinal);
            long sourceId = InsertSource(eventId, docId, report, storeReport: differs, tx);
            InsertEvidence(sourceId, eventId, report.Event, tx);
        }
        else
        {
            eventId = target.Id;
            // Sources stored as "same as the event" must keep their own report once the event changes.
            using (var fix = Prepared("UPDATE sources SET report = $r WHERE event_id = $e AND report IS NULL", tx))
            {
                fix.Parameters.AddWithValue("$r", EventJson.ToLine(target.Sources[0].Event));
                fix.Parameters.AddWithValue("$e", eventId);
                fix.ExecuteNonQuery();
            }
            resolved = Consolidator.Resolve(target.Sources.Append(report), eventId);
            long sourceId = InsertSource(eventId, docId, report, storeReport: true, tx);
            InsertEvidence(sourceId, eventId, report.Event, tx);
            UpdateEvent(resolved, tx);
        }
        IndexEvent(eventId, resolved, fresh: target is null, tx);

        // Planned ↔ occurred: link the event with the other-status candidates it announces or fulfils.
        int links = 0;
        var finalView = Matcher.ViewOf(resolved);
        foreach (var c in candidates)
        {
            if (c.Id == eventId || c.Event.Status == resolved.Event.Status)
                continue;
            var cv = Matcher.ViewOf(c);
            bool link = resolved.Event.Status == EventStatus.Planned ? Matcher.Fulfils(finalView, cv) : Matcher.Fulfils(cv, finalView);
            if (!link)
                continue;
            var (planned, occurred) = resolved.Event.Status == EventStatus.Planned ? (eventId, c.Id) : (c.Id, eventId);
            using var ins = Prepared("INSERT OR IGNORE INTO event_links(planned_id, occurred_id) VALUES ($p, $o)", tx);
            ins.Parameters.AddWithValue("$p", planned);
            ins.Parameters.AddWithValue("$o", occurred);
            links += ins.ExecuteNonQuery();
        }
        return (eventId, target is not null, links);
    }

    private static int Distance(DayWindow? a, DayWindow? b)
    {
        if (a is not { } x || b is not { } y)
            return int.MaxValue - 1;
        return Math.Abs((x.Lo.DayNumber + x.Hi.DayNumber) - (y.Lo.DayNumber + y.Hi.DayNumber));
    }

    /// <summary>Stored events that may be the same contact (or its planned/occurred counterpart): sharing a
    /// country pair (or, for one-country events, the country) within a generous day range of the window.</summary>
    private List<long> Candidates(ContactView view, SqliteTransaction tx)
    {
        var ids = new List<long>();
        if (view.Window is not { } w)
            return ids;
        // A stored event's day is its date's first day; its window can reach a year past it (year
        // precision) or half a year (undated plan), and a week before it.
        int lo = w.Lo.DayNumber - 400, hi = w.Hi.DayNumber + 10;
        var countries = view.Countries.Order(StringComparer.Ordinal).ToList();
        using var cmd = Prepared(CandidatesSql(countries.Count), tx);
        int k = 0;
        for (int i = 0; i < countries.Count; i++)
            for (int j = i + 1; j < countries.Count; j++)
            {
                cmd.Parameters.AddWithValue("$a" + k, countries[i]);
                cmd.Parameters.AddWithValue("$b" + k, countries[j]);
                k++;
            }
        for (int i = 0; i < countries.Count; i++)
            cmd.Parameters.AddWithValue("$c" + i, countries[i]);
        cmd.Parameters.AddWithValue("$lo", lo);
        cmd.Parameters.AddWithValue("$hi", hi);
        cmd.Parameters.AddWithValue("$wlo", w.Lo.DayNumber);
        cmd.Parameters.AddWithValue("$whi", w.Hi.DayNumber);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            ids.Add(r.GetInt64(0));
        return ids;
    }

    /// <summary>The candidates query for an event of <paramref name="n"/> countries: each pair, then each country alone.</summary>
    private static string CandidatesSql(int n)
    {
        var sql = new StringBuilder();
        int k = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                if (sql.Length > 0)
                    sql.Append(" UNION ");
                sql.Append(CultureInfo.InvariantCulture, $"SELECT event_id FROM event_pairs WHERE a = $a{k} AND b = $b{k} AND day BETWEEN $lo AND $hi");
                k++;
            }
        for (int i = 0; i < n; i++)
        {
            if (sql.Length > 0)
                sql.Append(" UNION ");
            // One-country events (the other side left unnamed or was the omitted host) share no pair.
            sql.Append(CultureInfo.InvariantCulture, $"SELECT event_id FROM event_countries WHERE country = $c{i} AND day BETWEEN $lo AND $hi");
            if (n > 1)
                sql.Append(" AND n = 1");
        }
        return $"SELECT e.id FROM events e WHERE e.id IN ({sql}) AND e.win_lo <= $whi AND e.win_hi >= $wlo ORDER BY e.id";
    }

    private (int Day, int DayLast, DayWindow? Window) Days(ConsolidatedEvent c)
    {
        var window = Matcher.ViewOf(c).Window;
        if (c.Event.Date is { } d)
            return (d.Earliest.DayNumber, d.Latest.DayNumber, window);
        var published = c.Sources.Select(s => s.Published).FirstOrDefault(p => p is not null);
        if (published is { } p)
            return (p.Earliest.DayNumber, p.Latest.DayNumber, window);
        return window is { } w ? (w.Lo.DayNumber, w.Hi.DayNumber, window) : (0, 0, null);
    }

    private long InsertEvent(ConsolidatedEvent c, SqliteTransaction tx, string line)
    {
        using var cmd = Prepared("""
            INSERT INTO events(status, mode, date, day, day_last, win_lo, win_hi, city, loc_country, countries, source_count, json, disagreements)
            VALUES ($status, $mode, $date, $day, $day_last, $win_lo, $win_hi, $city, $loc_country, $countries, $n, $json, $dis) RETURNING id
            """, tx);
        BindEvent(cmd, c, line);
        return (long)cmd.ExecuteScalar()!;
    }

    private void UpdateEvent(ConsolidatedEvent c, SqliteTransaction tx)
    {
        using var cmd = Prepared("""
            UPDATE events SET status = $status, mode = $mode, date = $date, day = $day, day_last = $day_last,
                win_lo = $win_lo, win_hi = $win_hi, city = $city, loc_country = $loc_country, countries = $countries,
                source_count = $n, json = $json, disagreements = $dis
            WHERE id = $id
            """, tx);
        BindEvent(cmd, c);
        cmd.Parameters.AddWithValue("$id", c.Id);
        cmd.ExecuteNonQuery();
    }

    /// <param name="line">The event's SCHEMA.md line when the caller has made it already.</param>
    private void BindEvent(SqliteCommand cmd, ConsolidatedEvent c, string? line = null)
    {
        var e = c.Event;
        var (day, dayLast, window) = Days(c);
        cmd.Parameters.AddWithValue("$status", e.Status.ToWire());
        cmd.Parameters.AddWithValue("$mode", e.Mode.ToWire());
        cmd.Parameters.AddWithValue("$date", (object?)e.Date?.ToString() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$day", day);
        cmd.Parameters.AddWithValue("$day_last", dayLast);
        cmd.Parameters.AddWithValue("$win_lo", window is { } w1 ? w1.Lo.DayNumber : DBNull.Value);
        cmd.Parameters.AddWithValue("$win_hi", window is { } w2 ? w2.Hi.DayNumber : DBNull.Value);
        cmd.Parameters.AddWithValue("$city", (object?)e.Location?.City ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$loc_country", (object?)e.Location?.Country ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$countries", CountryKey(e));
        cmd.Parameters.AddWithValue("$n", c.Sources.Count);
        cmd.Parameters.AddWithValue("$json", line ?? EventJson.ToLine(e));
        cmd.Parameters.AddWithValue("$dis", c.Disagreements.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(c.Disagreements));
    }

    internal static string CountryKey(ContactEvent e) =>
        "|" + string.Join("|", e.Participants.Select(p => p.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + "|";

    private long InsertSource(long eventId, long docId, SourceReport report, bool storeReport, SqliteTransaction tx)
    {
        using var cmd = Prepared("INSERT INTO sources(event_id, document_id, date, mode, report) VALUES ($e, $d, $date, $mode, $r) RETURNING id", tx);
        cmd.Parameters.AddWithValue("$e", eventId);
        cmd.Parameters.AddWithValue("$d", docId);
        cmd.Parameters.AddWithValue("$date", (object?)report.Event.Date?.ToString() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$mode", report.Event.Mode.ToWire());
        cmd.Parameters.AddWithValue("$r", storeReport ? EventJson.ToLine(report.Event) : DBNull.Value);
        return (long)cmd.ExecuteScalar()!;
    }

    private void InsertEvidence(long sourceId, long eventId, ContactEvent e, SqliteTransaction tx)
    {
        foreach (var ev in e.Evidence)
        {
            using var cmd = Prepared("INSERT INTO evidence(source_id, event_id, start, end, text) VALUES ($s, $e, $a, $b, $t)", tx);
            cmd.Parameters.AddWithValue("$s", sourceId);
            cmd.Parameters.AddWithValue("$e", eventId);
            cmd.Parameters.AddWithValue("$a", ev.Span.Start);
            cmd.Parameters.AddWithValue("$b", ev.Span.End);
            cmd.Parameters.AddWithValue("$t", ev.Text);
            cmd.ExecuteNonQuery();
        }
    }

    private static bool ResolvedBefore(List<(Participant Participant, PartialDate? When, long? Actor)> resolved, Participant p, PartialDate? when, out long? actor)
    {
        foreach (var r in resolved)
            if (r.Participant == p && r.When == when)
            {
                actor = r.Actor;
                return true;
            }
        actor = null;
        return false;
    }

    /// <summary>The tables of an event's lookup rows, each indexed by event id (re-indexing deletes by it).</summary>
    internal static readonly string[] IndexTables = ["event_pairs", "event_countries", "participants", "event_actors"];

    /// <summary>Rebuilds the lookup rows of an event: country pairs, countries, participants with their actors, full text.</summary>
    /// <param name="fresh">The event was just inserted: it has no lookup rows to delete.</param>
    private void IndexEvent(long eventId, ConsolidatedEvent c, bool fresh, SqliteTransaction tx)
    {
        if (!fresh)
        {
            foreach (var table in IndexTables)
            {
                using var del = Prepared($"DELETE FROM {table} WHERE event_id = $e", tx);
                del.Parameters.AddWithValue("$e", eventId);
                del.ExecuteNonQuery();
            }
        }
        var e = c.Event;
        int day = Days(c).Day;
        var countries = e.Participants.Select(p => p.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < countries.Count; i++)
        {
            using (var ins = Prepared("INSERT OR IGNORE INTO event_countries(country, day, event_id, n) VALUES ($c, $d, $e, $n)", tx))
            {
                ins.Parameters.AddWithValue("$c", countries[i]);
                ins.Parameters.AddWithValue("$d", day);
                ins.Parameters.AddWithValue("$e", eventId);
                ins.Parameters.AddWithValue("$n", countries.Count);
                ins.ExecuteNonQuery();
            }
            for (int j = i + 1; j < countries.Count; j++)
            {
                using var ins = Prepared("INSERT OR IGNORE INTO event_pairs(a, b, day, event_id) VALUES ($a, $b, $d, $e)", tx);
                ins.Parameters.AddWithValue("$a", countries[i]);
                ins.Parameters.AddWithValue("$b", countries[j]);
                ins.Parameters.AddWithValue("$d", day);
                ins.Parameters.AddWithValue("$e", eventId);
                ins.ExecuteNonQuery();
            }
        }
        var actorIds = new HashSet<long>();
        // What each participant resolved to, so that a source repeating it (a single-source event is its own only
        // source) is not resolved a second time: the same participant on the same date finds the same actor, and
        // the first resolution already recorded its name and role.
        var resolvedAs = new List<(Participant Participant, PartialDate? When, long? Actor)>(e.Participants.Count);
        foreach (var p in e.Participants)
        {
            long? actor = ResolveActor(p, e.Date, tx);
            resolvedAs.Add((p, e.Date, actor));
            if (actor is { } a)
                actorIds.Add(a);
            using var ins = Prepared("INSERT INTO participants(event_id, actor_id, name, country, role) VALUES ($e, $a, $n, $c, $r)", tx);
            ins.Parameters.AddWithValue("$e", eventId);
            ins.Parameters.AddWithValue("$a", (object?)actor ?? DBNull.Value);
            ins.Parameters.AddWithValue("$n", (object?)p.Name ?? DBNull.Value);
            ins.Parameters.AddWithValue("$c", p.Country);
            ins.Parameters.AddWithValue("$r", (object?)p.Role ?? DBNull.Value);
            ins.ExecuteNonQuery();
        }
        // What each source said counts too: "the top nuclear envoy" in one report is Noh in another.
        foreach (var s in c.Sources)
            foreach (var p in s.Event.Participants)
            {
                var when = s.Event.Date ?? e.Date;
                if ((ResolvedBefore(resolvedAs, p, when, out var known) ? known : ResolveActor(p, when, tx, create: false)) is { } a)
                    actorIds.Add(a);
            }
        foreach (var a in actorIds)
        {
            using var ins = Prepared("INSERT OR IGNORE INTO event_actors(actor_id, day, event_id) VALUES ($a, $d, $e)", tx);
            ins.Parameters.AddWithValue("$a", a);
            ins.Parameters.AddWithValue("$d", day);
            ins.Parameters.AddWithValue("$e", eventId);
            ins.ExecuteNonQuery();
        }
        var text = new StringBuilder();
        foreach (var p in e.Participants)
            text.Append(p.Name).Append(' ').Append(p.Role).Append(' ');
        foreach (var s in c.Sources)
            foreach (var ev in s.Event.Evidence)
                text.Append(ev.Text).Append('\n');
        _textOfDocument.Add((eventId, text.ToString(), fresh));
    }
}
