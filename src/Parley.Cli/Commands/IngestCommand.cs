using System.CommandLine;
using Parley.Documents;
using Parley.Ingest;
using Parley.Pipeline;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley ingest</c>: extracts contacts from articles and stores them, consolidated, in the embedded store.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths();
        var published = CommonOptions.Published();
        var db = StoreOptions.DbOption();
        var threads = CommonOptions.Threads();
        var cmd = new Command("ingest",
            "Read articles, extract their contacts and store them in the embedded store (SQLite). An article already "
            + "stored (same text) is skipped; a new report of a known contact joins it as another source; articles are "
            + "stored in transactions of up to 32, so an interrupted run leaves a consistent store and re-running completes it.\n\n"
            + "Examples:\n  parley ingest samples/articles/ samples/consolidation/\n  parley ingest crawl.jsonl --db news.db")
        {
            paths,
            published,
            db,
            threads,
        };
        cmd.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(db)!, parse.GetValue(published), Console.Out, Console.Error,
            showProgress: !Console.IsErrorRedirected, threads: parse.GetValue(threads)));
        return cmd;
    }

    internal static int Run(string[] paths, string db, string? publishedText, TextWriter output, TextWriter error,
        bool showProgress = false, TimeProvider? clock = null, int threads = 0)
    {
        if (!CommonOptions.TryGetPublished(publishedText, error, out var publishedOverride))
            return 2;
        clock ??= TimeProvider.System;
        ParleyStore store;
        try
        {
            store = ParleyStore.Open(db);
        }
        catch (StoreException e)
        {
            error.WriteLine($"parley: {e.Message}");
            return 2;
        }
        var totals = new Totals();
        using (store)
        {
            var pipeline = ParleyPipeline.Default;
            // Extraction runs on the workers, a few articles ahead; the store is written on this thread only, in
            // input order. An article already stored is not extracted again.
            Extracted Extract((IngestItem Item, bool Known) input)
            {
                var (item, known) = input;
                if (item.Failure is not null || known)
                    return new Extracted(item, known, null, null);
                try
                {
                    return new Extracted(item, false, pipeline.Run(item.Article!, publishedOverride), null);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return new Extracted(item, false, null, e);
                }
            }

            void Step(Extracted extracted, (DocumentOutcome? Outcome, Exception? Error) stored, TextWriter messages)
            {
                var item = extracted.Item;
                if (item.Failure is { } f)
                {
                    messages.WriteLine($"parley: {f}");
                    totals.Failed++;
                    return;
                }
                var article = item.Article!;
                if (extracted.Known)
                {
                    totals.Skipped++;
                    return;
                }
                if ((extracted.Error ?? stored.Error) is { } e)
                {
                    messages.WriteLine($"parley: {article.Origin}: {ErrorCodes.Internal}: could not process the article ({e.GetType().Name}: {e.Message}); it was not stored");
                    totals.Failed++;
                    return;
                }
                var outcome = stored.Outcome!;
                if (!outcome.Stored)
                {
                    totals.Skipped++;
                    return;
                }
                totals.New++;
                totals.EventsNew += outcome.EventsNew;
                totals.EventsMerged += outcome.EventsMerged;
                totals.Links += outcome.Links;
            }

            // The extracted articles are stored a batch at a time (one transaction, a savepoint each), then counted
            // and reported in input order.
            var group = new List<Extracted>();
            int groupDocs = 0;
            void Flush(TextWriter messages)
            {
                var docs = new List<Document>(groupDocs);
                foreach (var x in group)
                    if (x.Document is not null)
                        docs.Add(x.Document);
                IReadOnlyList<(DocumentOutcome?, Exception?)> stored;
                try
                {
                    stored = store.IngestBatch(docs, clock.GetUtcNow());
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    stored = docs.Select(_ => ((DocumentOutcome?)null, (Exception?)e)).ToList(); // the batch was rolled back
                }
                int k = 0;
                foreach (var x in group)
                    Step(x, x.Document is null ? default : stored[k++], messages);
                group.Clear();
                groupDocs = 0;
            }
            void Add(Extracted x, TextWriter messages)
            {
                group.Add(x);
                if (x.Document is not null && ++groupDocs >= ParleyStore.BatchSize)
                    Flush(messages);
            }

            using var workers = new OrderedParallel(threads);
            var items = workers.Map(new ArticleReader().Read(paths).Select(i => (i, i.Article is { } a && store.Contains(a.Text))), Extract);
            if (showProgress)
            {
                int files = CountFiles(paths);
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                var failures = new StringWriter();
                console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("ingesting", maxValue: Math.Max(files, 1));
                        string? lastOrigin = null;
                        foreach (var item in items)
                        {
                            var origin = item.Item.Article?.Origin ?? item.Item.Failure?.Origin;
                            if (origin != lastOrigin)
                            {
                                task.Increment(1);
                                lastOrigin = origin;
                            }
                            Add(item, failures);
                            task.Description = $"{totals.New} new, {totals.Skipped} skipped, {totals.Failed} failed";
                        }
                        Flush(failures);
                        task.Value = task.MaxValue;
                    });
                error.Write(failures.ToString());
            }
            else
            {
                foreach (var item in items)
                    Add(item, error);
                Flush(error);
            }
            output.WriteLine($"documents: {totals.New} new, {totals.Skipped} skipped, {totals.Failed} failed; "
                + $"events: {totals.EventsNew} new, {totals.EventsMerged} merged into known contacts, {totals.Links} planned→occurred links; store: {db}");
        }
        return totals.Failed > 0 ? 1 : 0;
    }

    private static int CountFiles(string[] paths)
    {
        int n = 0;
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                n += Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Count();
            else
                n++;
        }
        return n;
    }

    private sealed record Extracted(IngestItem Item, bool Known, Document? Document, Exception? Error);

    private sealed class Totals
    {
        public int New, Skipped, Failed, EventsNew, EventsMerged, Links;
    }
}
