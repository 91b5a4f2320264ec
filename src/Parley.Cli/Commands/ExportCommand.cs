using System.CommandLine;
using System.Text;
using Parley.Consolidation;
using Parley.Export;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary><c>parley export</c>: the store in formats other tools read.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var opts = new StoreOptions();
        var format = new Option<string>("--format")
        {
            Description = "jsonl (SCHEMA.md + id + sources), csv, plover (PLOVER JSON lines), cameo (dyadic TSV, CAMEO 04x codes), "
                + "gexf (GEXF 1.3 graph for Gephi), parquet (for pandas and R).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("jsonl", "csv", "plover", "cameo", "gexf", "parquet");
        var outFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var nodes = new Option<string>("--nodes")
        {
            Description = "For gexf: what the nodes are, countries or actors (named people).",
            DefaultValueFactory = _ => "countries",
        };
        nodes.AcceptOnlyFromAmong("countries", "actors");
        var cmd = new Command("export",
            "Write the stored contacts (optionally filtered as in `parley events`) in another format.\n\n"
            + "Examples:\n  parley export --format plover -o contacts.jsonl\n  parley export --format gexf --nodes actors -o contacts.gexf\n"
            + "  parley export --format parquet -o contacts.parquet --since 2022");
        opts.AddFiltersTo(cmd);
        cmd.Options.Add(format);
        cmd.Options.Add(outFile);
        cmd.Options.Add(nodes);
        cmd.SetAction(parse => Run(parse.GetValue(opts.Db)!, opts.Read(parse), parse.GetValue(format)!, parse.GetValue(outFile),
            parse.GetValue(nodes)!, Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string db, FilterArgs args, string format, string? outFile, string nodes, TextWriter output, TextWriter error)
    {
        var filter = args.ToFilter(error);
        if (filter is null)
            return 2;
        using var store = StoreOptions.OpenExisting(db, error);
        if (store is null)
            return 2;
        bool everything = args.IsEmpty;
        IEnumerable<ConsolidatedEvent> events = everything ? store.All() : store.Query(filter);
        try
        {
            if (format == "parquet")
            {
                if (outFile is null)
                {
                    using var stdout = Console.OpenStandardOutput();
                    ParquetExport.WriteAsync(events, stdout).GetAwaiter().GetResult();
                }
                else
                {
                    using var file = File.Create(outFile);
                    ParquetExport.WriteAsync(events, file).GetAwaiter().GetResult();
                }
                return 0;
            }
            using var writer = outFile is null ? null : new StreamWriter(outFile, false, new UTF8Encoding(false));
            var target = (TextWriter?)writer ?? output;
            switch (format)
            {
                case "jsonl":
                    StoreJson.WriteAll(events, target);
                    break;
                case "csv":
                    CsvExport.Write(events, target);
                    break;
                case "plover":
                    PloverExport.Write(events, target);
                    break;
                case "cameo":
                    CameoExport.Write(events, target);
                    break;
                case "gexf":
                    GexfExport.Write(events, target, nodes == "actors" ? GexfNodes.Actors : GexfNodes.Countries);
                    target.WriteLine();
                    break;
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"parley: {outFile}: cannot write the export ({e.Message})");
            return 2;
        }
    }
}
