using System.Text.Json;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Temporal;

namespace Parley.Tests.Events;

/// <summary>
/// The contact extractor's behaviour as a spec: contact_spec.jsonl holds sentences written for these
/// tests, each with its publication date and the events expected of it (countries, and where given
/// status, mode, date, city, duration). "events": null means only that the text must not crash;
/// [] means no event at all — the close calls (refusals, cancellations, offers, domestic meetings).
/// </summary>
public class ContactSpecTests
{
    public static TheoryData<int, string> Examples()
    {
        var data = new TheoryData<int, string>();
        int n = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Events", "contact_spec.jsonl")))
            if (line.Trim().Length > 0)
                data.Add(++n, line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Extracts_the_contacts_of_the_example(int example, string json)
    {
        using var spec = JsonDocument.Parse(json);
        var root = spec.RootElement;
        var text = root.GetProperty("text").GetString()!;
        PartialDate? published = root.GetProperty("published").ValueKind == JsonValueKind.String
            && PartialDate.TryParse(root.GetProperty("published").GetString(), out var p) ? p : null;
        var doc = ParleyPipeline.Default.Run(
            new RawArticle { Id = $"example-{example}", Text = text, Kind = InputKind.PlainText, Origin = "spec" }, published);
        var expected = root.GetProperty("events");
        if (expected.ValueKind == JsonValueKind.Null)
            return;
        var got = doc.Events.Select(e => $"{e.Status} {e.Mode} {e.Date} [{string.Join(",", e.Participants.Select(p => p.Country).Order())}] {e.Location?.City} {e.DurationMinutes}").ToList();
        Assert.True(expected.GetArrayLength() == doc.Events.Count,
            $"example {example}: expected {expected.GetArrayLength()} events, got {doc.Events.Count}: {string.Join(" | ", got)}");
        foreach (var want in expected.EnumerateArray())
        {
            var countries = want.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!).Order().ToList();
            var candidates = doc.Events.Where(e => e.Participants.Select(p => p.Country).Distinct().Order().SequenceEqual(countries)).ToList();
            // Two contacts between the same countries (a meeting and the last one before it): the dated expectation picks its own.
            // Several contacts between the same countries: the expectation picks the one that fits it best.
            var match = candidates.OrderByDescending(e => Fit(e, want)).FirstOrDefault();
            Assert.True(match is not null, $"example {example}: no event between {string.Join(",", countries)}; got {string.Join(" | ", got)}");
            if (want.TryGetProperty("status", out var status))
                Assert.Equal(status.GetString(), match!.Status.ToString().ToLowerInvariant());
            if (want.TryGetProperty("mode", out var mode))
                Assert.Equal(mode.GetString(), Parley.Events.ContactModeNames.ToWire(match!.Mode));
            if (want.TryGetProperty("date", out var date))
                Assert.Equal(date.ValueKind == JsonValueKind.Null ? null : date.GetString(), match!.Date?.ToString());
            if (want.TryGetProperty("city", out var city))
                Assert.Equal(city.GetString(), match!.Location?.City);
            if (want.TryGetProperty("duration", out var duration))
                Assert.Equal(duration.GetInt32(), match!.DurationMinutes);
        }
    }

    private static int Fit(Parley.Events.ContactEvent e, JsonElement want)
    {
        int fit = 0;
        if (want.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String && e.Date?.ToString() == d.GetString())
            fit++;
        if (want.TryGetProperty("mode", out var m) && Parley.Events.ContactModeNames.ToWire(e.Mode) == m.GetString())
            fit++;
        if (want.TryGetProperty("status", out var st) && e.Status.ToString().ToLowerInvariant() == st.GetString())
            fit++;
        if (want.TryGetProperty("city", out var c) && e.Location?.City == c.GetString())
            fit++;
        return fit;
    }

    [Fact]
    public void Evidence_offsets_point_into_the_original_text()
    {
        var text = "Home | World\nMOST POPULAR\n\nSwedish Foreign Minister Maria Lindqvist met her Estonian counterpart Tarmo Kask in Stockholm on Tuesday.\n";
        var doc = ParleyPipeline.Default.Run(new RawArticle { Id = "t", Text = text, Kind = InputKind.PlainText, Origin = "t" });
        var ev = Assert.Single(doc.Events);
        foreach (var evidence in ev.Evidence)
            Assert.Equal(evidence.Text, evidence.Span.Slice(text));
    }

    [Theory]
    [InlineData("Swedish Foreign Minister Maria Lindqvist held talks with her Estonian counterpart Tarmo Kask in Stockholm to discuss Baltic security.", "Baltic security")]
    [InlineData("Kenyan President William Ruto met Ugandan President Yoweri Museveni on the other side of the border.", null)]
    [InlineData("Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi and discussed the railway project.", "railway project")]
    public void Topics_are_what_the_contact_was_about(string text, string? topic)
    {
        var doc = ParleyPipeline.Default.Run(new RawArticle { Id = "t", Text = text, Kind = InputKind.PlainText, Origin = "t" });
        if (topic is null)
        {
            Assert.All(doc.Events, e => Assert.Empty(e.Topics));
            return;
        }
        var ev = Assert.Single(doc.Events);
        Assert.Contains(topic, ev.Topics);
    }
}
