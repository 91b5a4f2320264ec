using Parley.Text;

namespace Parley.Temporal;

/// <summary>
/// A time expression in the cleaned text and what it resolves to. <see cref="Value"/> is null when the
/// phrase cannot be resolved (a weekday without a publication date) or says no date on purpose
/// (<see cref="TimeKind.Vague"/> "at an early date", <see cref="TimeKind.Duration"/>,
/// <see cref="TimeKind.TimeOfDay"/>, <see cref="TimeKind.EventRelative"/>): read <see cref="Kind"/>
/// before taking a null as "undated".
/// </summary>
public sealed record TimeExpression
{
    public required TextSpan Span { get; init; }

    public required string Phrase { get; init; }

    public PartialDate? Value { get; init; }

    public TimeKind Kind { get; init; }

    /// <summary>The clause's direction the value was resolved with.</summary>
    public TimeDirection Direction { get; init; }

    /// <summary>Index into <c>Document.Sentences</c>.</summary>
    public int SentenceIndex { get; init; }

    /// <summary>What the phrase says before resolution (weekday, month, amount, unit…).</summary>
    public ParsedTime Parsed { get; init; }

    /// <summary>True for phrases that only place the event relative to another one ("two days after").</summary>
    public bool IsRelativeToEvent { get; init; }

    /// <summary>Days offset from the reference event for <see cref="IsRelativeToEvent"/> phrases.</summary>
    public int OffsetDays { get; init; }

    /// <summary>
    /// The finest precision the offset supports: Day for "two days after" and "hours after", Month for
    /// "a week after" (the day is a guess), Year for "a year after".
    /// </summary>
    public DatePrecision OffsetPrecision { get; init; } = DatePrecision.Day;

    /// <summary>Clock duration the phrase states, in minutes ("for about three hours"), if it is a duration.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>The clock time the phrase carries ("9:27 a.m.", "13:30 Moscow time"), as written.</summary>
    public string? TimeOfDay { get; init; }

    /// <summary>
    /// In "X came two days after Y" the phrase puts X at Y + <see cref="OffsetDays"/>. Given Y's date
    /// (the event named after "after" / "before"), this is X's. Null unless <see cref="IsRelativeToEvent"/>.
    /// </summary>
    public PartialDate? DateOfModified(PartialDate? namedEvent) =>
        IsRelativeToEvent ? TemporalResolver.ApplyOffset(namedEvent, OffsetDays, OffsetPrecision) : null;

    /// <summary>
    /// The other way round: given X's date (the talks that "come two days after"), Y's date — what the
    /// extractor needs for "Their talks come two days after the ministers met" when the talks are dated.
    /// </summary>
    public PartialDate? DateOfNamed(PartialDate? modifiedEvent) =>
        IsRelativeToEvent ? TemporalResolver.ApplyOffset(modifiedEvent, -OffsetDays, OffsetPrecision) : null;
}
