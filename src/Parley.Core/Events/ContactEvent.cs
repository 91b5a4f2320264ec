using Parley.Temporal;
using Parley.Text;

namespace Parley.Events;

public enum EventStatus
{
    Occurred,
    Planned,
}

public enum ContactMode
{
    Unknown,
    Phone,
    Video,
    InPerson,
    Written,
}

public sealed record Participant(string? Name, string Country, string? Role);

public sealed record Location(string? City, string? Country);

/// <summary>A sentence that reports the event: its text and its range in the original article.</summary>
public sealed record Evidence(string Text, TextSpan Span);

/// <summary>One contact event found in one document (see shared/eval/SCHEMA.md).</summary>
public sealed record ContactEvent
{
    public string Type { get; init; } = "CONSULT";

    public required EventStatus Status { get; init; }

    public required ContactMode Mode { get; init; }

    public PartialDate? Date { get; init; }

    /// <summary>The phrase the date was resolved from, when there is one.</summary>
    public string? DatePhrase { get; init; }

    public required IReadOnlyList<Participant> Participants { get; init; }

    public Location? Location { get; init; }

    public int? DurationMinutes { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    public required string Doc { get; init; }

    public required IReadOnlyList<Evidence> Evidence { get; init; }
}

public static class ContactModeNames
{
    public static string ToWire(this ContactMode mode) => mode switch
    {
        ContactMode.Phone => "phone",
        ContactMode.Video => "video",
        ContactMode.InPerson => "in_person",
        ContactMode.Written => "written",
        _ => "unknown",
    };

    public static string ToWire(this EventStatus status) => status == EventStatus.Planned ? "planned" : "occurred";

    public static bool TryParseMode(string s, out ContactMode mode)
    {
        mode = s switch
        {
            "phone" => ContactMode.Phone,
            "video" => ContactMode.Video,
            "in_person" => ContactMode.InPerson,
            "written" => ContactMode.Written,
            "unknown" => ContactMode.Unknown,
            _ => (ContactMode)(-1),
        };
        return (int)mode >= 0;
    }
}
