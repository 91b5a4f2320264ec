using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Benchmarks;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley bench</c>: the throughput harness (benchmarks/Parley.Benchmarks). Progress goes to
/// stderr, the figures to stdout, and with <c>--json</c> the last line is one JSON object.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate and measure (10000 to 100000 for figures worth quoting).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the corpus generator.", DefaultValueFactory = _ => 42 };
        var ingestEvery = new Option<int>("--ingest-every") { Description = "Ingest one article in N into the temporary store.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Threads of the parallel extraction (0: one per core).", DefaultValueFactory = _ => 0 };
        var floatWorkers = new Option<bool>("--float-workers")
        {
            Description = "Leave the parallel run's workers unbound, as `extract` and `ingest` do (by default each is pinned to a CPU of its own, "
                + "Linux only: the parallel extraction with a consumer that does nothing else).",
        };
        var byComponent = new Option<bool>("--by-component") { Description = "Time and count allocations per pipeline component." };
        var warmup = new Option<double>("--warmup-seconds") { Description = "Least time of the untimed warm-up (tiered JIT).", DefaultValueFactory = _ => 15 };
        var dump = new Option<string?>("--dump") { Description = "Also write every event line (SCHEMA.md) of the single-threaded run to this file, untimed: to check that an optimisation changes no output byte." };
        var json = new Option<bool>("--json") { Description = "End with one JSON line: articles, mb, tokenize_mb_s, extract_mb_s, ingest_mb_s, ratio, parallel_speedup, peak_rss_mb." };
        var writeCorpus = new Option<string?>("--write-corpus")
        {
            Description = "Write the corpus (--articles, --seed) to this file as JSON Lines instead of measuring: an input to time "
                + "`parley extract` or `parley ingest` end to end, e.g. with --threads 1 against the default.",
        };
        var cmd = new Command("bench",
            "Throughput: generate a deterministic corpus of invented diplomatic news articles (500-800 words, never stored) and "
            + "measure on it, single-threaded, Lucene.Net's StandardAnalyzer (the floor), Parley's full extraction and ingestion "
            + "into a temporary store; then extraction on all cores (output in input order), and peak memory.\n\n"
            + "Examples:\n  parley bench --articles 200\n  parley bench --articles 100000 --json\n  parley bench --by-component\n  parley bench --articles 3000 --dump /tmp/events.jsonl\n"
            + "  parley bench --articles 20000 --write-corpus /tmp/corpus.jsonl && time parley extract /tmp/corpus.jsonl > /dev/null")
        {
            articles,
            seed,
            ingestEvery,
            threads,
            floatWorkers,
            byComponent,
            warmup,
            dump,
            json,
            writeCorpus,
        };
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(writeCorpus) is { } corpusPath)
                return WriteCorpus(corpusPath, parse.GetValue(articles), parse.GetValue(seed), Console.Error);
            var dumpPath = parse.GetValue(dump);
            using var dumpWriter = dumpPath is null ? null : new StreamWriter(dumpPath);
            return Run(new BenchOptions
            {
                Articles = parse.GetValue(articles),
                Seed = parse.GetValue(seed),
                IngestEvery = parse.GetValue(ingestEvery),
                Threads = parse.GetValue(threads),
                PinWorkers = !parse.GetValue(floatWorkers),
                ByComponent = parse.GetValue(byComponent),
                WarmupSeconds = parse.GetValue(warmup),
                Dump = dumpWriter,
            }, parse.GetValue(json), Console.Out, Console.Error);
        });
        return cmd;
    }

    /// <summary>Writes articles 0 to <paramref name="articles"/> − 1 of the corpus as JSON Lines (id, url, outlet, published, text).</summary>
    internal static int WriteCorpus(string path, int articles, int seed, TextWriter error)
    {
        if (articles < 1)
        {
            error.WriteLine("parley: --articles must be at least 1.");
            return 2;
        }
        try
        {
            using var file = File.Create(path);
            using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var a in new CorpusGenerator(seed).Articles(articles))
            {
                json.WriteStartObject();
                json.WriteString("id", a.Id);
                if (a.Url is not null)
                    json.WriteString("url", a.Url);
                if (a.Outlet is not null)
                    json.WriteString("outlet", a.Outlet);
                if (a.Published is { } p)
                    json.WriteString("published", p.ToString());
                json.WriteString("text", a.Text);
                json.WriteEndObject();
                json.Flush();
                file.WriteByte((byte)'\n');
                json.Reset();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"parley: {path}: cannot write the corpus ({e.Message})");
            return 2;
        }
        error.WriteLine($"parley bench: {articles:N0} articles written to {path}");
        return 0;
    }

    /// <summary>The mean pause of one collection, "-" when there was none.</summary>
    internal static string PerCollectionMs(double pauseSeconds, int collections) =>
        collections == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{pauseSeconds * 1000 / collections:F1} ms");

    internal static int Run(BenchOptions options, bool json, TextWriter output, TextWriter error)
    {
        if (options.Articles < 1 || options.IngestEvery < 1 || options.Threads < 0)
        {
            error.WriteLine("parley: --articles and --ingest-every must be at least 1, --threads at least 0.");
            return 2;
        }
        error.WriteLine($"parley bench: {options.Articles:N0} articles, seed {options.Seed}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var r = new ThroughputHarness(error.WriteLine).Run(options);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"corpus: {r.Articles:N0} articles, {r.Mb:F1} MB (UTF-8), {r.Tokens:N0} Lucene tokens, {r.Events:N0} contact events"));
        output.WriteLine(string.Create(c, $"ratio extract/tokenize: {r.Ratio:F3}   parallel speed-up: {r.ParallelSpeedup:F2} on {r.Threads} threads{(r.PinnedCpus.Count > 0 ? $" (pinned to CPUs {string.Join(',', r.PinnedCpus)})" : "")}"));
        output.WriteLine(string.Create(c, $"tokenize (Lucene StandardAnalyzer, 1 thread): {r.TokenizeMbPerSecond,8:F1} MB/s {r.Articles / r.TokenizeSeconds,8:F0} articles/s  alloc {r.TokenizeAllocatedBytes / (double)r.Articles / 1024,7:F1} KB/article"));
        output.WriteLine(string.Create(c, $"extract  (Parley pipeline,  1 thread):        {r.ExtractMbPerSecond,8:F1} MB/s {r.ExtractArticlesPerSecond,8:F0} articles/s  alloc {r.ExtractAllocatedBytes / (double)r.Articles / 1024,7:F1} KB/article"));
        output.WriteLine(string.Create(c, $"extract  (Parley pipeline, {r.Threads} threads):       {r.Mb / r.ParallelSeconds,8:F1} MB/s {r.Articles / r.ParallelSeconds,8:F0} articles/s"));
        output.WriteLine(string.Create(c, $"ingest   (store, 1 thread, {r.IngestedArticles:N0} articles): {r.IngestMbPerSecond,8:F1} MB/s {r.IngestedArticles / r.IngestSeconds,8:F0} articles/s"));
        output.WriteLine(string.Create(c, $"GCs during the run: gen0 {r.Gen0}, gen1 {r.Gen1}, gen2 {r.Gen2}; collector pauses {r.ExtractGcPauseSeconds / r.ExtractSeconds:P1} of the single-threaded extraction ({r.ExtractCollections} collections, {PerCollectionMs(r.ExtractGcPauseSeconds, r.ExtractCollections)} each), {r.ParallelGcPauseSeconds / r.ParallelSeconds:P1} of the parallel one ({r.ParallelCollections}, {PerCollectionMs(r.ParallelGcPauseSeconds, r.ParallelCollections)} each)"));
        var at10k = r.PeakRssMbAt10k is { } m ? string.Create(c, $" (after 10,000 articles: {m:F0} MB)") : "";
        output.WriteLine(string.Create(c, $"peak RSS: {r.PeakRssMb:F0} MB{at10k}"));
        if (r.Components is { } costs)
        {
            double total = costs.Sum(x => x.Seconds);
            output.WriteLine("by component (1 thread):");
            foreach (var x in costs)
                output.WriteLine(string.Create(c,
                    $"  {x.Name,-22} {x.Seconds / r.Articles * 1e6,9:F1} us/article {100 * x.Seconds / total,6:F1}%  {r.Mb / x.Seconds,9:F1} MB/s  alloc {x.AllocatedBytes / (double)r.Articles / 1024,8:F1} KB/article"));
        }
        if (json)
            output.WriteLine(r.ToJson());
        return 0;
    }
}
