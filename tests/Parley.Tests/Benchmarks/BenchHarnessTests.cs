using System.Text.Json;
using Parley.Benchmarks;
using Parley.Cli.Commands;

namespace Parley.Tests.Benchmarks;

/// <summary>
/// `parley bench` on a handful of articles: the harness runs end to end and its JSON line carries
/// every figure. Speeds are never asserted, only that each was measured.
/// </summary>
public class BenchHarnessTests
{
    private static readonly string[] Keys =
        ["articles", "mb", "tokenize_mb_s", "extract_mb_s", "ingest_mb_s", "ratio", "parallel_speedup", "peak_rss_mb"];

    [Fact]
    public void Json_line_has_every_key_with_a_positive_number()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = BenchCommand.Run(new BenchOptions { Articles = 50, Warmup = 4, WarmupSeconds = 0, BatchSize = 16, ByComponent = true }, json: true, output, error);

        Assert.Equal(0, code);
        var lines = output.ToString().TrimEnd().Split('\n');
        using var json = JsonDocument.Parse(lines[^1]);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(Keys, names);
        foreach (var key in Keys)
            Assert.True(json.RootElement.GetProperty(key).GetDouble() > 0, $"{key} is not positive: {lines[^1]}");
        Assert.Equal(50, json.RootElement.GetProperty("articles").GetInt32());
        Assert.Contains("by component", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("contacts", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Collections_of_each_extraction_run_are_counted_within_the_run_and_priced_per_collection()
    {
        var r = new ThroughputHarness(_ => { }).Run(new BenchOptions { Articles = 40, Warmup = 4, WarmupSeconds = 0, BatchSize = 8, IngestEvery = 1000 });

        Assert.InRange(r.ExtractCollections, 0, r.Gen0);
        Assert.InRange(r.ParallelCollections, 0, r.Gen0 - r.ExtractCollections);
        Assert.True(r.ExtractCollections > 0 || r.ExtractGcPauseSeconds == 0, "a pause without a collection");
        Assert.True(r.ParallelCollections > 0 || r.ParallelGcPauseSeconds == 0, "a pause without a collection");
        Assert.Equal("-", BenchCommand.PerCollectionMs(0, 0));
        Assert.Equal("2.5 ms", BenchCommand.PerCollectionMs(0.01, 4));
    }

    [Fact]
    public void The_parallel_run_pins_its_workers_where_the_system_allows_unless_asked_to_let_them_float()
    {
        var allowed = Parley.Pipeline.CpuAffinity.OfCurrentThread();
        var pinned = new ThroughputHarness(_ => { }).Run(new BenchOptions { Articles = 16, Warmup = 4, WarmupSeconds = 0, BatchSize = 8, IngestEvery = 1000, Threads = 2 });
        var floating = new ThroughputHarness(_ => { }).Run(new BenchOptions { Articles = 16, Warmup = 4, WarmupSeconds = 0, BatchSize = 8, IngestEvery = 1000, Threads = 2, PinWorkers = false });

        Assert.Empty(floating.PinnedCpus);
        if (allowed is { Length: >= 2 })
            Assert.Equal(allowed[..2], pinned.PinnedCpus);
        else
            Assert.Empty(pinned.PinnedCpus);
    }

    [Fact]
    public void Corpus_is_the_same_for_the_same_seed_and_articles_are_500_to_800_words_of_story()
    {
        var a = new CorpusGenerator(7).Articles(20).ToList();
        var b = new CorpusGenerator(7).Articles(20).ToList();
        var other = new CorpusGenerator(8).Generate(0);

        Assert.Equal(a.Select(x => x.Text), b.Select(x => x.Text));
        Assert.NotEqual(a[0].Text, other.Text);
        Assert.Equal(20, a.Select(x => x.Text).Distinct().Count());
        foreach (var article in a)
        {
            // The story is what lies between the byline block and the footer; the whole page is a little longer.
            int words = article.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words, 500, 1100);
            Assert.Contains("MOST POPULAR", article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generated_articles_yield_contact_events()
    {
        var pipeline = Parley.Pipeline.ParleyPipeline.Default;
        int events = new CorpusGenerator(42).Articles(10).Sum(a => pipeline.Run(a).Events.Count);
        Assert.True(events >= 10, $"only {events} events in 10 generated articles");
    }
}
