namespace Parley.Temporal;

/// <summary>What a time expression is, which says how to read its <see cref="TimeExpression.Value"/>.</summary>
public enum TimeKind
{
    /// <summary>A calendar date written out ("Nov. 1, 2021", "21 February 2022", "September 28").</summary>
    Date,

    /// <summary>A weekday ("on Tuesday", "last Wednesday", "Tuesday's meeting").</summary>
    Weekday,

    /// <summary>A day, week, month or year relative to the publication or the sentence's day ("yesterday", "last month").</summary>
    Relative,

    /// <summary>A month ("in September", "April last year", "mid-June").</summary>
    Month,

    /// <summary>A year ("in 2018", "late 2019").</summary>
    Year,

    /// <summary>A length of time; <see cref="TimeExpression.DurationMinutes"/> holds it and the value is null.</summary>
    Duration,

    /// <summary>A clock time ("at 9:27 a.m.", "from 13:30 Moscow time"); it never changes the date.</summary>
    TimeOfDay,

    /// <summary>A time the text leaves open on purpose ("at an early date", "soon"); the value is null.</summary>
    Vague,

    /// <summary>An offset from another event of the sentence ("two days after"); see <see cref="TimeExpression.OffsetDays"/>.</summary>
    EventRelative,
}

/// <summary>Whether the clause around a time expression looks back or ahead.</summary>
public enum TimeDirection
{
    Unknown,
    Past,
    Future,
}

public enum TimeUnit : byte
{
    None,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>How a parsed phrase is resolved; the names follow the meanings of data/time_words.tsv.</summary>
public enum TimeOp : byte
{
    None,
    Date,
    Month,
    MonthLast,
    MonthNext,
    Year,
    Weekday,
    WeekdayLast,
    WeekdayNext,
    AnchorDay,
    AnchorWeek,
    AnchorWeekSoFar,
    AnchorMonth,
    AnchorYear,
    ReferenceDay,
    StoryDay,
    Ago,
    Ahead,
    AheadIfFuture,
    After,
    Before,
    Duration,
    Clock,
    Vague,
}
