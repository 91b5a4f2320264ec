using Parley.Temporal;

namespace Parley.Tests.Temporal;

public class TemporalResolverTests
{
    private static PartialDate P(string s)
    {
        Assert.True(PartialDate.TryParse(s, out var d));
        return d;
    }

    private static string? Show(PartialDate? d) => d?.ToString();

    // ISO weekdays: 1 = Monday … 7 = Sunday.
    [Theory]
    [InlineData("2022-05-03", 2, TimeDirection.Past, "2022-05-03")] // same day counts
    [InlineData("2022-05-03", 2, TimeDirection.Future, "2022-05-03")]
    [InlineData("2022-05-03", 2, TimeDirection.Unknown, "2022-05-03")]
    [InlineData("2022-05-03", 3, TimeDirection.Past, "2022-04-27")] // crosses a month back
    [InlineData("2022-05-03", 1, TimeDirection.Future, "2022-05-09")]
    [InlineData("2022-01-01", 5, TimeDirection.Past, "2021-12-31")] // crosses a year back
    [InlineData("2021-12-31", 1, TimeDirection.Future, "2022-01-03")] // crosses a year ahead
    [InlineData("2024-03-01", 4, TimeDirection.Past, "2024-02-29")] // leap day
    [InlineData("2024-02-28", 4, TimeDirection.Future, "2024-02-29")]
    [InlineData("2022-05-08", 7, TimeDirection.Past, "2022-05-08")] // Sunday anchor, Sunday
    [InlineData("2022-05-08", 1, TimeDirection.Past, "2022-05-02")]
    public void A_weekday_is_the_nearest_one_on_the_clauses_side(string anchor, int weekday, TimeDirection direction, string expected) =>
        Assert.Equal(expected, Show(TemporalResolver.Resolve(new ParsedTime { Op = TimeOp.Weekday, Weekday = weekday }, P(anchor), direction)));

    [Theory]
    [InlineData(TimeOp.WeekdayLast, "2022-11-25", 3, "2022-11-23")]
    [InlineData(TimeOp.WeekdayLast, "2022-11-25", 5, "2022-11-18")] // "last Friday" on a Friday: a week back
    [InlineData(TimeOp.WeekdayNext, "2022-11-25", 1, "2022-11-28")]
    [InlineData(TimeOp.WeekdayNext, "2022-11-25", 5, "2022-12-02")]
    public void Last_and_next_weekdays_are_strict(TimeOp op, string anchor, int weekday, string expected) =>
        Assert.Equal(expected, Show(TemporalResolver.Resolve(new ParsedTime { Op = op, Weekday = weekday }, P(anchor), TimeDirection.Unknown)));

    [Theory]
    [InlineData(TimeOp.Weekday)]
    [InlineData(TimeOp.AnchorDay)]
    [InlineData(TimeOp.AnchorMonth)]
    [InlineData(TimeOp.AnchorYear)]
    [InlineData(TimeOp.Month)]
    public void Nothing_relative_resolves_without_an_anchor(TimeOp op) =>
        Assert.Null(TemporalResolver.Resolve(new ParsedTime { Op = op, Weekday = 2, Month = 9 }, null, TimeDirection.Past));

    [Fact]
    public void A_month_precise_anchor_cannot_place_a_weekday_but_can_place_last_month()
    {
        var may = PartialDate.OfMonth(2022, 5);
        Assert.Null(TemporalResolver.Resolve(new ParsedTime { Op = TimeOp.Weekday, Weekday = 2 }, may, TimeDirection.Past));
        Assert.Equal("2022-04", Show(TemporalResolver.Resolve(new ParsedTime { Op = TimeOp.AnchorMonth, Offset = -1 }, may, TimeDirection.Past)));
    }

    [Theory]
    [InlineData("2021-01-27", null, -1, "2021-01-26")]
    [InlineData("2021-01-27", "2021-01-20", -1, "2021-01-19")] // the sentence names its own day
    [InlineData("2021-01-27", "2021-01", -1, null)] // a month is too coarse to step back a day from
    [InlineData("2021-01-27", "2021-01", 0, "2021-01")]
    public void Reference_days_step_from_the_sentences_day(string anchor, string? reference, int offset, string? expected)
    {
        PartialDate? r = reference is null ? null : P(reference);
        Assert.Equal(expected, Show(TemporalResolver.Resolve(new ParsedTime { Op = TimeOp.ReferenceDay, Offset = offset }, P(anchor), TimeDirection.Past, r)));
    }

    [Theory]
    [InlineData("2021-11-01", -2, DatePrecision.Day, "2021-10-30")]
    [InlineData("2021-03-01", -1, DatePrecision.Day, "2021-02-28")]
    [InlineData("2021-11-01", 7, DatePrecision.Month, "2021-11")]
    [InlineData("2021-12-30", 7, DatePrecision.Month, "2022-01")]
    [InlineData("2021-11", 2, DatePrecision.Day, null)]
    public void Offsets_apply_to_a_day_and_keep_no_more_precision_than_their_unit(string reference, int days, DatePrecision precision, string? expected) =>
        Assert.Equal(expected, Show(TemporalResolver.ApplyOffset(P(reference), days, precision)));

    [Fact]
    public void An_offset_from_nothing_is_nothing() => Assert.Null(TemporalResolver.ApplyOffset(null, 2));

    [Theory]
    [InlineData(9, TimeDirection.Past, "2021-11-01", "2021-09")]
    [InlineData(11, TimeDirection.Past, "2021-11-01", "2021-11")] // the anchor's own month counts
    [InlineData(12, TimeDirection.Past, "2021-11-01", "2020-12")]
    [InlineData(9, TimeDirection.Future, "2021-11-01", "2022-09")]
    [InlineData(11, TimeDirection.Future, "2021-11-01", "2021-11")]
    [InlineData(1, TimeDirection.Unknown, "2021-11-01", "2021-01")]
    [InlineData(1, TimeDirection.Unknown, "2021-12-15", "2021-01")]
    [InlineData(2, TimeDirection.Unknown, "2021-12-15", "2021-02")]
    public void A_month_without_a_year_falls_on_the_clauses_side(int month, TimeDirection direction, string anchor, string expected) =>
        Assert.Equal(expected, Show(TemporalResolver.Resolve(new ParsedTime { Op = TimeOp.Month, Month = month }, P(anchor), direction)));

    [Theory]
    [InlineData(12, 30, TimeDirection.Past, "2022-01-03", "2021-12-30")]
    [InlineData(1, 10, TimeDirection.Future, "2021-12-20", "2022-01-10")]
    [InlineData(2, 29, TimeDirection.Past, "2023-03-01", "2020-02-29")] // no 29 February in 2023
    [InlineData(2, 30, TimeDirection.Past, "2023-03-01", null)]
    [InlineData(9, 28, TimeDirection.Past, "2023-09", "2023-09-28")]
    public void A_day_without_a_year_takes_the_nearest_sensible_year(int month, int day, TimeDirection direction, string anchor, string? expected) =>
        Assert.Equal(expected, Show(TemporalResolver.Resolve(new ParsedTime { Op = TimeOp.Date, Month = month, Day = day }, P(anchor), direction)));

    [Theory]
    [InlineData(TimeOp.Ago, 2, TimeUnit.Day, "2022-05-03", "2022-05-01")]
    [InlineData(TimeOp.Ago, 2, TimeUnit.Week, "2022-05-03", "2022-04")]
    [InlineData(TimeOp.Ago, 3, TimeUnit.Month, "2022-02-15", "2021-11")]
    [InlineData(TimeOp.Ago, 2, TimeUnit.Year, "2022-02-15", "2020")]
    [InlineData(TimeOp.Ahead, 3, TimeUnit.Week, "2022-05-03", "2022-05")]
    [InlineData(TimeOp.Ahead, 1, TimeUnit.Week, "2022-05-28", "2022-06")]
    [InlineData(TimeOp.Ahead, 4, TimeUnit.Hour, "2022-05-03", "2022-05-03")]
    public void Counting_from_the_anchor_keeps_the_units_precision(TimeOp op, double amount, TimeUnit unit, string anchor, string expected) =>
        Assert.Equal(expected, Show(TemporalResolver.Resolve(new ParsedTime { Op = op, Amount = amount, Unit = unit }, P(anchor), TimeDirection.Unknown)));

    [Theory]
    [InlineData(-1, "2022-05-12", "2022-05")] // 2–8 May
    [InlineData(-1, "2022-05-03", null)] // 25 April – 1 May: two months, no single value
    [InlineData(0, "2022-05-31", null)] // 30 May – 5 June
    [InlineData(1, "2021-05-12", "2021-05")]
    public void A_week_is_its_month_when_it_has_only_one(int offset, string anchor, string? expected) =>
        Assert.Equal(expected, Show(TemporalResolver.Resolve(new ParsedTime { Op = TimeOp.AnchorWeek, Offset = offset }, P(anchor), TimeDirection.Unknown)));
}
