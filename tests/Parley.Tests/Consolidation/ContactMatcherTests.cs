using Parley.Consolidation;
using static Parley.Tests.Consolidation.TestEvents;

namespace Parley.Tests.Consolidation;

public class ContactMatcherTests
{
    private static readonly ContactMatcher M = ContactMatcher.Default;

    // Each row: two reports (status, mode, date, date phrase, participants, location, publication date)
    // and whether they are the same contact.
    [Theory]
    // identical
    [InlineData("occurred", "phone", "2024-03-08", "on Friday", "Seo/KOR;Wei/CHN", null, "2024-03-08",
                "occurred", "phone", "2024-03-08", "on Friday", "Seo Jae-won/KOR;Wei Lanfang/CHN", null, "2024-03-09", true)]
    // "on Friday" vs a Monday dateline's "last week" resolved to mid-week: two days apart, loose → same
    [InlineData("occurred", "phone", "2024-03-08", "on Friday", "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "phone", "2024-03-06", "last week", "Wei/CHN;Seo/KOR", null, "2024-03-11", true)]
    // "last week" left unresolved: undated, published the Monday after → the week before covers the Friday
    [InlineData("occurred", "phone", "2024-03-08", "on Friday", "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "phone", null, "last week", "Wei/CHN;Seo/KOR", null, "2024-03-11", true)]
    // two explicit days two days apart: different contacts
    [InlineData("occurred", "phone", "2024-03-08", "on 8 March", "-/KOR;-/CHN", null, "2024-03-09",
                "occurred", "phone", "2024-03-06", "on 6 March", "-/KOR;-/CHN", null, "2024-03-09", false)]
    // two weekday resolutions may each be three days off; an explicit date against one may not be six
    [InlineData("occurred", "phone", "2024-03-08", "on Friday", "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "phone", "2024-03-03", "on Sunday", "-/KOR;-/CHN", null, "2024-03-04", true)]
    [InlineData("occurred", "phone", "2024-03-08", "on 8 March", "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "phone", "2024-03-02", "on Saturday", "-/KOR;-/CHN", null, "2024-03-04", false)]
    // a month contains its days, a year its months
    [InlineData("occurred", "in_person", "2024-03", "in March", "-/USA;-/JPN", null, "2024-04-02",
                "occurred", "in_person", "2024-03-14", "on 14 March", "-/JPN;-/USA", null, "2024-03-15", true)]
    [InlineData("occurred", "in_person", "2024", "this year", "-/USA;-/JPN", null, "2024-09-02",
                "occurred", "in_person", "2024-03", "in March", "-/JPN;-/USA", null, "2024-04-15", true)]
    [InlineData("occurred", "in_person", "2024-02", "in February", "-/USA;-/JPN", null, "2024-04-02",
                "occurred", "in_person", "2024-03-14", "on 14 March", "-/JPN;-/USA", null, "2024-03-15", false)]
    // the host country left out by one report still joins
    [InlineData("occurred", "in_person", "2024-04-16", "on Tuesday", "Tran/VNM;Arakawa/JPN;Reyes/PHL", "Hanoi/VNM", "2024-04-16",
                "occurred", "in_person", "2024-04-16", "on Tuesday", "Arakawa/JPN;Maria Reyes/PHL", "Hanoi/VNM", "2024-04-17", true)]
    // ... but a missing participant that is not the host is another meeting
    [InlineData("occurred", "in_person", "2024-04-16", "on Tuesday", "Tran/VNM;Arakawa/JPN;Reyes/PHL", "Hanoi/VNM", "2024-04-16",
                "occurred", "in_person", "2024-04-16", "on Tuesday", "Arakawa/JPN;Tran/VNM", "Hanoi/VNM", "2024-04-17", false)]
    // a third country is not a subset
    [InlineData("occurred", "phone", "2024-03-08", null, "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "phone", "2024-03-08", null, "-/KOR;-/JPN", null, "2024-03-08", false)]
    // modes: unknown goes with anything, phone with video, not phone with a meeting
    [InlineData("occurred", "unknown", "2024-03-08", null, "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "in_person", "2024-03-08", null, "-/KOR;-/CHN", null, "2024-03-08", true)]
    [InlineData("occurred", "video", "2024-03-08", null, "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "phone", "2024-03-08", null, "-/KOR;-/CHN", null, "2024-03-08", true)]
    [InlineData("occurred", "phone", "2024-03-08", null, "-/KOR;-/CHN", null, "2024-03-08",
                "occurred", "in_person", "2024-03-08", null, "-/KOR;-/CHN", null, "2024-03-08", false)]
    // status must agree (planned vs occurred is a link, not a merge)
    [InlineData("planned", "in_person", "2024-05-09", "next Thursday", "-/BRA;-/DEU", "Berlin/DEU", "2024-05-02",
                "occurred", "in_person", "2024-05-09", "on Thursday", "-/BRA;-/DEU", "Berlin/DEU", "2024-05-10", false)]
    // two different named people for one country are two contacts
    [InlineData("occurred", "phone", "2024-03-08", null, "Kim Sun-a/KOR;Wei/CHN", null, "2024-03-08",
                "occurred", "phone", "2024-03-08", null, "Seo Jae-won/KOR;Wei/CHN", null, "2024-03-08", false)]
    // different cities, or a city in another country, are two contacts
    [InlineData("occurred", "in_person", "2024-03-08", null, "-/KOR;-/CHN", "Beijing/CHN", "2024-03-08",
                "occurred", "in_person", "2024-03-08", null, "-/KOR;-/CHN", "Seoul/KOR", "2024-03-08", false)]
    [InlineData("occurred", "in_person", "2024-03-08", null, "-/USA;-/KOR", "Washington, D.C./USA", "2024-03-08",
                "occurred", "in_person", "2024-03-08", null, "-/USA;-/KOR", "Washington/USA", "2024-03-09", true)]
    // nothing places either report in time: never merged blind
    [InlineData("occurred", "phone", null, null, "-/KOR;-/CHN", null, null,
                "occurred", "phone", null, null, "-/KOR;-/CHN", null, null, false)]
    public void Same_contact_or_not(
        string s1, string m1, string? d1, string? p1, string who1, string? where1, string? pub1,
        string s2, string m2, string? d2, string? p2, string who2, string? where2, string? pub2, bool same)
    {
        var a = Report(Ev("a.txt", s1, m1, d1, p1, who1, where1), pub1);
        var b = Report(Ev("b.txt", s2, m2, d2, p2, who2, where2), pub2);
        Assert.Equal(same, M.Same(a, b));
        Assert.Equal(same, M.Same(b, a));
    }

    [Theory]
    // announced without a date, took place a week later
    [InlineData(null, "next week", "2024-05-02", "2024-05-09", true)]
    // announced for a day, took place that day
    [InlineData("2024-05-09", "on May 9", "2024-05-02", "2024-05-09", true)]
    // announced for a day, a meeting a month later is another one
    [InlineData("2024-05-09", "on May 9", "2024-05-02", "2024-06-12", false)]
    // a meeting before the announcement does not fulfil it
    [InlineData(null, "next week", "2024-05-02", "2024-04-20", false)]
    // announced without a date: looked for within half a year
    [InlineData(null, "soon", "2024-05-02", "2025-01-10", false)]
    public void Planned_contact_is_fulfilled_by_the_occurred_one(string? plannedDate, string phrase, string announced, string happened, bool fulfils)
    {
        var planned = Report(Ev("plan.txt", "planned", "in_person", plannedDate, phrase, "Andrade/BRA;Feldmann/DEU", "Berlin/DEU"), announced);
        var occurred = Report(Ev("visit.txt", "occurred", "in_person", happened, "on " + happened, "Lucia Andrade/BRA;Jonas Feldmann/DEU", "Berlin/DEU"), happened);
        Assert.Equal(fulfils, M.Fulfils(M.ViewOf(planned), M.ViewOf(occurred)));
        Assert.False(M.Fulfils(M.ViewOf(occurred), M.ViewOf(planned)));
    }

    [Theory]
    [InlineData("on Friday", 3)]
    [InlineData("spoke via phone last week", 3)]
    [InlineData("Earlier this week", 3)]
    [InlineData("yesterday", 1)]
    [InlineData("on 8 March", 0)]
    [InlineData("on March 8, 2024", 0)]
    [InlineData(null, 0)]
    [InlineData("Fridays", 0)]
    public void Loose_date_phrases_come_from_data(string? phrase, int tolerance) =>
        Assert.Equal(tolerance, LooseDates.Default.ToleranceDays(phrase));
}
