using Parley.Consolidation;
using Parley.Events;
using static Parley.Tests.Consolidation.TestEvents;

namespace Parley.Tests.Consolidation;

public class ConsolidatorTests
{
    private static readonly Consolidator C = Consolidator.Default;

    [Fact]
    public void Most_precise_date_wins_and_the_disagreement_stays_visible()
    {
        var month = Report(Ev("a.txt", "occurred", "phone", "2024-03", "in March", "-/KOR;-/CHN"), "2024-03-30");
        var day = Report(Ev("b.txt", "occurred", "phone", "2024-03-08", "on Friday", "-/KOR;-/CHN"), "2024-03-08");
        var c = C.Resolve([month, day]);
        Assert.Equal("2024-03-08", c.Event.Date.ToString());
        Assert.Equal("on Friday", c.Event.DatePhrase);
        var d = Assert.Single(c.Disagreements, x => x.Attribute == "date");
        Assert.Equal("2024-03-08", d.Chosen);
        Assert.Equal(["2024-03-08", "2024-03"], d.Values.Select(v => v.Value));
    }

    [Fact]
    public void An_explicit_date_beats_a_weekday_resolution_even_outnumbered()
    {
        var r1 = Report(Ev("a.txt", "occurred", "phone", "2024-03-07", "on Friday", "-/KOR;-/CHN"), "2024-03-09");
        var r2 = Report(Ev("b.txt", "occurred", "phone", "2024-03-07", "on Friday", "-/KOR;-/CHN"), "2024-03-09");
        var r3 = Report(Ev("c.txt", "occurred", "phone", "2024-03-08", "on March 8", "-/KOR;-/CHN"), "2024-03-10");
        Assert.Equal("2024-03-08", C.Resolve([r1, r2, r3]).Event.Date.ToString());
    }

    [Fact]
    public void Best_attested_mode_location_and_duration_win()
    {
        var a = Report(Ev("a.txt", "occurred", "in_person", "2024-04-16", null, "-/JPN;-/PHL", "Hanoi/VNM", 120), "2024-04-16");
        var b = Report(Ev("b.txt", "occurred", "in_person", "2024-04-16", null, "-/JPN;-/PHL", "/VNM", 90), "2024-04-17");
        var c = Report(Ev("c.txt", "occurred", "unknown", "2024-04-16", null, "-/JPN;-/PHL", null, 90), "2024-04-17");
        var r = C.Resolve([a, b, c]);
        Assert.Equal(ContactMode.InPerson, r.Event.Mode);
        Assert.Equal(new Location("Hanoi", "VNM"), r.Event.Location);
        Assert.Equal(90, r.Event.DurationMinutes);
        var d = Assert.Single(r.Disagreements, x => x.Attribute == "duration_minutes");
        Assert.Equal(["b.txt", "c.txt"], d.Values[0].Docs);
        Assert.Equal(["a.txt"], d.Values[1].Docs);
    }

    [Fact]
    public void Participants_join_by_country_with_the_fullest_name_and_the_host_a_report_omitted()
    {
        var full = Report(Ev("a.txt", "occurred", "in_person", "2024-04-16", null,
            "Tran Quoc Bao/VNM/foreign minister;Kenji Arakawa/JPN/-;Maria Soledad Reyes/PHL/-", "Hanoi/VNM"), "2024-04-16");
        var brief = Report(Ev("b.txt", "occurred", "in_person", "2024-04-16", null,
            "Arakawa/JPN/Japanese Foreign Minister;Maria Reyes/PHL/Philippine counterpart", "Hanoi/VNM"), "2024-04-17");
        var r = C.Resolve([brief, full]);
        Assert.Equal(["VNM", "JPN", "PHL"], r.Event.Participants.Select(p => p.Country));
        Assert.Equal(["Tran Quoc Bao", "Kenji Arakawa", "Maria Soledad Reyes"], r.Event.Participants.Select(p => p.Name));
        Assert.Equal("Japanese Foreign Minister", r.Event.Participants[1].Role);
        Assert.Contains(r.Disagreements, d => d.Attribute == "name:PHL" && d.Chosen == "Maria Soledad Reyes");
        // the earliest-published report gives the doc and evidence
        Assert.Equal("a.txt", r.Event.Doc);
        Assert.Equal(["a.txt", "b.txt"], r.Sources.Select(s => s.Doc));
    }

    [Fact]
    public void An_unnamed_report_takes_the_name_another_gives()
    {
        var unnamed = Report(Ev("a.txt", "occurred", "phone", "2024-03-08", null, "-/KOR/nuclear envoy;-/CHN/nuclear envoy"), "2024-03-08");
        var named = Report(Ev("b.txt", "occurred", "phone", "2024-03-08", null, "Seo Jae-won/KOR/-;Wei Lanfang/CHN/-"), "2024-03-09");
        var r = C.Resolve([unnamed, named]);
        Assert.Equal([("Seo Jae-won", "nuclear envoy"), ("Wei Lanfang", "nuclear envoy")], r.Event.Participants.Select(p => (p.Name!, p.Role!)));
    }

    [Fact]
    public void The_order_of_reports_does_not_change_the_result()
    {
        var reports = new[]
        {
            Report(Ev("a.txt", "occurred", "phone", "2024-03-08", "on Friday", "Seo/KOR;Wei/CHN", null, 40), "2024-03-08"),
            Report(Ev("b.txt", "occurred", "video", null, "last week", "Wei Lanfang/CHN;Seo Jae-won/KOR"), "2024-03-11"),
            Report(Ev("c.txt", "occurred", "phone", "2024-03-08", "on Friday", "-/KOR;-/CHN", null, 45), "2024-03-09"),
        };
        var forward = Parley.Export.StoreJson.ToLine(C.Resolve(reports));
        var backward = Parley.Export.StoreJson.ToLine(C.Resolve(reports.Reverse()));
        Assert.Equal(forward, backward);
    }
}
