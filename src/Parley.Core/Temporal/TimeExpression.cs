using Parley.Text;

namespace Parley.Temporal;

/// <summary>
/// A time expression in the cleaned text and what it resolves to. <see cref="Value"/> is null when the
/// phrase cannot be resolved (a weekday without a publication date, "at an early date").
/// </summary>
public sealed record TimeExpression
{
    public required TextSpan Span { get; init; }

    public required string Phrase { get; init; }

    public PartialDate? Value { get; init; }

    /// <summary>True for phrases that only place the event relative to another one ("two days after").</summary>
    public bool IsRelativeToEvent { get; init; }

    /// <summary>Days offset from the reference event for <see cref="IsRelativeToEvent"/> phrases.</summary>
    public int OffsetDays { get; init; }

    /// <summary>Clock duration the phrase states, in minutes ("for about three hours"), if it is a duration.</summary>
    public int? DurationMinutes { get; init; }
}
