using Parley.Documents;
using Parley.Temporal;

namespace Parley.Tests.Temporal;

/// <summary>The tagger over the shared seed articles, each with its publication date imposed.</summary>
public class SeedTimeTests
{
    private static Document Seed(string prefix, string? published)
    {
        var file = SharedFiles.SeedFiles.Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
        return TimeTestDocs.Tag(File.ReadAllText(file), published, Path.GetFileName(file));
    }

    private static IEnumerable<TimeExpression> All(Document doc, string phrase)
    {
        var hits = doc.Times.Where(t => t.Phrase == phrase).ToList();
        Assert.True(hits.Count > 0, $"no '{phrase}' in {doc.Id}: [{string.Join("; ", doc.Times.Select(t => t.Phrase))}]");
        return hits;
    }

    [Fact]
    public void Seed_000_dates_the_videoconference_and_marks_the_offset_and_the_open_date()
    {
        var doc = Seed("000", "2021-11-01");
        Assert.All(All(doc, "Monday"), t => Assert.Equal(PartialDate.OfDay(2021, 11, 1), t.Value));
        Assert.All(All(doc, "two days after"), t =>
        {
            Assert.Equal(TimeKind.EventRelative, t.Kind);
            Assert.Equal(2, t.OffsetDays);
            Assert.Equal(PartialDate.OfDay(2021, 10, 30), t.DateOfNamed(PartialDate.OfDay(2021, 11, 1)));
        });
        Assert.All(All(doc, "at an earlier date"), t => Assert.Equal(TimeKind.Vague, t.Kind));
        Assert.All(All(doc, "in September"), t => Assert.Equal(PartialDate.OfMonth(2021, 9), t.Value));
    }

    [Fact]
    public void Seed_001_resolves_weekday_last_month_and_the_afternoon()
    {
        var doc = Seed("001", "2022-05-03");
        Assert.All(All(doc, "on Tuesday"), t => Assert.Equal(PartialDate.OfDay(2022, 5, 3), t.Value));
        Assert.Equal(PartialDate.OfMonth(2022, 4), All(doc, "Last month").Single().Value);
        Assert.Equal(PartialDate.OfDay(2022, 5, 3), All(doc, "In the afternoon").Single().Value);
        Assert.Equal(PartialDate.OfMonth(2022, 5), All(doc, "three weeks to go").Single().Value);
        Assert.Equal(PartialDate.OfMonth(2021, 4), All(doc, "in April 2021").Single().Value);
        Assert.Equal(PartialDate.OfDay(2022, 5, 1), All(doc, "Sunday").Single().Value);
    }

    [Fact]
    public void Seed_002_reads_the_dateline_date()
    {
        var doc = Seed("002", "2022-02-21");
        Assert.Equal(PartialDate.OfDay(2022, 2, 21), All(doc, "21 February 2022").Single().Value);
        Assert.Equal(TimeKind.Vague, All(doc, "at the earliest convenience").Single().Kind);
    }

    [Fact]
    public void Seed_003_without_a_date_leaves_every_weekday_unresolved()
    {
        var doc = Seed("003", null);
        var weekdays = doc.Times.Where(t => t.Kind == TimeKind.Weekday).ToList();
        Assert.True(weekdays.Count >= 5, $"only {weekdays.Count} weekdays found");
        Assert.All(weekdays, t => Assert.Null(t.Value));
        Assert.Contains(doc.Times, t => t.Phrase == "on Tuesday (local time)");
        Assert.Equal(60, All(doc, "60-minute").Single().DurationMinutes);
        Assert.Equal(-1, All(doc, "one day before").Single().OffsetDays);
    }

    [Fact]
    public void Seed_004_resolves_the_previous_evening_against_the_named_day_and_reads_durations()
    {
        var doc = Seed("004", "2021-01-27");
        Assert.Equal(PartialDate.OfDay(2021, 1, 26), All(doc, "the previous evening").Single().Value);
        Assert.Equal(PartialDate.OfDay(2021, 1, 26), All(doc, "Tuesday").Single().Value);
        Assert.Equal(30, All(doc, "for half an hour").Single().DurationMinutes);
        Assert.Equal(40, All(doc, "40-minute").Single().DurationMinutes);
        Assert.Equal(PartialDate.OfYear(2018), All(doc, "in 2018").Single().Value);
        Assert.Equal(PartialDate.OfYear(2019), All(doc, "in 2019").Single().Value);
        Assert.Null(All(doc, "in eight months").Single().Value);
    }

    [Fact]
    public void Every_seed_tags_in_text_order_with_spans_that_slice_to_the_phrase()
    {
        string?[] published = ["2021-11-01", "2022-05-03", "2022-02-21", null, "2021-01-27"];
        var files = SharedFiles.SeedFiles;
        Assert.Equal(published.Length, files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            var doc = TimeTestDocs.Tag(File.ReadAllText(files[i]), published[i]);
            Assert.NotEmpty(doc.Times);
            for (int k = 0; k < doc.Times.Count; k++)
            {
                var t = doc.Times[k];
                Assert.Equal(t.Phrase, doc.Slice(t.Span));
                Assert.True(doc.Sentences[t.SentenceIndex].Span.Contains(t.Span));
                if (k > 0)
                    Assert.True(doc.Times[k - 1].Span.End <= t.Span.Start, $"{doc.Id}: overlapping or unordered at '{t.Phrase}'");
            }
        }
    }
}
