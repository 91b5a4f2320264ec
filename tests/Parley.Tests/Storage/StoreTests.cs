using Microsoft.Data.Sqlite;
using Parley.Documents;
using Parley.Events;
using Parley.Storage;
using Parley.Temporal;
using Parley.Tests.Consolidation;
using static Parley.Tests.Consolidation.TestEvents;

namespace Parley.Tests.Storage;

public class StoreTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Document Doc(string id, string text, string? published, params ContactEvent[] events)
    {
        var doc = new Document(new RawArticle
        {
            Id = id,
            Text = text,
            Kind = InputKind.PlainText,
            Origin = id,
            Published = PartialDate.TryParse(published, out var p) ? p : null,
        });
        doc.Events.AddRange(events.Select(e => e with { Doc = id }));
        return doc;
    }

    [Fact]
    public void Opening_creates_the_schema_in_wal_mode_and_reopening_changes_nothing()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        using (var store = ParleyStore.Open(db))
            Assert.Equal(ParleyStore.LatestVersion, store.SchemaVersion);
        using (var store = ParleyStore.Open(db))
            Assert.Equal(ParleyStore.LatestVersion, store.SchemaVersion);
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM schema_version";
        Assert.Equal((long)ParleyStore.LatestVersion, cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public void Re_indexing_an_event_finds_its_lookup_rows_through_an_index_not_a_scan()
    {
        // A scan per re-indexed event made ingestion slow down with every event stored (quadratic in the store).
        using var dir = new TempDir();
        var db = dir.File("plan.db");
        using (ParleyStore.Open(db))
        {
        }
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        foreach (var table in ParleyStore.IndexTables)
        {
            cmd.CommandText = $"EXPLAIN QUERY PLAN DELETE FROM {table} WHERE event_id = 1";
            using var r = cmd.ExecuteReader();
            var plan = new List<string>();
            while (r.Read())
                plan.Add(r.GetString(3));
            Assert.Contains(plan, step => step.Contains("INDEX", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_store_from_a_newer_parley_or_a_file_that_is_not_a_store_is_refused_with_a_message()
    {
        using var dir = new TempDir();
        var db = dir.File("new.db");
        using (ParleyStore.Open(db))
        {
        }
        using (var conn = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (999, 'from the future')";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<StoreException>(() => ParleyStore.Open(db));
        Assert.Contains("999", e.Message);
        var junk = dir.File("junk.db");
        File.WriteAllText(junk, "this is not a database, just some text that is long enough to fill a header page........");
        Assert.Throws<StoreException>(() => ParleyStore.Open(junk));
    }

    [Fact]
    public void Re_ingesting_the_same_text_is_a_no_op_whatever_its_name()
    {
        using var dir = new TempDir();
        using var store = ParleyStore.Open(dir.File("s.db"));
        var e = Ev("a.txt", "occurred", "phone", "2024-03-08", "on Friday", "Seo/KOR;Wei/CHN");
        Assert.True(store.Ingest(Doc("a.txt", "Seo phoned Wei.", "2024-03-08", e), Now).Stored);
        var before = store.Stats();
        Assert.False(store.Ingest(Doc("a.txt", "Seo phoned Wei.", "2024-03-08", e), Now).Stored);
        Assert.False(store.Ingest(Doc("copy-of-a.txt", "Seo phoned Wei.", "2024-03-08", e), Now).Stored);
        Assert.Equal(before, store.Stats());
        Assert.True(store.Contains("Seo phoned Wei."));
        Assert.False(store.Contains("Seo phoned Wei!"));
    }

    [Fact]
    public void A_batch_stores_what_one_by_one_stores_and_a_failing_document_is_rolled_back_alone()
    {
        using var dir = new TempDir();
        Document[] Docs() =>
        [
            Doc("a.txt", "text a", "2024-03-08", Ev("a.txt", "occurred", "phone", "2024-03-08", "on Friday", "Seo Jae-won/KOR;Wei Lanfang/CHN", minutes: 40)),
            Doc("b.txt", "text b", "2024-03-11", Ev("b.txt", "occurred", "video", "2024-03-07", "last week", "Wei/CHN;Seo/KOR")),
            Doc("copy.txt", "text a", "2024-03-08"), // the same text as a.txt, in the same batch
            Doc("c.txt", "text c", "2024-03-12", Ev("c.txt", "planned", "in_person", "2024-04", "next month", "Kim/KOR;Abe/JPN")),
        ];
        string Dump(ParleyStore store) => string.Join("\n", store.Query(new EventFilter())
            .Select(e => Parley.Export.EventJson.ToLine(e.Event) + " " + string.Join(",", e.Sources.Select(x => x.Doc))));

        using var one = ParleyStore.Open(dir.File("one.db"));
        var singly = Docs().Select(d => one.Ingest(d, Now)).ToList();
        using var many = ParleyStore.Open(dir.File("many.db"));
        var batched = many.IngestBatch(Docs(), Now);
        Assert.Equal(singly, batched.Select(r => r.Outcome));
        Assert.All(batched, r => Assert.Null(r.Error));
        Assert.False(batched[2].Outcome!.Stored);
        Assert.Equal(Dump(one), Dump(many));
        Assert.Equal(one.Stats(), many.Stats());

        // A document whose event breaks a constraint (a participant with no country) fails alone.
        using var mixed = ParleyStore.Open(dir.File("mixed.db"));
        var broken = Doc("x.txt", "text x", "2024-03-09",
            Ev("x.txt", "occurred", "phone", "2024-03-09", null, "Seo/KOR;Wei/CHN") with { Participants = [new Participant("Nobody", null!, null)] });
        var docs = Docs();
        var results = mixed.IngestBatch([docs[0], broken, docs[1], docs[3]], Now);
        Assert.NotNull(results[1].Error);
        Assert.Null(results[1].Outcome);
        Assert.All(new[] { 0, 2, 3 }, i => Assert.True(results[i].Outcome!.Stored));
        Assert.Equal(Dump(one), Dump(mixed));
        Assert.False(mixed.Contains("text x"));
        Assert.Equal(3, mixed.Stats().Documents);

        // The full-text index, written at the batch's end: the merged event is found by either report's words, once;
        // nothing of the failed document is.
        foreach (var store in new[] { one, many, mixed })
        {
            Assert.Single(store.Query(new EventFilter { Text = "Lanfang" }));
            Assert.Single(store.Query(new EventFilter { Text = "Abe" }));
            Assert.Empty(store.Query(new EventFilter { Text = "Nobody" }));
        }
    }

    [Fact]
    public void A_new_report_of_a_known_contact_becomes_a_source_and_keeps_what_each_report_said()
    {
        using var dir = new TempDir();
        using var store = ParleyStore.Open(dir.File("s.db"));
        var first = store.Ingest(Doc("a.txt", "text a", "2024-03-08",
            Ev("a.txt", "occurred", "phone", "2024-03-08", "on Friday", "Seo Jae-won/KOR;Wei Lanfang/CHN", minutes: 40)), Now);
        var second = store.Ingest(Doc("b.txt", "text b", "2024-03-11",
            Ev("b.txt", "occurred", "video", "2024-03-07", "last week", "Wei/CHN;Seo/KOR", minutes: 60)), Now);
        Assert.Equal((1, 0), (first.EventsNew, first.EventsMerged));
        Assert.Equal((0, 1), (second.EventsNew, second.EventsMerged));
        var e = Assert.Single(store.Query(new EventFilter()));
        Assert.Equal(2, e.Sources.Count);
        Assert.Equal(["2024-03-08", "2024-03-07"], e.Sources.Select(s => s.Event.Date.ToString()));
        Assert.Equal([ContactMode.Phone, ContactMode.Video], e.Sources.Select(s => s.Event.Mode));
        Assert.Contains(e.Disagreements, d => d.Attribute == "duration_minutes");
        Assert.Contains(e.Disagreements, d => d.Attribute == "mode");
    }

    [Fact]
    public void The_curated_registry_makes_Noh_Noh_Kyu_duk_and_the_top_nuclear_envoy_one_person()
    {
        using var dir = new TempDir();
        using var store = ParleyStore.Open(dir.File("s.db"));
        store.Ingest(Doc("1.txt", "one", "2022-05-10", Ev("1.txt", "occurred", "phone", "2022-05-10", null, "Noh Kyu-duk/KOR/-;Sung Kim/USA/-")), Now);
        store.Ingest(Doc("2.txt", "two", "2022-05-16", Ev("2.txt", "occurred", "in_person", "2022-05-16", null, "Noh/KOR/-;Funakoshi Takehiro/JPN/-", "Seoul/KOR")), Now);
        store.Ingest(Doc("3.txt", "three", "2022-05-24", Ev("3.txt", "occurred", "video", "2022-05-24", null,
            "-/KOR/South Korea's top nuclear envoy;-/CHN/Chinese counterpart")), Now);
        var korea = store.ListActors("KOR");
        var noh = Assert.Single(korea);
        Assert.Equal("Noh Kyu-duk", noh.Actor.Name);
        Assert.Contains("Noh", noh.Actor.Variants);
        Assert.Equal(3, noh.Events);
        Assert.Contains(noh.Actor.Roles, r => r.Role == "South Korea's top nuclear envoy" && r.First == new DateOnly(2022, 5, 24));
        Assert.Equal(3, store.Query(new EventFilter { Actors = ["Noh"] }).Count);
        Assert.Single(store.Query(new EventFilter { Actors = ["Noh Kyu-duk", "Sung Kim"] }));
        Assert.Empty(store.Query(new EventFilter { Actors = ["Nobody Atall"] }));
    }

    [Fact]
    public void Queries_filter_by_country_pair_dates_mode_status_and_text()
    {
        using var dir = new TempDir();
        using var store = ParleyStore.Open(dir.File("s.db"));
        store.Ingest(Doc("1.txt", "1", "2024-03-08", Ev("1.txt", "occurred", "phone", "2024-03-08", null, "-/KOR;-/CHN", evidence: "The envoys discussed denuclearisation by phone.")), Now);
        store.Ingest(Doc("2.txt", "2", "2024-03-20", Ev("2.txt", "occurred", "in_person", "2024-03-20", null, "-/KOR;-/CHN", "Beijing/CHN", evidence: "They met over lunch in Beijing.")), Now);
        store.Ingest(Doc("3.txt", "3", "2024-03-21", Ev("3.txt", "occurred", "in_person", "2024-03-21", null, "-/KOR;-/JPN;-/USA", "Tokyo/JPN", evidence: "Trilateral talks on trade.")), Now);
        store.Ingest(Doc("4.txt", "4", "2024-04-01", Ev("4.txt", "planned", "in_person", null, "next month", "-/KOR;-/USA", evidence: "A summit is planned.")), Now);

        int Count(EventFilter f) => store.Query(f).Count;
        Assert.Equal(4, Count(new EventFilter()));
        Assert.Equal(2, Count(new EventFilter { Countries = ["KOR", "CHN"] }));
        Assert.Equal(2, Count(new EventFilter { Countries = ["chn", "kor"] }));
        Assert.Equal(1, Count(new EventFilter { Countries = ["KOR", "CHN"], Since = new DateOnly(2024, 3, 10) }));
        Assert.Equal(1, Count(new EventFilter { Countries = ["KOR", "CHN"], Until = new DateOnly(2024, 3, 10) }));
        Assert.Equal(1, Count(new EventFilter { Countries = ["KOR", "JPN", "USA"] }));
        Assert.Equal(4, Count(new EventFilter { Countries = ["KOR"] }));
        Assert.Equal(1, Count(new EventFilter { Countries = ["KOR"], Mode = ContactMode.Phone }));
        Assert.Equal(1, Count(new EventFilter { Status = EventStatus.Planned }));
        Assert.Equal(1, Count(new EventFilter { Text = "denuclearisation" }));
        Assert.Equal(1, Count(new EventFilter { Text = "lunch AND beijing", Countries = ["CHN"] }));
        Assert.Equal(0, Count(new EventFilter { Text = "lunch", Countries = ["JPN"] }));
        Assert.Equal(2, Count(new EventFilter { Limit = 2 }));
        // answers come in order of day
        Assert.Equal(["1.txt", "2.txt", "3.txt", "4.txt"], store.Query(new EventFilter()).Select(e => e.Event.Doc));
    }

    [Fact]
    public void The_country_pair_query_runs_on_the_pair_index()
    {
        using var dir = new TempDir();
        using var store = ParleyStore.Open(dir.File("s.db"));
        var plan = store.Explain(new EventFilter { Countries = ["KOR", "CHN"], Since = new DateOnly(2024, 1, 1), Until = new DateOnly(2024, 2, 1) });
        Assert.Contains("SEARCH event_pairs USING PRIMARY KEY (a=? AND b=? AND day>? AND day<?)", plan);
        Assert.DoesNotContain("SCAN e", plan);
    }
}
