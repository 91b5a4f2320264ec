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
/// <remarks>
/// The extractor's evidence is a view into the document's cleaned text (as spaCy's spans are views into their doc):
/// the sentence's string is only made when <see cref="Text"/> is first read, and a writer can take it as a span
/// (<see cref="AsSpan"/>) without making it at all. Equal evidence has equal text and span, however it was made.
/// </remarks>
public sealed record Evidence
{
    private string? _text;
    private string? _source; // the text the sentence is a slice of, until Text is made
    private readonly TextSpan _slice;

    public Evidence(string Text, TextSpan Span)
    {
        _text = Text;
        this.Span = Span;
    }

    /// <summary>The sentence <paramref name="slice"/> of <paramref name="source"/>, whose range in the original is <paramref name="span"/>.</summary>
    internal Evidence(string source, TextSpan slice, TextSpan span)
    {
        _source = source;
        _slice = slice;
        Span = span;
    }

    /// <summary>The sentence.</summary>
    public string Text
    {
        get
        {
            if (Volatile.Read(ref _text) is { } text)
                return text;
            // Made once; a reader on another thread meanwhile either sees the source or, once it is let go, the text
            // (written before the source is dropped).
            if (Volatile.Read(ref _source) is not { } source)
                return Volatile.Read(ref _text)!;
            text = _slice.Slice(source);
            Volatile.Write(ref _text, text);
            Volatile.Write(ref _source, null); // the event no longer keeps the whole document's text alive
            return text;
        }
    }

    /// <summary>The sentence's range in the original article (half-open).</summary>
    public TextSpan Span { get; init; }

    /// <summary>The sentence, without making a string of it when it has not been made yet.</summary>
    public ReadOnlySpan<char> AsSpan()
    {
        if (Volatile.Read(ref _text) is { } text)
            return text;
        if (Volatile.Read(ref _source) is { } source)
            return source.AsSpan(_slice.Start, _slice.Length);
        return Volatile.Read(ref _text);
    }

    public bool Equals(Evidence? other) =>
        other is not null && Span == other.Span && AsSpan().SequenceEqual(other.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Span, string.GetHashCode(AsSpan()));

    public void Deconstruct(out string Text, out TextSpan Span)
    {
        Text = this.Text;
        Span = this.Span;
    }
}

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
