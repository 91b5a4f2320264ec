namespace Parley.Temporal;

/// <summary>
/// What a time phrase says, before it meets a publication date: the pieces the pattern captured
/// ("September 28" = Date, Month 9, Day 28, no year; "two days ago" = Ago, 2 x Day). Resolve it with
/// <see cref="TemporalResolver"/>.
/// </summary>
public readonly record struct ParsedTime
{
    public TimeOp Op { get; init; }

    /// <summary>ISO weekday, Monday = 1 … Sunday = 7; 0 when none.</summary>
    public int Weekday { get; init; }

    /// <summary>1–12; 0 when none.</summary>
    public int Month { get; init; }

    /// <summary>1–31; 0 when none.</summary>
    public int Day { get; init; }

    /// <summary>The year as written; 0 when the phrase gives none.</summary>
    public int Year { get; init; }

    /// <summary>
    /// The N of a relative meaning: days for AnchorDay / ReferenceDay, weeks, months or years for
    /// AnchorWeek / AnchorMonth / AnchorYear, and the year offset of "April last year" (-1) when
    /// <see cref="HasYearOffset"/>.
    /// </summary>
    public int Offset { get; init; }

    public bool HasYearOffset { get; init; }

    /// <summary>A StoryDay phrase that means nothing without a day to count from ("two days later"): never the publication date's.</summary>
    public bool NeedsReference { get; init; }

    /// <summary>How many <see cref="Unit"/>s (Ago, Ahead, After, Before, Duration); 0 when the phrase gives no number ("hours after").</summary>
    public double Amount { get; init; }

    public TimeUnit Unit { get; init; }

    /// <summary>A fixed duration the pattern itself states ("half an hour" = 30), or 0.</summary>
    public int FixedMinutes { get; init; }

    /// <summary>The clock time as written ("9:27 a.m."), for TimeOfDay phrases and dates that carry one.</summary>
    public string? Clock { get; init; }

    public TimeKind Kind => Op switch
    {
        TimeOp.Date => TimeKind.Date,
        TimeOp.Month or TimeOp.MonthLast or TimeOp.MonthNext => TimeKind.Month,
        TimeOp.Year => TimeKind.Year,
        TimeOp.Weekday or TimeOp.WeekdayLast or TimeOp.WeekdayNext => TimeKind.Weekday,
        TimeOp.After or TimeOp.Before => TimeKind.EventRelative,
        TimeOp.Duration => TimeKind.Duration,
        TimeOp.Clock => TimeKind.TimeOfDay,
        TimeOp.Vague or TimeOp.None => TimeKind.Vague,
        _ => TimeKind.Relative,
    };
}
