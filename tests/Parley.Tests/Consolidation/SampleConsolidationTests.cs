using Parley.Consolidation;
using Parley.Events;
using Parley.Storage;
using Parley.Tests.Storage;

namespace Parley.Tests.Consolidation;

/// <summary>The invented same-contact articles, stored: one event per contact, each with all its sources.</summary>
public class SampleConsolidationTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static List<ConsolidatedEvent> IngestAll(TempDir dir, IEnumerable<Parley.Documents.Document> docs)
    {
        using var store = ParleyStore.Open(dir.File("samples.db"));
        foreach (var d in docs)
            Assert.True(store.Ingest(d, Now).Stored);
        return store.Query(new EventFilter()).ToList();
    }

    [Fact]
    public void Each_contact_is_one_event_with_all_its_sources()
    {
        using var dir = new TempDir();
        var events = IngestAll(dir, SampleArticles.Load());
        Assert.Equal(5, events.Count);

        var call = Assert.Single(events, e => e.Event.Mode == ContactMode.Phone);
        Assert.Equal(["harbour-daily-envoys-call.txt", "morning-wire-envoys-brief.txt", "pacific-ledger-envoys-call.txt"],
            call.Sources.Select(s => s.Doc).Order(StringComparer.Ordinal));
        Assert.Equal("2024-03-08", call.Event.Date.ToString());
        Assert.Equal(40, call.Event.DurationMinutes);
        Assert.Equal(["Seo Jae-won", "Wei Lanfang"], call.Event.Participants.Select(p => p.Name).Order(StringComparer.Ordinal));

        var meeting = Assert.Single(events, e => e.Event.Mode == ContactMode.InPerson && e.Event.Location?.City == "Beijing");
        Assert.Single(meeting.Sources);

        var hanoi = Assert.Single(events, e => e.Event.Location?.City == "Hanoi");
        Assert.Equal(2, hanoi.Sources.Count);
        Assert.Equal(["JPN", "PHL", "VNM"], hanoi.Event.Participants.Select(p => p.Country).Order(StringComparer.Ordinal));
        Assert.Contains(hanoi.Disagreements, d => d.Attribute == "duration_minutes");
        Assert.Contains(hanoi.Event.Participants, p => p.Name == "Maria Soledad Reyes");

        var planned = Assert.Single(events, e => e.Event.Status == EventStatus.Planned);
        var visit = Assert.Single(events, e => e.Event.Location?.City == "Berlin" && e.Event.Status == EventStatus.Occurred);
        Assert.Equal(visit.Id, planned.FulfilledBy);
        Assert.Equal([planned.Id], visit.Fulfils);
    }

    [Fact]
    public void Any_order_of_ingestion_gives_the_same_contacts()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        static string Shape(ConsolidatedEvent e) =>
            $"{e.Event.Status}|{e.Event.Mode}|{e.Event.Date}|{string.Join(",", e.Event.Participants.Select(p => p.Country).Order(StringComparer.Ordinal))}"
            + $"|{string.Join(",", e.Sources.Select(s => s.Doc).Order(StringComparer.Ordinal))}|{e.FulfilledBy is not null}";
        var forward = IngestAll(a, SampleArticles.Load()).Select(Shape).Order(StringComparer.Ordinal).ToList();
        var backward = IngestAll(b, SampleArticles.Load().Reverse()).Select(Shape).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Evidence_offsets_point_into_the_stored_original()
    {
        using var dir = new TempDir();
        var docs = SampleArticles.Load();
        var events = IngestAll(dir, docs);
        foreach (var e in events)
            foreach (var s in e.Sources)
            {
                var original = docs.Single(d => d.Id == s.Doc).Original;
                foreach (var ev in s.Event.Evidence)
                    Assert.Equal(ev.Text, ev.Span.Slice(original));
            }
    }

    [Fact]
    public void The_registry_joins_a_surname_and_an_unnamed_envoy_to_the_person()
    {
        using var dir = new TempDir();
        IngestAll(dir, SampleArticles.Load());
        using var store = ParleyStore.Open(dir.File("samples.db"));
        var seo = Assert.Single(store.ListActors("KOR"), a => a.Actor.Name == "Seo Jae-won");
        Assert.Contains("Seo", seo.Actor.Variants);
        Assert.Equal(2, seo.Events); // the call (named, surname only and unnamed) and the meeting
        // each wording of the office is kept with the days it was seen; all are one office
        var envoy = seo.Actor.Roles.Where(r => r.Key == "kor-nuclear-envoy").ToList();
        Assert.Equal(new DateOnly(2024, 3, 8), envoy.Min(r => r.First));
        Assert.Equal(new DateOnly(2024, 3, 20), envoy.Max(r => r.Last));
        Assert.Contains(envoy, r => r.Role == "top nuclear envoy");
        Assert.Equal(2, store.Query(new EventFilter { Actors = ["Seo"] }).Count);
        Assert.Equal(2, store.Query(new EventFilter { Actors = ["Seo", "Wei Lanfang"] }).Count);
        Assert.Single(store.Query(new EventFilter { Actors = ["Arakawa", "Tran Quoc Bao"] }));
    }
}
