using System.CommandLine;
using Parley.Evaluation;
using Parley.Events;

namespace Parley.Cli.Commands;

/// <summary><c>parley eval</c>: runs extraction and scores it against a folder of gold files.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths();
        var published = CommonOptions.Published();
        var gold = new Option<string>("--gold")
        {
            Description = "Folder of gold files ({\"doc\", \"published\", \"events\"} per document; see shared/eval/SCHEMA.md).",
            Required = true,
        };
        var quiet = new Option<bool>("--quiet") { Description = "Only the totals, no per-document misses and extras." };
        var minStrict = new Option<double?>("--min-strict-f1") { Description = "Exit 1 when strict F1 is below this." };
        var cmd = new Command("eval",
            "Extract events from the inputs and print strict and lenient precision, recall and F1 and attribute accuracies "
            + "against gold files, with every missed and extra event per document.\n\n"
            + "Example:\n  parley eval --gold ../shared/eval/gold ../shared/seeds/\n"
            + "  parley eval --gold ../shared/eval/dev/gold ../shared/eval/dev/articles.jsonl")
        {
            paths,
            published,
            gold,
            quiet,
            minStrict,
        };
        cmd.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(published), parse.GetValue(gold)!,
            parse.GetValue(quiet), parse.GetValue(minStrict), Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string[] paths, string? publishedText, string goldDir, bool quiet, double? minStrict, TextWriter output, TextWriter error)
    {
        if (!CommonOptions.TryGetPublished(publishedText, error, out var publishedOverride))
            return 2;
        if (!Directory.Exists(goldDir))
        {
            error.WriteLine($"parley: {goldDir}: no such gold folder");
            return 2;
        }
        IReadOnlyList<GoldDocument> gold;
        try
        {
            gold = GoldSet.Load(goldDir);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            error.WriteLine($"parley: {goldDir}: a gold file is not in the SCHEMA.md format ({e.Message})");
            return 2;
        }
        var events = new List<ContactEvent>();
        var inputs = new DocumentStream(error);
        foreach (var doc in inputs.Read(paths, publishedOverride))
            events.AddRange(doc.Events);
        var report = Scorer.Score(gold, events);
        if (!quiet)
            foreach (var line in report.Lines)
                output.WriteLine(line);
        output.Write(Scorer.Summary(report));
        if (minStrict is { } min && report.Strict.F1 < min)
        {
            error.WriteLine($"parley: strict F1 {report.Strict.F1:F3} is below {min}");
            return 1;
        }
        return inputs.Failed > 0 ? 1 : 0;
    }
}
