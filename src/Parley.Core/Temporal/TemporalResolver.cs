namespace Parley.Temporal;

/// <summary>
/// Turns a <see cref="ParsedTime"/> into a <see cref="PartialDate"/> given the publication date (the
/// anchor), the clause's direction and, for "the previous evening" style phrases, the sentence's own
/// day. Pure: no clock, no text. Every result is as precise as the phrase allows and no more:
/// "last month" is a month, "in three weeks" is a month (see <see cref="TimeOp.Ahead"/>), a weekday
/// without an anchor is null.
/// </summary>
public static class TemporalResolver
{
    /// <summary>
    /// A day-of-month phrase without a year ("September 28") is put in the anchor's year unless that
    /// lands more than this many days on the wrong side of the anchor for the clause's direction;
    /// then the neighbouring year is taken ("December 30" in a past clause published on 3 January).
    /// </summary>
    public const int YearRolloverDays = 60;

    /// <summary>Months a past or undirected "in September" may lie after the anchor month before it is read as last year's.</summary>
    public const int MonthRolloverMonths = 2;

    /// <param name="anchor">The publication date; null makes every anchor-relative phrase null.</param>
    /// <param name="direction">Past or Future from the clause; Unknown is read as Past, the common news case.</param>
    /// <param name="reference">The day ReferenceDay and StoryDay phrases count from (the sentence's own day; for StoryDay, else the
    /// day the story last named); null means the anchor.</param>
    public static PartialDate? Resolve(in ParsedTime t, PartialDate? anchor, TimeDirection direction, PartialDate? reference = null)
    {
        DateOnly? day = anchor?.AsDate;
        switch (t.Op)
        {
            case TimeOp.Date:
                return ResolveDate(t, anchor, direction);
            case TimeOp.Month:
                return ResolveMonth(t, anchor, direction);
            case TimeOp.MonthLast:
                if (anchor is not { Precision: >= DatePrecision.Month } a1)
                    return null;
                return PartialDate.OfMonth(t.Month < a1.Month ? a1.Year : a1.Year - 1, t.Month);
            case TimeOp.MonthNext:
                if (anchor is not { Precision: >= DatePrecision.Month } a2)
                    return null;
                return PartialDate.OfMonth(t.Month > a2.Month ? a2.Year : a2.Year + 1, t.Month);
            case TimeOp.Year:
                return t.Year > 0 ? PartialDate.OfYear(t.Year) : null;
            case TimeOp.Weekday:
                if (day is not { } d0)
                    return null;
                return PartialDate.OfDay(direction == TimeDirection.Future
                    ? NextOrSame(d0, t.Weekday)
                    : PreviousOrSame(d0, t.Weekday));
            case TimeOp.WeekdayLast:
                return day is { } d1 ? PartialDate.OfDay(Previous(d1, t.Weekday)) : null;
            case TimeOp.WeekdayNext:
                return day is { } d2 ? PartialDate.OfDay(Next(d2, t.Weekday)) : null;
            case TimeOp.AnchorDay:
                return day is { } d3 ? PartialDate.OfDay(d3.AddDays(t.Offset)) : null;
            case TimeOp.ReferenceDay or TimeOp.StoryDay:
                return ApplyOffset(reference ?? (t.NeedsReference ? null : anchor), t.Offset);
            case TimeOp.AnchorWeek:
            {
                if (day is not { } d4)
                    return null;
                var monday = PreviousOrSame(d4, 1).AddDays(7 * t.Offset);
                return MonthOfRange(monday, monday.AddDays(6));
            }
            case TimeOp.AnchorWeekSoFar:
                return day is { } d5 ? MonthOfRange(PreviousOrSame(d5, 1), d5) : null;
            case TimeOp.AnchorMonth:
            {
                if (anchor is not { Precision: >= DatePrecision.Month } a3)
                    return null;
                var first = new DateOnly(a3.Year, a3.Month, 1).AddMonths(t.Offset);
                return PartialDate.OfMonth(first.Year, first.Month);
            }
            case TimeOp.AnchorYear:
                return anchor is { } a4 ? PartialDate.OfYear(a4.Year + t.Offset) : null;
            case TimeOp.Ago:
                return Shift(anchor, -Math.Max(t.Amount, 1), t.Unit);
            case TimeOp.Ahead:
                return Shift(anchor, Math.Max(t.Amount, 1), t.Unit);
            case TimeOp.AheadIfFuture:
                return direction == TimeDirection.Future ? Shift(anchor, Math.Max(t.Amount, 1), t.Unit) : null;
            default:
                // After / Before need the other event (ApplyOffset); durations, clock times and vague
                // phrases have no date of their own.
                return null;
        }
    }

    /// <summary>
    /// The day <paramref name="days"/> after a day-precise reference. A reference coarser than a day
    /// gives null unless the offset is zero: two days after "some day in October" may be November.
    /// </summary>
    public static PartialDate? ApplyOffset(PartialDate? reference, int days)
    {
        if (reference is not { } r)
            return null;
        if (r.AsDate is { } d)
            return PartialDate.OfDay(d.AddDays(days));
        return days == 0 ? r : null;
    }

    /// <summary>
    /// <see cref="ApplyOffset(PartialDate?, int)"/>, then cut to <paramref name="precision"/>: "a week
    /// after" knows the month at best, not the day.
    /// </summary>
    public static PartialDate? ApplyOffset(PartialDate? reference, int days, DatePrecision precision) =>
        Coarsen(ApplyOffset(reference, days), precision);

    /// <summary>The date at no finer than <paramref name="precision"/>.</summary>
    public static PartialDate? Coarsen(PartialDate? date, DatePrecision precision)
    {
        if (date is not { } d || d.Precision <= precision)
            return date;
        return precision == DatePrecision.Year ? PartialDate.OfYear(d.Year) : PartialDate.OfMonth(d.Year, d.Month);
    }

    /// <summary>Signed day offset of an After / Before phrase ("two days after" = +2, "hours after" = 0, "a week before" = -7).</summary>
    public static int? OffsetDays(in ParsedTime t)
    {
        if (t.Op is not (TimeOp.After or TimeOp.Before))
            return null;
        double amount = t.Amount > 0 ? t.Amount : 1;
        int days = t.Unit switch
        {
            TimeUnit.Minute or TimeUnit.Hour => 0,
            TimeUnit.Day => (int)Math.Round(amount),
            TimeUnit.Week => (int)Math.Round(amount * 7),
            TimeUnit.Month => (int)Math.Round(amount * 30),
            TimeUnit.Year => (int)Math.Round(amount * 365),
            _ => 0,
        };
        return t.Op == TimeOp.Before ? -days : days;
    }

    /// <summary>How precise a date reached through this unit can be: weeks and months blur the day.</summary>
    public static DatePrecision PrecisionOf(TimeUnit unit) => unit switch
    {
        TimeUnit.Week or TimeUnit.Month => DatePrecision.Month,
        TimeUnit.Year => DatePrecision.Year,
        _ => DatePrecision.Day,
    };

    /// <summary>Minutes of a Duration phrase, or null when it is not one or its unit is a day or longer.</summary>
    public static int? DurationMinutes(in ParsedTime t)
    {
        if (t.Op != TimeOp.Duration)
            return null;
        if (t.FixedMinutes > 0)
            return t.FixedMinutes;
        double per = t.Unit switch
        {
            TimeUnit.Minute => 1,
            TimeUnit.Hour => 60,
            _ => 0,
        };
        if (per == 0 || t.Amount <= 0)
            return null;
        return (int)Math.Round(t.Amount * per);
    }

    /// <summary>The day itself when it falls on <paramref name="isoWeekday"/>, else the latest earlier one.</summary>
    public static DateOnly PreviousOrSame(DateOnly day, int isoWeekday) => day.AddDays(-((Iso(day) - isoWeekday + 7) % 7));

    /// <summary>The latest day strictly before <paramref name="day"/> on <paramref name="isoWeekday"/>.</summary>
    public static DateOnly Previous(DateOnly day, int isoWeekday) => PreviousOrSame(day.AddDays(-1), isoWeekday);

    public static DateOnly NextOrSame(DateOnly day, int isoWeekday) => day.AddDays((isoWeekday - Iso(day) + 7) % 7);

    /// <summary>The earliest day strictly after <paramref name="day"/> on <paramref name="isoWeekday"/>.</summary>
    public static DateOnly Next(DateOnly day, int isoWeekday) => NextOrSame(day.AddDays(1), isoWeekday);

    private static int Iso(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static PartialDate? ResolveDate(in ParsedTime t, PartialDate? anchor, TimeDirection direction)
    {
        if (t.Month is < 1 or > 12 || t.Day < 1)
            return null;
        if (t.Year > 0)
            return TryDay(t.Year, t.Month, t.Day);
        if (anchor is not { } a)
            return null;
        if (a.AsDate is not { } ad)
            return TryDay(a.Year, t.Month, t.Day);
        // Try the anchor's year, then move a year when the day lands far on the wrong side.
        int year = a.Year;
        if (TryDay(year, t.Month, t.Day)?.AsDate is { } candidate)
        {
            int gap = candidate.DayNumber - ad.DayNumber;
            if (direction != TimeDirection.Future && gap > YearRolloverDays)
                year--;
            else if (direction == TimeDirection.Future && gap < -YearRolloverDays)
                year++;
        }
        else if (t.Month == 2 && t.Day == 29)
        {
            // 29 February outside a leap year: the nearest leap year on the clause's side.
            year = direction == TimeDirection.Future ? NextLeap(year) : PreviousLeap(year);
        }
        return TryDay(year, t.Month, t.Day);
    }

    private static PartialDate? ResolveMonth(in ParsedTime t, PartialDate? anchor, TimeDirection direction)
    {
        if (t.Month is < 1 or > 12)
            return null;
        if (t.Year > 0)
            return PartialDate.OfMonth(t.Year, t.Month);
        if (anchor is not { } a)
            return null;
        if (t.HasYearOffset)
            return PartialDate.OfMonth(a.Year + t.Offset, t.Month);
        if (a.Precision == DatePrecision.Year)
            return PartialDate.OfMonth(a.Year, t.Month);
        int year = direction switch
        {
            TimeDirection.Past => t.Month <= a.Month ? a.Year : a.Year - 1,
            TimeDirection.Future => t.Month >= a.Month ? a.Year : a.Year + 1,
            _ => t.Month <= a.Month + MonthRolloverMonths ? a.Year : a.Year - 1,
        };
        return PartialDate.OfMonth(year, t.Month);
    }

    private static PartialDate? Shift(PartialDate? anchor, double amount, TimeUnit unit)
    {
        if (anchor is not { } a)
            return null;
        switch (unit)
        {
            case TimeUnit.Minute or TimeUnit.Hour:
                return a.Precision == DatePrecision.Day ? a : null;
            case TimeUnit.Day:
                return a.AsDate is { } d ? PartialDate.OfDay(d.AddDays((int)Math.Round(amount))) : null;
            case TimeUnit.Week:
                if (a.AsDate is not { } w)
                    return null;
                var shifted = w.AddDays((int)Math.Round(amount * 7));
                return PartialDate.OfMonth(shifted.Year, shifted.Month);
            case TimeUnit.Month:
                if (a.Precision < DatePrecision.Month)
                    return null;
                var m = new DateOnly(a.Year, a.Month, 1).AddMonths((int)Math.Round(amount));
                return PartialDate.OfMonth(m.Year, m.Month);
            case TimeUnit.Year:
                return PartialDate.OfYear(a.Year + (int)Math.Round(amount));
            default:
                return null;
        }
    }

    /// <summary>The month when a whole range of days lies in it, else null: a week has no PartialDate form.</summary>
    private static PartialDate? MonthOfRange(DateOnly first, DateOnly last) =>
        first.Year == last.Year && first.Month == last.Month ? PartialDate.OfMonth(first.Year, first.Month) : null;

    private static PartialDate? TryDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? PartialDate.OfDay(year, month, day)
            : null;

    private static int PreviousLeap(int year)
    {
        while (!DateTime.IsLeapYear(year))
            year--;
        return year;
    }

    private static int NextLeap(int year)
    {
        while (!DateTime.IsLeapYear(year))
            year++;
        return year;
    }
}
