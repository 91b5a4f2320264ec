using System.Globalization;
using Microsoft.Data.Sqlite;
using Parley.Events;
using Parley.Export;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Storage;

/// <summary>
/// Generates a large synthetic store for the query benchmark: deterministic for a seed, written
/// straight into the tables (no extraction, no consolidation, no actors or full text), with a skewed
/// choice of countries so that a few pairs are busy, as in real news. Not used by the tests.
/// </summary>
public static class BenchStore
{
    /// <summary>The countries the generator draws from, busiest first (weights fall off as 1/rank).</summary>
    public static readonly string[] Countries =
    [
        "USA", "CHN", "RUS", "JPN", "KOR", "DEU", "FRA", "GBR", "IND", "TUR", "IRN", "ISR", "SAU", "UKR", "PRK",
        "BRA", "ZAF", "EGY", "QAT", "ARE", "PAK", "AUS", "CAN", "ITA", "ESP", "POL", "MEX", "IDN", "VNM", "PHL",
        "SGP", "MYS", "THA", "NGA", "ETH", "KEN", "ARG", "CHL", "COL", "VEN", "IRQ", "SYR", "JOR", "LBN", "AFG",
        "KAZ", "UZB", "MNG", "NZL", "NOR", "SWE", "FIN", "DNK", "NLD", "BEL", "AUT", "CHE", "GRC", "EU", "UN",
    ];

    public static readonly DateOnly First = new(2015, 1, 1);

    public const int Days = 3653;

    /// <summary>Writes <paramref name="events"/> events (four per synthetic document) into a new store at <paramref name="path"/>.</summary>
    public static void Generate(string path, int events, int seed, Action<int>? progress = null)
    {
        using (var store = ParleyStore.Open(path))
            if (store.Count("events") > 0)
                throw new StoreException($"{path}: already holds events; the benchmark generates into a new file");
        using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        Exec(conn, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        var rng = new Random(seed);
        var cumulative = new double[Countries.Length];
        double sum = 0;
        for (int i = 0; i < Countries.Length; i++)
            cumulative[i] = sum += 1.0 / (i + 1);
        var modes = new[] { ContactMode.InPerson, ContactMode.InPerson, ContactMode.Phone, ContactMode.Video, ContactMode.InPerson };

        var tx = conn.BeginTransaction();
        var insDoc = Prepare(conn, tx, "INSERT INTO documents(doc, hash, published, kind, original, ingested_at, url) VALUES ($doc, $hash, $pub, 'PlainText', $orig, '2025-01-01T00:00:00Z', $url) RETURNING id", "$doc", "$hash", "$pub", "$orig", "$url");
        var insEvent = Prepare(conn, tx, "INSERT INTO events(status, mode, date, day, day_last, win_lo, win_hi, countries, source_count, json) VALUES ($s, $m, $date, $day, $day, $day, $day, $cs, 1, $json) RETURNING id", "$s", "$m", "$date", "$day", "$cs", "$json");
        var insPair = Prepare(conn, tx, "INSERT OR IGNORE INTO event_pairs(a, b, day, event_id) VALUES ($a, $b, $day, $e)", "$a", "$b", "$day", "$e");
        var insCountry = Prepare(conn, tx, "INSERT OR IGNORE INTO event_countries(country, day, event_id, n) VALUES ($c, $day, $e, $n)", "$c", "$day", "$e", "$n");
        var insSource = Prepare(conn, tx, "INSERT INTO sources(event_id, document_id, date, mode) VALUES ($e, $d, $date, $m) RETURNING id", "$e", "$d", "$date", "$m");
        var insEvidence = Prepare(conn, tx, "INSERT INTO evidence(source_id, event_id, start, end, text) VALUES ($s, $e, 0, $len, $t)", "$s", "$e", "$len", "$t");
        long docId = 0;
        for (int n = 0; n < events; n++)
        {
            int day = rng.Next(Days);
            var date = First.AddDays(day);
            if (n % 4 == 0)
            {
                string name = "bench-" + (n / 4).ToString("D7", CultureInfo.InvariantCulture) + ".txt";
                Set(insDoc, name, ParleyStore.ContentHash(name), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "Synthetic benchmark article " + name, "https://example.org/" + name);
                docId = (long)insDoc.ExecuteScalar()!;
            }
            string a = Pick(rng, cumulative, sum), b;
            do
                b = Pick(rng, cumulative, sum);
            while (b == a);
            var (x, y) = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            var mode = modes[rng.Next(modes.Length)];
            var status = rng.Next(10) == 0 ? EventStatus.Planned : EventStatus.Occurred;
            var text = $"Officials of {a} and {b} held talks on {date:yyyy-MM-dd} (synthetic event {n}).";
            var e = new ContactEvent
            {
                Status = status,
                Mode = mode,
                Date = PartialDate.OfDay(date),
                Participants = [new Participant(null, a, "foreign minister"), new Participant(null, b, "foreign minister")],
                Doc = "bench-" + (n / 4).ToString("D7", CultureInfo.InvariantCulture) + ".txt",
                Evidence = [new Evidence(text, new TextSpan(0, text.Length))],
            };
            int dn = date.DayNumber;
            Set(insEvent, status.ToWire(), mode.ToWire(), e.Date!.Value.ToString(), dn, $"|{x}|{y}|", EventJson.ToLine(e));
            long eventId = (long)insEvent.ExecuteScalar()!;
            Set(insPair, x, y, dn, eventId);
            insPair.ExecuteNonQuery();
            foreach (var c in new[] { x, y })
            {
                Set(insCountry, c, dn, eventId, 2);
                insCountry.ExecuteNonQuery();
            }
            Set(insSource, eventId, docId, e.Date!.Value.ToString(), mode.ToWire());
            long sourceId = (long)insSource.ExecuteScalar()!;
            Set(insEvidence, sourceId, eventId, text.Length, text);
            insEvidence.ExecuteNonQuery();
            if ((n + 1) % 100_000 == 0)
            {
                tx.Commit();
                tx.Dispose();
                tx = conn.BeginTransaction();
                foreach (var cmd in new[] { insDoc, insEvent, insPair, insCountry, insSource, insEvidence })
                    cmd.Transaction = tx;
                progress?.Invoke(n + 1);
            }
        }
        tx.Commit();
        tx.Dispose();
        Exec(conn, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static string Pick(Random rng, double[] cumulative, double sum)
    {
        double r = rng.NextDouble() * sum;
        int i = Array.BinarySearch(cumulative, r);
        if (i < 0)
            i = ~i;
        return Countries[Math.Min(i, Countries.Length - 1)];
    }

    private static SqliteCommand Prepare(SqliteConnection conn, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var n in names)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteCommand cmd, params object[] values)
    {
        for (int i = 0; i < values.Length; i++)
            cmd.Parameters[i].Value = values[i];
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
