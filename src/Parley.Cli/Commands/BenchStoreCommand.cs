using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley bench-store</c>: generates a large synthetic store (once) and measures the latency of the
/// `events` query with a country pair and a date range. A benchmark, not a test.
/// </summary>
internal static class BenchStoreCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The benchmark store (generated when missing).", DefaultValueFactory = _ => "bench.db" };
        var events = new Option<int>("--events") { Description = "Events to generate.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator and of the queries.", DefaultValueFactory = _ => 42 };
        var queries = new Option<int>("--queries") { Description = "Queries to time.", DefaultValueFactory = _ => 300 };
        var days = new Option<int>("--days") { Description = "Length of each query's date range in days.", DefaultValueFactory = _ => 30 };
        var cmd = new Command("bench-store",
            "Benchmark: generate a deterministic store of synthetic events (default 1 M) and time `events --country A --country B "
            + "--since D --until D+30` (query and loading of the events with their sources), printing p50, p95 and max.\n\n"
            + "Example:\n  parley bench-store --db /tmp/bench.db")
        {
            db,
            events,
            seed,
            queries,
            days,
        };
        cmd.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(events), parse.GetValue(seed), parse.GetValue(queries),
            parse.GetValue(days), Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string db, int events, int seed, int queries, int days, TextWriter output, TextWriter error)
    {
        if (!File.Exists(db))
        {
            error.WriteLine($"generating {events:N0} events into {db} ...");
            var sw = Stopwatch.StartNew();
            BenchStore.Generate(db, events, seed, n => error.WriteLine($"  {n:N0} events ({sw.Elapsed.TotalSeconds:F0} s)"));
            error.WriteLine($"generated in {sw.Elapsed.TotalSeconds:F0} s, {new FileInfo(db).Length / (1024 * 1024)} MB");
        }
        using var store = ParleyStore.Open(db);
        var stats = store.Stats();
        output.WriteLine($"store: {stats.Events:N0} events, {stats.Documents:N0} documents");
        var rng = new Random(seed + 1);
        var top = BenchStore.Countries[..10];
        var timings = new List<double>(queries);
        long results = 0;
        string? plan = null;
        for (int i = -10; i < queries; i++)
        {
            string a = top[rng.Next(top.Length)], b;
            do
                b = top[rng.Next(top.Length)];
            while (b == a);
            var since = BenchStore.First.AddDays(rng.Next(BenchStore.Days - days));
            var filter = new EventFilter { Countries = [a, b], Since = since, Until = since.AddDays(days - 1) };
            plan ??= store.Explain(filter);
            var sw = Stopwatch.StartNew();
            var found = store.Query(filter);
            sw.Stop();
            if (i < 0)
                continue; // warm-up
            timings.Add(sw.Elapsed.TotalMilliseconds);
            results += found.Count;
        }
        timings.Sort();
        double P(double q) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(q * timings.Count) - 1)];
        output.WriteLine($"query plan:\n{plan}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries} queries (country pair among the 10 busiest, {days}-day range, events loaded with sources): "
            + $"mean {results / (double)queries:F0} events per answer; p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, max {timings[^1]:F1} ms"));
        return 0;
    }
}
