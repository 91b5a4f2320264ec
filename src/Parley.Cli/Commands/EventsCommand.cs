using System.CommandLine;
using Parley.Consolidation;
using Parley.Events;
using Parley.Export;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley events</c>: questions to the store.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var opts = new StoreOptions();
        var format = new Option<string>("--format")
        {
            Description = "table (readable), jsonl (one consolidated event per line: SCHEMA.md plus id and sources) or csv.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var cmd = new Command("events",
            "List stored contacts, consolidated across outlets, filtered by country, person, dates, mode, status and text.\n\n"
            + "Examples:\n  parley events --country KOR --country CHN --since 2022-05\n"
            + "  parley events --actor Noh --format jsonl\n  parley events --text 'nuclear AND envoy' --status planned");
        opts.AddFiltersTo(cmd);
        cmd.Options.Add(format);
        cmd.SetAction(parse => Run(parse.GetValue(opts.Db)!, opts.Read(parse), parse.GetValue(format)!, Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string db, FilterArgs args, string format, TextWriter output, TextWriter error)
    {
        var filter = args.ToFilter(error);
        if (filter is null)
            return 2;
        using var store = StoreOptions.OpenExisting(db, error);
        if (store is null)
            return 2;
        IReadOnlyList<ConsolidatedEvent> events;
        try
        {
            events = store.Query(filter);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (filter.Text is not null)
        {
            error.WriteLine($"parley: --text '{filter.Text}' is not a valid full-text query ({e.Message}); quote phrases, e.g. --text '\"end-of-war\"'");
            return 2;
        }
        switch (format)
        {
            case "jsonl":
                StoreJson.WriteAll(events, output);
                break;
            case "csv":
                CsvExport.Write(events, output);
                break;
            default:
                RenderTable(events, output);
                break;
        }
        return 0;
    }

    internal static void RenderTable(IReadOnlyList<ConsolidatedEvent> events, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        // Piped or captured output has no terminal width; a wide table keeps one event per line.
        if (Console.IsOutputRedirected || output != Console.Out)
            console.Profile.Width = 200;
        var table = new Table().AddColumns("id", "date", "status", "mode", "participants", "location", "sources");
        foreach (var c in events)
        {
            var e = c.Event;
            table.AddRow(
                c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.Date?.ToString() ?? "?",
                e.Status.ToWire() + (c.FulfilledBy is { } f ? $" → #{f}" : "") + (c.Fulfils.Count > 0 ? " (fulfils #" + string.Join(", #", c.Fulfils) + ")" : ""),
                e.Mode.ToWire(),
                Markup.Escape(Who(e)),
                Markup.Escape(e.Location is null ? "" : e.Location.City ?? e.Location.Country ?? ""),
                c.Sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (c.Disagreements.Count > 0 ? "*" : ""));
        }
        console.Write(table);
        console.WriteLine($"{events.Count} event(s); * = the sources disagree on some attribute (see --format jsonl)");
    }

    internal static string Who(ContactEvent e) =>
        string.Join("; ", e.Participants.Select(p => p.Name is null ? p.Country : $"{p.Name} ({p.Country})"));
}
