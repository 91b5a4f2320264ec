using System.CommandLine;
using Parley.Events;
using Parley.Storage;
using Parley.Temporal;

namespace Parley.Cli.Commands;

/// <summary>The --db option and the event filters that events, timeline and export share.</summary>
internal sealed class StoreOptions
{
    public const string DefaultDb = "parley.db";

    public Option<string> Db { get; } = DbOption();

    public Option<string[]> Country { get; } = new("--country")
    {
        Description = "Only contacts with this country (ISO alpha-3 or organisation code); give it twice for contacts between two.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Actor { get; } = new("--actor")
    {
        Description = "Only contacts with this person (a name or short name, or #ID from `parley actors`); twice for contacts between two.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Since { get; } = new("--since") { Description = "First day, YYYY-MM-DD (or YYYY-MM, YYYY)." };

    public Option<string?> Until { get; } = new("--until") { Description = "Last day, YYYY-MM-DD (or YYYY-MM, YYYY)." };

    public Option<string?> Mode { get; } = new("--mode") { Description = "phone, video, in_person, written or unknown." };

    public Option<string?> Status { get; } = new("--status") { Description = "occurred or planned." };

    public Option<string?> Text { get; } = new("--text") { Description = "Full-text search (SQLite FTS5 syntax) over evidence, names and roles." };

    public Option<int?> Limit { get; } = new("--limit") { Description = "At most this many events." };

    public static Option<string> DbOption() => new("--db")
    {
        Description = "The store file (SQLite).",
        DefaultValueFactory = _ => DefaultDb,
    };

    public void AddFiltersTo(Command cmd)
    {
        cmd.Options.Add(Db);
        cmd.Options.Add(Country);
        cmd.Options.Add(Actor);
        cmd.Options.Add(Since);
        cmd.Options.Add(Until);
        cmd.Options.Add(Mode);
        cmd.Options.Add(Status);
        cmd.Options.Add(Text);
        cmd.Options.Add(Limit);
    }

    public FilterArgs Read(ParseResult parse) => new(
        parse.GetValue(Country) ?? [], parse.GetValue(Actor) ?? [], parse.GetValue(Since), parse.GetValue(Until),
        parse.GetValue(Mode), parse.GetValue(Status), parse.GetValue(Text), parse.GetValue(Limit));

    /// <summary>Opens the store for reading; writes the error and returns null when there is none.</summary>
    public static ParleyStore? OpenExisting(string db, TextWriter error)
    {
        if (!File.Exists(db))
        {
            error.WriteLine($"parley: {db}: no such store; create it with `parley ingest PATH... --db {db}`");
            return null;
        }
        try
        {
            return ParleyStore.Open(db);
        }
        catch (StoreException e)
        {
            error.WriteLine($"parley: {e.Message}");
            return null;
        }
    }
}

/// <summary>The raw filter values, as the tests pass them.</summary>
internal sealed record FilterArgs(
    string[] Countries, string[] Actors, string? Since = null, string? Until = null,
    string? Mode = null, string? Status = null, string? Text = null, int? Limit = null)
{
    public static FilterArgs None { get; } = new([], []);

    public bool IsEmpty => Countries.Length == 0 && Actors.Length == 0 && Since is null && Until is null
        && Mode is null && Status is null && Text is null && Limit is null;

    /// <summary>The store filter; writes the error and returns null when a value is malformed.</summary>
    public EventFilter? ToFilter(TextWriter error)
    {
        DateOnly? since = null, until = null;
        if (Since is not null)
        {
            if (!PartialDate.TryParse(Since, out var d))
                return Bad(error, $"--since wants YYYY-MM-DD, YYYY-MM or YYYY, not '{Since}'");
            since = d.Earliest;
        }
        if (Until is not null)
        {
            if (!PartialDate.TryParse(Until, out var d))
                return Bad(error, $"--until wants YYYY-MM-DD, YYYY-MM or YYYY, not '{Until}'");
            until = d.Latest;
        }
        ContactMode? mode = null;
        if (Mode is not null)
        {
            if (!ContactModeNames.TryParseMode(Mode, out var m))
                return Bad(error, $"--mode wants phone, video, in_person, written or unknown, not '{Mode}'");
            mode = m;
        }
        EventStatus? status = Status switch
        {
            null => null,
            "occurred" => EventStatus.Occurred,
            "planned" => EventStatus.Planned,
            _ => (EventStatus)(-1),
        };
        if (status is { } s && (int)s < 0)
            return Bad(error, $"--status wants occurred or planned, not '{Status}'");
        return new EventFilter
        {
            Countries = Countries,
            Actors = Actors,
            Since = since,
            Until = until,
            Mode = mode,
            Status = status,
            Text = Text,
            Limit = Limit,
        };
    }

    private static EventFilter? Bad(TextWriter error, string message)
    {
        error.WriteLine("parley: " + message);
        return null;
    }
}
