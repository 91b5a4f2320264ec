using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley actors</c>: the actor registry.</summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var db = StoreOptions.DbOption();
        var country = new Option<string?>("--country") { Description = "Only actors of this country (ISO alpha-3 or organisation code)." };
        var cmd = new Command("actors",
            "List the people in the store's registry: one per person, with the name variants read, the country, the roles "
            + "and the days each role was seen, and the number of contacts. Short names (\"Noh\") and descriptions "
            + "(\"South Korea's top nuclear envoy\") are joined to the person they refer to.\n\n"
            + "Example:\n  parley actors --country KOR")
        {
            db,
            country,
        };
        cmd.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(country), Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string db, string? country, TextWriter output, TextWriter error)
    {
        using var store = StoreOptions.OpenExisting(db, error);
        if (store is null)
            return 2;
        var actors = store.ListActors(country?.Trim().ToUpperInvariant());
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        if (Console.IsOutputRedirected || output != Console.Out)
            console.Profile.Width = 200;
        var table = new Table().AddColumns("id", "name", "country", "also written", "roles (seen)", "contacts");
        foreach (var s in actors)
        {
            var a = s.Actor;
            var roles = string.Join("\n", a.Roles.Select(r => $"{r.Role} ({Day(r.First)}..{Day(r.Last)})"));
            table.AddRow(
                "#" + a.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(a.Name + (a.Curated ? " *" : "")),
                a.Country,
                Markup.Escape(string.Join(", ", a.Variants)),
                Markup.Escape(roles),
                s.Events.ToString(CultureInfo.InvariantCulture));
        }
        console.Write(table);
        console.WriteLine($"{actors.Count} actor(s); * = curated (data/actors.tsv)");
        return 0;
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
