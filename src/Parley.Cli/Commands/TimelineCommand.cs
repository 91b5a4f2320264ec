using System.CommandLine;
using System.Globalization;
using Parley.Events;

namespace Parley.Cli.Commands;

/// <summary><c>parley timeline</c>: stored contacts day by day.</summary>
internal static class TimelineCommand
{
    public static Command Create()
    {
        var opts = new StoreOptions();
        var cmd = new Command("timeline",
            "Print the stored contacts by day: date and weekday, then one line per contact (mode, who, where, how many "
            + "sources). Takes the same filters as `parley events`.\n\n"
            + "Examples:\n  parley timeline\n  parley timeline --country KOR --since 2022-05-01 --until 2022-05-31");
        opts.AddFiltersTo(cmd);
        cmd.SetAction(parse => Run(parse.GetValue(opts.Db)!, opts.Read(parse), Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string db, FilterArgs args, TextWriter output, TextWriter error)
    {
        var filter = args.ToFilter(error);
        if (filter is null)
            return 2;
        using var store = StoreOptions.OpenExisting(db, error);
        if (store is null)
            return 2;
        var events = store.Query(filter);
        string? heading = null;
        foreach (var c in events)
        {
            var e = c.Event;
            var h = e.Date is { } d
                ? d.Precision == Temporal.DatePrecision.Day
                    ? d.AsDate!.Value.ToString("yyyy-MM-dd dddd", CultureInfo.InvariantCulture)
                    : d + " (day not reported)"
                : "undated (reported " + (c.Sources[0].Published?.ToString() ?? "?") + ")";
            if (h != heading)
            {
                if (heading is not null)
                    output.WriteLine();
                output.WriteLine(h);
                heading = h;
            }
            var where = e.Location is null ? "" : " in " + (e.Location.City is { } city ? $"{city} ({e.Location.Country})" : e.Location.Country);
            var status = e.Status == EventStatus.Planned ? "planned: " : "";
            var link = c.FulfilledBy is { } f ? $" → took place as #{f}" : c.Fulfils.Count > 0 ? " (as planned in #" + string.Join(", #", c.Fulfils) + ")" : "";
            var sources = c.Sources.Count == 1 ? "1 source" : $"{c.Sources.Count} sources";
            output.WriteLine($"  #{c.Id,-5} {status}{Mode(e.Mode),-9} {EventsCommand.Who(e)}{where}  [{sources}]{link}");
        }
        if (events.Count == 0)
            output.WriteLine("no contacts match");
        return 0;
    }

    private static string Mode(ContactMode m) => m switch
    {
        ContactMode.Phone => "phone",
        ContactMode.Video => "video",
        ContactMode.InPerson => "met",
        ContactMode.Written => "letter",
        _ => "contact",
    };
}
