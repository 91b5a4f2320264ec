using System.CommandLine;
using Parley.Events;
using Parley.Export;

namespace Parley.Cli.Commands;

/// <summary><c>parley extract</c>: contact events of each input, in the SCHEMA.md line format.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths();
        var published = CommonOptions.Published();
        var format = new Option<string>("--format")
        {
            Description = "jsonl: one event per line (shared/eval/SCHEMA.md); table: a readable table.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var cmd = new Command("extract",
            "Run the pipeline and print every contact event: who met, phoned or video-called whom, on which day, where, "
            + "how, for how long, whether it happened or is planned, with the sentence and its offsets as evidence.\n\n"
            + "Examples:\n  parley extract samples/articles/\n  parley extract crawl.jsonl --format table\n"
            + "  cat article.txt | parley extract - --published 2024-02-22")
        {
            paths,
            published,
            format,
        };
        cmd.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(published), parse.GetValue(format)!, Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string[] paths, string? publishedText, string format, TextWriter output, TextWriter error)
    {
        if (!CommonOptions.TryGetPublished(publishedText, error, out var publishedOverride))
            return 2;
        var table = format == "table" ? new List<ContactEvent>() : null;
        var inputs = new DocumentStream(error);
        foreach (var doc in inputs.Read(paths, publishedOverride))
        {
            foreach (var e in doc.Events)
            {
                if (table is not null)
                    table.Add(e);
                else
                    output.WriteLine(EventJson.ToLine(e));
            }
        }
        if (table is not null)
            EventTable.Render(table, output);
        return inputs.Failed > 0 ? 1 : 0;
    }
}
