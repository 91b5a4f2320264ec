using Parley.Events;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>Renders events as a terminal table.</summary>
internal static class EventTable
{
    public static void Render(IReadOnlyList<ContactEvent> events, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out))
            console.Profile.Width = 160; // a file or a pipe has no width: do not squeeze the table
        var table = new Table().AddColumns("doc", "date", "status", "mode", "participants", "location", "min");
        foreach (var e in events)
        {
            var who = string.Join("; ", e.Participants.Select(p => p.Name is null ? p.Country : $"{p.Name} ({p.Country})"));
            var where = e.Location is null ? "" : e.Location.City ?? e.Location.Country ?? "";
            table.AddRow(
                Markup.Escape(e.Doc),
                e.Date?.ToString() ?? "?",
                e.Status.ToWire(),
                e.Mode.ToWire(),
                Markup.Escape(who),
                Markup.Escape(where),
                e.DurationMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        console.Write(table);
        console.WriteLine($"{events.Count} event(s)");
    }
}
