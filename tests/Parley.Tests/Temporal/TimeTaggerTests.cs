using Parley.Temporal;

namespace Parley.Tests.Temporal;

public class TimeTaggerTests
{
    // 2022-05-03 is a Tuesday, 2021-01-27 a Wednesday, 2021-11-01 a Monday, 2022-11-25 a Friday,
    // 2024-03-01 a Friday (after the leap day), 2022-01-01 a Saturday, 2021-12-31 a Friday.
    [Theory]
    // weekdays: the same day counts, past looks back, future looks ahead
    [InlineData("The two ministers met on Tuesday.", "2022-05-03", "on Tuesday", "2022-05-03")]
    [InlineData("They will meet on Tuesday.", "2022-05-01", "on Tuesday", "2022-05-03")]
    [InlineData("They held talks Monday.", null, "Monday", null)]
    [InlineData("The two presidents spoke on the phone Tuesday.", "2021-01-27", "Tuesday", "2021-01-26")]
    [InlineData("The envoys spoke by phone on Tuesday (local time).", "2022-05-04", "on Tuesday (local time)", "2022-05-03")]
    [InlineData("She arrived on Tuesday evening and met the premier.", "2022-05-05", "on Tuesday evening", "2022-05-03")]
    [InlineData("Saturday morning talks ended without a deal.", "2022-05-03", "Saturday morning", "2022-04-30")]
    [InlineData("At Tuesday's meeting, the two discussed trade.", "2022-05-04", "Tuesday's", "2022-05-03")]
    [InlineData("The president received his guest this Friday at the palace.", "2022-11-25", "this Friday", "2022-11-25")]
    [InlineData("Boric visited the palace last Wednesday.", "2022-11-25", "last Wednesday", "2022-11-23")]
    [InlineData("The president met the envoy last Friday.", "2022-11-25", "last Friday", "2022-11-18")]
    [InlineData("They will meet next Monday.", "2022-11-25", "next Monday", "2022-11-28")]
    [InlineData("They will meet again next Friday.", "2022-11-25", "next Friday", "2022-12-02")]
    [InlineData("The leaders met on Saturday in Geneva.", "2022-05-02", "on Saturday", "2022-04-30")]
    [InlineData("The leaders talked by phone on Thursday.", "2022-01-01", "on Thursday", "2021-12-30")]
    [InlineData("The leaders will talk on Monday.", "2021-12-31", "on Monday", "2022-01-03")]
    [InlineData("The ministers met on Thursday in Tokyo.", "2024-03-01", "on Thursday", "2024-02-29")]
    [InlineData("The ministers spoke via video link on Friday local time.", "2023-10-28", "on Friday local time", "2023-10-27")]
    [InlineData("The foreign ministry said Wednesday that the vice ministers will meet on Friday.", "2021-11-17", "Wednesday", "2021-11-17")]
    [InlineData("The foreign ministry said Wednesday that the vice ministers will meet on Friday.", "2021-11-17", "on Friday", "2021-11-19")]
    [InlineData("The envoys met on Tuesday, Nov. 2, in Seoul.", "2021-11-03", "on Tuesday, Nov. 2", "2021-11-02")]
    // days relative to the publication date or to the sentence's own day
    [InlineData("They met today.", "2022-05-03", "today", "2022-05-03")]
    [InlineData("The leaders will speak by phone tonight.", "2022-05-03", "tonight", "2022-05-03")]
    [InlineData("The envoy met the minister this morning.", "2022-05-03", "this morning", "2022-05-03")]
    [InlineData("Tai met Sullivan earlier in the day.", "2023-09-29", "earlier in the day", "2023-09-29")]
    [InlineData("In the afternoon, Liu will visit the ministry.", "2022-05-03", "In the afternoon", "2022-05-03")]
    [InlineData("The leaders spoke yesterday.", "2022-05-01", "yesterday", "2022-04-30")]
    [InlineData("The talks will resume tomorrow.", "2022-05-31", "tomorrow", "2022-06-01")]
    [InlineData("The minister said he had met the envoy the previous day.", "2022-05-03", "the previous day", "2022-05-02")]
    [InlineData("An official on Wednesday described the call between the leaders the previous evening.", "2021-01-27", "the previous evening", "2021-01-26")]
    [InlineData("The envoy arrived on Sunday, and had dinner with the ambassador the day before.", "2022-05-03", "the day before", "2022-04-30")]
    [InlineData("The two met on Monday and signed a deal the following day.", "2022-05-03", "the following day", "2022-05-03")]
    [InlineData("Officials met last night to discuss the plan.", "2022-05-03", "last night", "2022-05-02")]
    [InlineData("The deal was signed two days ago.", "2022-05-03", "two days ago", "2022-05-01")]
    [InlineData("The two met two weeks ago in Paris.", "2022-05-03", "two weeks ago", "2022-04")]
    // weeks: a month when the whole week lies in it, else null
    [InlineData("The envoys met earlier this week.", "2022-05-04", "earlier this week", "2022-05")]
    [InlineData("The envoys met last week.", "2022-05-12", "last week", "2022-05")]
    [InlineData("The envoys met last week.", "2022-05-03", "last week", null)]
    [InlineData("They will meet next week.", "2021-05-12", "next week", "2021-05")]
    [InlineData("Leaders meet this week in Bali.", "2022-11-15", "this week", "2022-11")]
    // months and years relative to the publication date
    [InlineData("The ministers met last month.", "2022-05-03", "last month", "2022-04")]
    [InlineData("Last month, the envoys agreed to push for a new resolution.", "2022-05-03", "Last month", "2022-04")]
    [InlineData("The two met earlier this month.", "2022-05-20", "earlier this month", "2022-05")]
    [InlineData("The summit will be held later this month.", "2024-05-14", "later this month", "2024-05")]
    [InlineData("They will meet next month.", "2021-12-10", "next month", "2022-01")]
    [InlineData("They met in Bali last year.", "2023-10-28", "last year", "2022")]
    [InlineData("Elections are due next year.", "2021-11-01", "next year", "2022")]
    [InlineData("The two had met three times earlier this year.", "2021-11-01", "earlier this year", "2021")]
    // absolute dates
    [InlineData("They met in Rome on Nov. 1, 2021.", null, "on Nov. 1, 2021", "2021-11-01")]
    [InlineData("Liu visited Seoul on 21 February 2022.", null, "on 21 February 2022", "2022-02-21")]
    [InlineData("Beijing, 21 February 2022 (TDI): the envoys spoke by phone.", null, "21 February 2022", "2022-02-21")]
    [InlineData("The agreement was signed on Feb. 10, 2018, in Seoul.", null, "on Feb. 10, 2018", "2018-02-10")]
    [InlineData("The ministers met on 2021-11-01 in Rome.", null, "on 2021-11-01", "2021-11-01")]
    [InlineData("They met on November 1, 2021 in Rome.", "2022-01-01", "on November 1, 2021", "2021-11-01")]
    [InlineData("Blinken hosted Jaishankar on September 28.", "2023-09-29", "on September 28", "2023-09-28")]
    [InlineData("They met on Sept. 28.", "2023-09-29", "on Sept. 28", "2023-09-28")]
    [InlineData("The leaders met on December 30.", "2022-01-03", "on December 30", "2021-12-30")]
    [InlineData("The leaders will meet on January 10.", "2021-12-20", "on January 10", "2022-01-10")]
    [InlineData("They met on September 28.", null, "on September 28", null)]
    [InlineData("The foreign ministers met on Feb. 29.", "2024-03-10", "on Feb. 29", "2024-02-29")]
    [InlineData("Xi's phone call with Moon on Jan. 26 lasted 40 minutes.", "2021-01-27", "on Jan. 26", "2021-01-26")]
    // months and years
    [InlineData("He visited in September.", "2021-11-01", "in September", "2021-09")]
    [InlineData("He visited in September.", null, "in September", null)]
    [InlineData("The summit is set for September.", "2021-11-01", "for September", "2022-09")]
    [InlineData("The envoy met Kim in June.", "2022-05-03", "in June", "2021-06")]
    [InlineData("Kim will visit in June.", "2022-05-03", "in June", "2022-06")]
    [InlineData("The leaders may meet in May.", "2022-03-01", "in May", "2022-05")]
    [InlineData("They met in September 2023.", null, "in September 2023", "2023-09")]
    [InlineData("Putin and Erdogan last met in March 2020 in the Kremlin.", "2021-09-29", "in March 2020", "2020-03")]
    [InlineData("The summit took place in 2018.", null, "in 2018", "2018")]
    [InlineData("The 2+2 dialogue was held in Washington in April last year.", "2023-09-29", "in April last year", "2022-04")]
    [InlineData("The talks are planned for early May.", "2022-04-10", "for early May", "2022-05")]
    [InlineData("The visit came in mid-June.", "2022-09-01", "in mid-June", "2022-06")]
    [InlineData("The summit took place in late 2019.", null, "in late 2019", "2019")]
    [InlineData("The election is slated for March next year.", "2021-11-17", "for March next year", "2022-03")]
    // counting ahead: a month at best
    [InlineData("With three weeks to go before the summit, officials met.", "2022-05-03", "three weeks to go", "2022-05")]
    [InlineData("With a week left before the inauguration, the envoy is set to meet officials.", "2022-05-03", "a week left before", "2022-05")]
    [InlineData("The leaders will meet in three weeks.", "2022-05-20", "in three weeks", "2022-06")]
    [InlineData("It was their first talks in eight months.", "2021-01-27", "in eight months", null)]
    public void Resolves_against_the_publication_date(string sentence, string? published, string phrase, string? expected)
    {
        var doc = TimeTestDocs.Tag(sentence, published);
        var t = TimeTestDocs.Find(doc, phrase);
        if (expected is null)
        {
            Assert.Null(t.Value);
            return;
        }
        Assert.True(PartialDate.TryParse(expected, out var want));
        Assert.Equal(expected, t.Value?.ToString());
        Assert.Equal(want.Precision, t.Value!.Value.Precision);
    }

    [Theory]
    [InlineData("They held 60-minute talks.", "60-minute", 60)]
    [InlineData("The leaders talked for half an hour.", "for half an hour", 30)]
    [InlineData("They spoke for 40 minutes.", "for 40 minutes", 40)]
    [InlineData("The meeting lasted for about three hours.", "for about three hours", 180)]
    [InlineData("The talks lasted nearly three hours.", "nearly three hours", 180)]
    [InlineData("The two spent four hours together.", "four hours", 240)]
    [InlineData("They held an hour-long call.", "an hour-long", 60)]
    [InlineData("It was a 90-minute meeting.", "a 90-minute", 90)]
    [InlineData("They talked for over an hour.", "for over an hour", 60)]
    [InlineData("The two-hour meeting was closed to the press.", "two-hour", 120)]
    [InlineData("They spoke for an hour and a half.", "for an hour and a half", 90)]
    [InlineData("The talks lasted one and a half hours.", "one and a half hours", 90)]
    [InlineData("The half-hour call was cordial.", "half-hour", 30)]
    [InlineData("The talks lasted 1.5 hours.", "1.5 hours", 90)]
    [InlineData("During the 40-minute talks, Moon spoke of a summit.", "40-minute", 40)]
    public void Reads_durations_in_minutes(string sentence, string phrase, int minutes)
    {
        var t = TimeTestDocs.Find(TimeTestDocs.Tag(sentence, "2022-05-03"), phrase);
        Assert.Equal(TimeKind.Duration, t.Kind);
        Assert.Equal(minutes, t.DurationMinutes);
        Assert.Null(t.Value);
    }

    [Fact]
    public void Days_are_not_a_meeting_length()
    {
        var doc = TimeTestDocs.Tag("The visit lasted for two days.", "2022-05-03");
        Assert.DoesNotContain(doc.Times, t => t.Kind == TimeKind.Duration);
    }

    [Theory]
    [InlineData("Their talks come two days after the foreign ministers met in Rome.", "two days after", 2, DatePrecision.Day)]
    [InlineData("The bilateral meeting came one day before the trilateral talks.", "one day before", -1, DatePrecision.Day)]
    [InlineData("They met a day before the summit.", "a day before", -1, DatePrecision.Day)]
    [InlineData("Hours after Blinken was sworn in, Kang called him.", "Hours after", 0, DatePrecision.Day)]
    [InlineData("The talks were held the day after the election.", "the day after", 1, DatePrecision.Day)]
    [InlineData("The summit took place a week after the vote.", "a week after", 7, DatePrecision.Month)]
    [InlineData("The leaders met again three months later in Paris.", "three months later", 90, DatePrecision.Month)]
    [InlineData("Two weeks before the summit, the envoys met.", "Two weeks before", -14, DatePrecision.Month)]
    public void Marks_offsets_from_another_event(string sentence, string phrase, int offset, DatePrecision precision)
    {
        var t = TimeTestDocs.Find(TimeTestDocs.Tag(sentence, "2021-11-01"), phrase);
        Assert.Equal(TimeKind.EventRelative, t.Kind);
        Assert.True(t.IsRelativeToEvent);
        Assert.Equal(offset, t.OffsetDays);
        Assert.Equal(precision, t.OffsetPrecision);
        Assert.Null(t.Value);
    }

    [Theory]
    // The story's last named day (Tuesday the 12th) is what an anaphoric phrase of a later sentence counts from.
    [InlineData("The two ministers met on Tuesday.\nTwo days later, they spoke again.", "Two days later", "2024-03-14")]
    [InlineData("The two ministers met on Tuesday.\nThey spoke again a week later.", "a week later", "2024-03-19")]
    [InlineData("The two ministers met on Tuesday.\nThree days earlier, their deputies had met.", "Three days earlier", "2024-03-09")]
    [InlineData("The two ministers met on Tuesday.\nThe previous evening, the envoys dined together.", "The previous evening", "2024-03-11")]
    [InlineData("The two ministers met on Tuesday.\nThe talks ended.\nOn the following day, they flew home.", "On the following day", "2024-03-13")]
    [InlineData("The two ministers met on Tuesday.\nLater that day, they spoke to reporters.", "Later that day", "2024-03-12")]
    // The sentence's own day comes first; the story's only when it names none.
    [InlineData("The two ministers met on Tuesday.\nOn Thursday they spoke, and two days later they met again.", "two days later", "2024-03-16")]
    // Deictic phrases stay with the publication date.
    [InlineData("The two ministers met on Tuesday.\nThey spoke again last night.", "last night", "2024-03-16")]
    public void An_anaphoric_phrase_counts_from_the_day_the_story_is_at(string text, string phrase, string expected)
    {
        var t = TimeTestDocs.Find(TimeTestDocs.Tag(text, "2024-03-17"), phrase);
        Assert.Equal(expected, t.Value?.ToString());
    }

    [Theory]
    [InlineData("Polish Prime Minister Jan Kowalczyk arrived on Sunday.", "Jan")]
    [InlineData("Japanese envoy June Ito met the minister on Sunday.", "June")]
    public void A_first_name_is_not_a_month(string text, string name)
    {
        var doc = TimeTestDocs.Tag(text, "2025-09-17");
        Assert.DoesNotContain(doc.Times, t => t.Phrase.Contains(name, StringComparison.Ordinal));
        Assert.Contains(doc.Times, t => t.Phrase == "on Sunday" && t.Value.ToString() == "2025-09-14");
    }

    [Fact]
    public void So_many_days_later_with_no_day_to_count_from_is_not_dated()
    {
        // Not the publication date plus three: later than what the text never says.
        var t = TimeTestDocs.Find(TimeTestDocs.Tag("The leaders met again three days later in Paris.", "2021-11-01"), "three days later");
        Assert.Null(t.Value);
    }

    [Fact]
    public void An_offset_dates_either_event_from_the_other()
    {
        var t = TimeTestDocs.Find(TimeTestDocs.Tag("Their talks come two days after the foreign ministers met in Rome.", "2021-11-01"), "two days after");
        Assert.Equal(PartialDate.OfDay(2021, 10, 30), t.DateOfNamed(PartialDate.OfDay(2021, 11, 1)));
        Assert.Equal(PartialDate.OfDay(2021, 11, 1), t.DateOfModified(PartialDate.OfDay(2021, 10, 30)));
        Assert.Null(t.DateOfNamed(null));
    }

    [Theory]
    [InlineData("The two sides agreed to meet in person at an earlier date.", "at an earlier date")]
    [InlineData("They agreed to hold the talks at an early date.", "at an early date")]
    [InlineData("They hope to reopen the dialogue at the earliest convenience.", "at the earliest convenience")]
    [InlineData("He expects good results in the not too distant future.", "in the not too distant future")]
    [InlineData("Blinken will visit Delhi very soon.", "very soon")]
    [InlineData("They will meet in the near future.", "in the near future")]
    [InlineData("Sullivan earlier said the two sides may differ.", "earlier")]
    [InlineData("The two leaders recently spoke by phone.", "recently")]
    [InlineData("The details will be announced later.", "later")]
    public void Recognises_deliberately_vague_times(string sentence, string phrase)
    {
        var t = TimeTestDocs.Find(TimeTestDocs.Tag(sentence, "2022-05-03"), phrase);
        Assert.Equal(TimeKind.Vague, t.Kind);
        Assert.Null(t.Value);
    }

    [Theory]
    [InlineData("Lopez Obrador received Petro this Friday at 9:27 a.m. at the palace.", "this Friday at 9:27 a.m.", "9:27 a.m.", "2022-11-25")]
    [InlineData("The guests arrived at 1:30 p.m. on Tuesday.", "at 1:30 p.m. on Tuesday", "1:30 p.m.", "2022-11-22")]
    public void A_clock_time_joins_its_day(string sentence, string phrase, string clock, string day)
    {
        var t = TimeTestDocs.Find(TimeTestDocs.Tag(sentence, "2022-11-25"), phrase);
        Assert.Equal(clock, t.TimeOfDay);
        Assert.Equal(day, t.Value.ToString());
    }

    [Fact]
    public void A_lone_clock_time_is_kept_without_a_date()
    {
        var t = TimeTestDocs.Find(TimeTestDocs.Tag("The talks began from 13:30 Moscow time and ran late.", "2021-09-29"), "from 13:30 Moscow time");
        Assert.Equal(TimeKind.TimeOfDay, t.Kind);
        Assert.Equal("13:30 Moscow time", t.TimeOfDay);
        Assert.Null(t.Value);
    }

    [Theory]
    [InlineData("May I ask a question about the talks?")]
    [InlineData("The protesters began their march at dawn.")]
    [InlineData("The leaders of the Group of 20 issued a statement.")]
    [InlineData("The ministers may discuss trade.")]
    [InlineData("They held a meeting on monday.")]
    public void Finds_nothing_where_there_is_no_time(string sentence) =>
        Assert.Empty(TimeTestDocs.Tag(sentence, "2022-05-03").Times);

    [Fact]
    public void Offsets_and_sentence_indexes_point_into_the_cleaned_text()
    {
        var doc = TimeTestDocs.Tag("Officials spoke.\nThe envoys met on Tuesday in Seoul.", "2022-05-03");
        var t = Assert.Single(doc.Times);
        Assert.Equal("on Tuesday", doc.Slice(t.Span));
        Assert.Equal(1, t.SentenceIndex);
        Assert.Equal(TimeDirection.Past, t.Direction);
    }

    [Theory]
    [InlineData("The ministers will meet on Friday.", TimeDirection.Future)]
    [InlineData("The ministers are set to meet on Friday.", TimeDirection.Future)]
    [InlineData("The ministers are scheduled to meet on Friday.", TimeDirection.Future)]
    [InlineData("The ministers met on Friday.", TimeDirection.Past)]
    [InlineData("The ministers talked on Friday.", TimeDirection.Past)]
    [InlineData("On Friday, the ministers will hold talks.", TimeDirection.Future)]
    [InlineData("Talks on Friday.", TimeDirection.Unknown)]
    [InlineData("They'll meet on Friday.", TimeDirection.Future)]
    public void Reads_the_direction_from_the_clause(string sentence, TimeDirection direction)
    {
        var doc = TimeTestDocs.Tag(sentence, "2022-05-03");
        Assert.Equal(direction, doc.Times.Single(t => t.Kind == TimeKind.Weekday).Direction);
    }
}
