using System.Text.Json;
using Parley.Cli.Commands;
using Parley.Storage;

namespace Parley.Tests.Storage;

/// <summary>The store verbs as a user runs them (through their Run methods).</summary>
public class StoreCommandTests : IClassFixture<SampleStoreFixture>
{
    private readonly SampleStoreFixture _store;

    public StoreCommandTests(SampleStoreFixture store) => _store = store;

    [Fact]
    public void Ingest_reports_each_bad_input_on_one_line_goes_on_and_exits_1()
    {
        using var dir = new TempDir();
        var folder = dir.File("in");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a-good.txt"), "Diplomats of two countries spoke on Monday.");
        File.WriteAllText(Path.Combine(folder, "b-empty.txt"), "");
        File.WriteAllBytes(Path.Combine(folder, "c-binary.bin"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 0, 1, 2]);
        File.WriteAllText(Path.Combine(folder, "d-good.txt"), "Another article, with other words.");
        var db = dir.File("s.db");
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = IngestCommand.Run([folder, dir.File("missing.txt")], db, null, output, error);
        Assert.Equal(1, rc);
        var errors = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, l => l.Contains("b-empty.txt") && l.Contains("PARLEY-E003"));
        Assert.Contains(errors, l => l.Contains("c-binary.bin") && l.Contains("PARLEY-E004"));
        Assert.Contains(errors, l => l.Contains("missing.txt") && l.Contains("PARLEY-E001"));
        Assert.StartsWith("documents: 2 new, 0 skipped, 3 failed; events: 0 new, 0 merged", output.ToString());

        output = new StringWriter();
        Assert.Equal(0, IngestCommand.Run([folder + "/a-good.txt", folder + "/d-good.txt"], db, null, output, TextWriter.Null));
        Assert.StartsWith("documents: 0 new, 2 skipped, 0 failed", output.ToString());
    }

    [Fact]
    public void Ingesting_on_several_threads_stores_what_one_thread_stores()
    {
        using var dir = new TempDir();
        var dev = Path.Combine(SharedFiles.Dir, "eval", "dev", "articles.jsonl");
        string Store(int threads)
        {
            var db = dir.File($"t{threads}.db");
            var output = new StringWriter();
            Assert.Equal(0, IngestCommand.Run([SharedFiles.Seeds, dev], db, null, output, TextWriter.Null, threads: threads));
            var events = new StringWriter();
            Assert.Equal(0, EventsCommand.Run(db, FilterArgs.None, "jsonl", events, TextWriter.Null));
            return output.ToString().Replace(db, "DB", StringComparison.Ordinal) + events;
        }
        var one = Store(1);
        Assert.True(one.Split('\n').Length > 40, one);
        Assert.Equal(one, Store(2));
    }

    [Fact]
    public void Ingesting_the_seeds_twice_leaves_the_same_events()
    {
        using var dir = new TempDir();
        var db = dir.File("seeds.db");
        Assert.Equal(0, IngestCommand.Run([SharedFiles.Seeds], db, null, TextWriter.Null, TextWriter.Null));
        string Dump()
        {
            var w = new StringWriter();
            Assert.Equal(0, EventsCommand.Run(db, FilterArgs.None, "jsonl", w, TextWriter.Null));
            return w.ToString();
        }
        var once = Dump();
        var output = new StringWriter();
        Assert.Equal(0, IngestCommand.Run([SharedFiles.Seeds], db, null, output, TextWriter.Null));
        Assert.StartsWith($"documents: 0 new, {SharedFiles.SeedFiles.Count} skipped", output.ToString());
        Assert.Equal(once, Dump());
    }

    [Fact]
    public void Events_jsonl_lines_are_consolidated_events_with_sources()
    {
        var w = new StringWriter();
        Assert.Equal(0, EventsCommand.Run(_store.Db, new FilterArgs(["KOR", "CHN"], [], Mode: "phone"), "jsonl", w, TextWriter.Null));
        var line = Assert.Single(w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        var sources = doc.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(3, sources.Count);
        var ledger = sources.Single(s => s.GetProperty("doc").GetString() == "pacific-ledger-envoys-call.txt");
        Assert.Equal("https://pacific-ledger.example/wei-seo", ledger.GetProperty("url").GetString());
        Assert.Equal("2024-03-11", ledger.GetProperty("published").GetString());
        Assert.StartsWith("BEIJING, March 11 (Pacific Ledger)", ledger.GetProperty("evidence").GetString());
    }

    [Theory]
    [InlineData("table", "Seo Jae-won (KOR)")]
    [InlineData("csv", "id,status,mode,date,countries")]
    public void Events_table_and_csv(string format, string expected)
    {
        var w = new StringWriter();
        Assert.Equal(0, EventsCommand.Run(_store.Db, new FilterArgs([], ["Seo"]), format, w, TextWriter.Null));
        Assert.Contains(expected, w.ToString());
    }

    [Theory]
    [InlineData("--since", "March 2024")]
    [InlineData("--mode", "carrier pigeon")]
    [InlineData("--status", "rumoured")]
    public void Malformed_filters_are_refused_with_exit_2(string option, string value)
    {
        var args = option switch
        {
            "--since" => new FilterArgs([], [], Since: value),
            "--mode" => new FilterArgs([], [], Mode: value),
            _ => new FilterArgs([], [], Status: value),
        };
        var error = new StringWriter();
        Assert.Equal(2, EventsCommand.Run(_store.Db, args, "table", TextWriter.Null, error));
        Assert.Contains(option, error.ToString());
    }

    [Fact]
    public void A_missing_store_says_how_to_make_one()
    {
        var error = new StringWriter();
        Assert.Equal(2, EventsCommand.Run("/nonexistent/parley.db", FilterArgs.None, "table", TextWriter.Null, error));
        Assert.Contains("parley ingest", error.ToString());
    }

    [Fact]
    public void Timeline_prints_contacts_by_day()
    {
        var w = new StringWriter();
        Assert.Equal(0, TimelineCommand.Run(_store.Db, FilterArgs.None, w, TextWriter.Null));
        var text = w.ToString();
        Assert.Contains("2024-03-08 Friday", text);
        Assert.Contains("2024-04-16 Tuesday", text);
        Assert.Matches(@"phone\s+Seo Jae-won \(KOR\); Wei Lanfang \(CHN\)\s+\[3 sources\]", text);
        Assert.Contains("took place as #", text);
        Assert.True(text.IndexOf("2024-03-08", StringComparison.Ordinal) < text.IndexOf("2024-03-20", StringComparison.Ordinal));
    }

    [Fact]
    public void Actors_lists_the_registry_of_a_country()
    {
        var w = new StringWriter();
        Assert.Equal(0, ActorsCommand.Run(_store.Db, "kor", w, TextWriter.Null));
        var text = w.ToString();
        Assert.Contains("Seo Jae-won", text);
        Assert.Contains("Noh Kyu-duk *", text);
        Assert.DoesNotContain("Wei Lanfang", text);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("plover")]
    [InlineData("cameo")]
    [InlineData("gexf")]
    [InlineData("parquet")]
    public async Task Export_writes_every_format_to_a_file(string format)
    {
        var file = Path.Combine(_store.Dir, "export." + format);
        Assert.Equal(0, ExportCommand.Run(_store.Db, FilterArgs.None, format, file, "countries", TextWriter.Null, TextWriter.Null));
        Assert.True(new FileInfo(file).Length > 100);
        if (format == "parquet")
        {
            await using var s = File.OpenRead(file);
            Assert.Equal(5, (await ParquetExport.ReadAsync(s)).Count);
        }
        if (format is "jsonl" or "plover")
            Assert.Equal(5, File.ReadAllLines(file).Count(l => JsonDocument.Parse(l).RootElement.ValueKind == JsonValueKind.Object));
    }
}
