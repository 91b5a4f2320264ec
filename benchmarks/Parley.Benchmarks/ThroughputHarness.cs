using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Parley.Documents;
using Parley.Events;
using Parley.Export;
using Parley.Pipeline;
using Parley.Storage;

namespace Parley.Benchmarks;

/// <summary>What <see cref="ThroughputHarness"/> runs.</summary>
public sealed record BenchOptions
{
    /// <summary>Articles of the corpus (10,000 to 100,000 for figures worth quoting).</summary>
    public int Articles { get; init; } = 10_000;

    public int Seed { get; init; } = 42;

    /// <summary>Articles generated, then run through every measurement, at a time: the most the harness holds in memory.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Ingest one article in this many into the store (1: all of them).</summary>
    public int IngestEvery { get; init; } = 1;

    /// <summary>Threads of the parallel extraction; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Pin each worker of the parallel run to a CPU of its own (<see cref="OrderedParallel"/>): the extraction's own
    /// speed-up, its consumer doing nothing else. `extract` and `ingest` leave their workers floating: their consuming
    /// thread reads, writes or stores, and a worker pinned beside it loses more than it gains.
    /// </summary>
    public bool PinWorkers { get; init; } = true;

    /// <summary>Time and count allocations per pipeline component in the single-threaded extraction.</summary>
    public bool ByComponent { get; init; }

    /// <summary>Articles (of another index range) run through every stage before timing starts, so JIT is not measured.</summary>
    public int Warmup { get; init; } = 256;

    /// <summary>
    /// The least time the warm-up lasts (it goes on past <see cref="Warmup"/> articles until then). Tiered
    /// compilation needs it: Lucene's scanner ran at a fifth of its speed for the first 5 s of a run on this machine, at full speed after 15 s.
    /// </summary>
    public double WarmupSeconds { get; init; } = 15;

    /// <summary>The store to ingest into; a temporary file, deleted afterwards, when null.</summary>
    public string? StorePath { get; init; }

    /// <summary>
    /// When set, every event line (SCHEMA.md) of the timed single-threaded run is written here, untimed, so
    /// an optimisation can be checked byte-for-byte against the output of the code before it.
    /// </summary>
    public TextWriter? Dump { get; init; }
}

/// <summary>Time and allocation of one pipeline component over the single-threaded run.</summary>
public sealed record ComponentCost(string Name, double Seconds, long AllocatedBytes);

/// <summary>The figures of one run. Throughputs count UTF-8 bytes of the article texts, in MB of 10^6 bytes.</summary>
public sealed record BenchResult
{
    public required int Articles { get; init; }
    public required double Mb { get; init; }
    public required double TokenizeSeconds { get; init; }
    public required long Tokens { get; init; }
    public required double ExtractSeconds { get; init; }
    public required long Events { get; init; }
    public required double ParallelSeconds { get; init; }
    public required int Threads { get; init; }

    /// <summary>The CPU each worker of the parallel run was bound to (<see cref="OrderedParallel.PinnedCpus"/>): empty when they floated.</summary>
    public required IReadOnlyList<int> PinnedCpus { get; init; }
    public required int IngestedArticles { get; init; }
    public required double IngestedMb { get; init; }
    public required double IngestSeconds { get; init; }
    public required double PeakRssMb { get; init; }
    public double? PeakRssMbAt10k { get; init; }
    public required long TokenizeAllocatedBytes { get; init; }
    public required long ExtractAllocatedBytes { get; init; }
    public required int Gen0 { get; init; }
    public required int Gen1 { get; init; }
    public required int Gen2 { get; init; }

    /// <summary>Time the collector held the threads paused during the single-threaded extraction (part of <see cref="ExtractSeconds"/>).</summary>
    public required double ExtractGcPauseSeconds { get; init; }

    /// <summary>The same for the parallel extraction (part of <see cref="ParallelSeconds"/>).</summary>
    public required double ParallelGcPauseSeconds { get; init; }

    /// <summary>Collections (of any generation) during the single-threaded extraction, over the window of <see cref="ExtractGcPauseSeconds"/>.</summary>
    public required int ExtractCollections { get; init; }

    /// <summary>Collections during the parallel extraction, over the window of <see cref="ParallelGcPauseSeconds"/>.</summary>
    public required int ParallelCollections { get; init; }
    public IReadOnlyList<ComponentCost>? Components { get; init; }

    public double TokenizeMbPerSecond => Mb / TokenizeSeconds;
    public double ExtractMbPerSecond => Mb / ExtractSeconds;
    public double ExtractArticlesPerSecond => Articles / ExtractSeconds;
    public double IngestMbPerSecond => IngestedMb / IngestSeconds;
    public double Ratio => ExtractMbPerSecond / TokenizeMbPerSecond;
    public double ParallelSpeedup => ExtractSeconds / ParallelSeconds;

    /// <summary>The one-line JSON summary `parley bench --json` ends with.</summary>
    public string ToJson()
    {
        static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        return "{" + string.Join(", ",
            $"\"articles\": {Articles}", $"\"mb\": {F(Mb)}", $"\"tokenize_mb_s\": {F(TokenizeMbPerSecond)}",
            $"\"extract_mb_s\": {F(ExtractMbPerSecond)}", $"\"ingest_mb_s\": {F(IngestMbPerSecond)}", $"\"ratio\": {F(Ratio)}",
            $"\"parallel_speedup\": {F(ParallelSpeedup)}", $"\"peak_rss_mb\": {F(PeakRssMb)}") + "}";
    }
}

/// <summary>
/// The throughput harness of `parley bench`. The corpus is generated batch by batch from a fixed
/// seed and every batch goes through each measurement in turn, single-threaded unless said
/// otherwise: (a) Lucene.Net's StandardAnalyzer over the text (the floor: merely reading the
/// words); (b) Parley's full pipeline, cleaning to contact events; (b') the same on all cores, the
/// outputs kept in input order and checked equal to (b); (c) ingestion of the extracted documents
/// into a store. Generation is never timed. At most one batch is held in memory, so peak memory
/// does not grow with the corpus.
/// </summary>
public sealed class ThroughputHarness
{
    private const int WarmupFirstIndex = 1_000_000_000;

    private readonly Action<string> _progress;

    /// <param name="progress">Receives progress lines (the CLI sends them to stderr).</param>
    public ThroughputHarness(Action<string>? progress = null) => _progress = progress ?? (_ => { });

    public BenchResult Run(BenchOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Articles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.IngestEvery, 1);
        int threads = o.Threads > 0 ? o.Threads : Environment.ProcessorCount;
        var generator = new CorpusGenerator(o.Seed);
        var pipeline = ParleyPipeline.Default;
        var components = pipeline.Components;
        var componentTicks = new long[components.Count + 1];
        var componentBytes = new long[components.Count + 1];
        var storePath = o.StorePath ?? Path.Combine(Path.GetTempPath(), $"parley-bench-{Environment.ProcessId}.db");
        bool tempStore = o.StorePath is null;
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        using var workers = new OrderedParallel(threads, o.PinWorkers);
        var batch = new List<RawArticle>(o.BatchSize);
        // The parallel run keeps each article's events (its output), not the whole document: like the
        // single-threaded run, which fingerprints and drops each document at once, it leaves the
        // collector nothing but the output to keep alive.
        var parallelEvents = new List<ContactEvent>[o.BatchSize];
        var singlePrints = new ulong[o.BatchSize];
        var toIngest = new List<Document>();

        long tokenizeTicks = 0, extractTicks = 0, parallelTicks = 0, ingestTicks = 0, tokens = 0, events = 0;
        long tokenizeAlloc = 0, extractAlloc = 0, bytes = 0, ingestedBytes = 0;
        int ingested = 0, done = 0;
        double? rssAt10k = null;
        int gen0 = 0, gen1 = 0, gen2 = 0;
        var extractPause = TimeSpan.Zero;
        var parallelPause = TimeSpan.Zero;
        int extractCollections = 0, parallelCollections = 0;
        var wall = Stopwatch.StartNew();
        try
        {
            using var store = ParleyStore.Open(storePath);
            foreach (bool warm in new[] { true, false })
            {
                int total = warm ? o.Warmup : o.Articles, first = warm ? WarmupFirstIndex : 0;
                int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
                for (int start = 0; start < total || (warm && wall.Elapsed.TotalSeconds < o.WarmupSeconds); start += o.BatchSize)
                {
                    batch.Clear();
                    long batchBytes = 0;
                    int size = warm ? o.BatchSize : Math.Min(o.BatchSize, total - start);
                    foreach (var a in generator.Articles(size, first + start))
                    {
                        batch.Add(a);
                        batchBytes += Encoding.UTF8.GetByteCount(a.Text);
                    }

                    // (a) the floor: Lucene's StandardAnalyzer reading every word.
                    long alloc0 = GC.GetAllocatedBytesForCurrentThread();
                    long t0 = Stopwatch.GetTimestamp();
                    long batchTokens = 0;
                    foreach (var a in batch)
                        batchTokens += Tokenize(analyzer, a.Text);
                    long t1 = Stopwatch.GetTimestamp();
                    long alloc1 = GC.GetAllocatedBytesForCurrentThread();

                    // (b) the full pipeline on one thread; the fingerprint of each output is taken untimed.
                    long batchExtract = 0, batchExtractAlloc = 0, batchEvents = 0;
                    var pause0 = GC.GetTotalPauseDuration();
                    int collections0 = GC.CollectionCount(0); // counts every collection: each one collects gen0
                    for (int i = 0; i < batch.Count; i++)
                    {
                        long b0 = GC.GetAllocatedBytesForCurrentThread();
                        long s0 = Stopwatch.GetTimestamp();
                        // Timed per component in the warm-up too, so that the measured run meets compiled code.
                        var doc = o.ByComponent
                            ? RunByComponent(pipeline, batch[i], componentTicks, componentBytes)
                            : pipeline.Run(batch[i]);
                        batchExtract += Stopwatch.GetTimestamp() - s0;
                        batchExtractAlloc += GC.GetAllocatedBytesForCurrentThread() - b0;
                        singlePrints[i] = Fingerprint(doc);
                        if (o.Dump is not null && !warm)
                            foreach (var e in doc.Events)
                                o.Dump.WriteLine(EventJson.ToLine(e));
                        batchEvents += doc.Events.Count;
                        if ((start + i) % o.IngestEvery == 0)
                            toIngest.Add(doc);
                    }

                    var batchPause = GC.GetTotalPauseDuration() - pause0;
                    int batchCollections = GC.CollectionCount(0) - collections0;

                    // (b') the same on all cores, outputs kept in input order and compared with (b).
                    var parallelPause0 = GC.GetTotalPauseDuration();
                    int parallelCollections0 = GC.CollectionCount(0);
                    long p0 = Stopwatch.GetTimestamp();
                    // Through the runner `parley extract --threads` uses: streaming, no barrier but the batch's end.
                    int k = 0;
                    foreach (var output in workers.Map(batch, a => pipeline.Run(a).Events))
                        parallelEvents[k++] = output;
                    long p1 = Stopwatch.GetTimestamp();
                    var batchParallelPause = GC.GetTotalPauseDuration() - parallelPause0;
                    int batchParallelCollections = GC.CollectionCount(0) - parallelCollections0;
                    for (int i = 0; i < batch.Count; i++)
                    {
                        if (Fingerprint(parallelEvents[i]) != singlePrints[i])
                            throw new InvalidOperationException(
                                $"article {batch[i].Id}: the parallel run's events differ from the single-threaded run's.");
                        parallelEvents[i] = null!;
                    }

                    // (c) ingestion of the extracted documents.
                    long batchIngestBytes = 0;
                    long i0 = Stopwatch.GetTimestamp();
                    // In batches, as `parley ingest` stores them.
                    for (int from = 0; from < toIngest.Count; from += ParleyStore.BatchSize)
                        foreach (var (_, failed) in store.IngestBatch(toIngest.GetRange(from, Math.Min(ParleyStore.BatchSize, toIngest.Count - from)), now))
                            if (failed is not null)
                                throw new InvalidOperationException("ingestion failed", failed);
                    long i1 = Stopwatch.GetTimestamp();
                    foreach (var doc in toIngest)
                        batchIngestBytes += Encoding.UTF8.GetByteCount(doc.Original);
                    int batchIngested = toIngest.Count;
                    toIngest.Clear();

                    if (warm)
                        continue;
                    tokenizeTicks += t1 - t0;
                    tokenizeAlloc += alloc1 - alloc0;
                    tokens += batchTokens;
                    extractTicks += batchExtract;
                    extractAlloc += batchExtractAlloc;
                    extractPause += batchPause;
                    parallelPause += batchParallelPause;
                    extractCollections += batchCollections;
                    parallelCollections += batchParallelCollections;
                    events += batchEvents;
                    parallelTicks += p1 - p0;
                    ingestTicks += i1 - i0;
                    ingested += batchIngested;
                    ingestedBytes += batchIngestBytes;
                    bytes += batchBytes;
                    int before = done;
                    done += batch.Count;
                    if (before < 10_000 && done >= 10_000)
                        rssAt10k = PeakRssMb();
                    if (done / 1000 != before / 1000 || done == total)
                        _progress(string.Create(CultureInfo.InvariantCulture,
                            $"  {done:N0} articles, {bytes / 1e6:F1} MB, {wall.Elapsed.TotalSeconds:F0} s; peak RSS {PeakRssMb():F0} MB"));
                }
                if (warm)
                    _progress(string.Create(CultureInfo.InvariantCulture, $"  warmed up in {wall.Elapsed.TotalSeconds:F1} s"));
                if (!warm)
                {
                    gen0 = GC.CollectionCount(0) - g0;
                    gen1 = GC.CollectionCount(1) - g1;
                    gen2 = GC.CollectionCount(2) - g2;
                }
                else
                {
                    Array.Clear(componentTicks);
                    Array.Clear(componentBytes);
                }
            }
        }
        finally
        {
            if (tempStore)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(storePath + suffix);
            }
        }

        double f = Stopwatch.Frequency;
        List<ComponentCost>? costs = null;
        if (o.ByComponent)
        {
            costs = [new ComponentCost("(document)", componentTicks[0] / f, componentBytes[0])];
            for (int c = 0; c < components.Count; c++)
                costs.Add(new ComponentCost(components[c].Name, componentTicks[c + 1] / f, componentBytes[c + 1]));
        }
        return new BenchResult
        {
            Articles = done,
            Mb = bytes / 1e6,
            TokenizeSeconds = tokenizeTicks / f,
            Tokens = tokens,
            ExtractSeconds = extractTicks / f,
            Events = events,
            ParallelSeconds = parallelTicks / f,
            Threads = threads,
            PinnedCpus = workers.PinnedCpus,
            IngestedArticles = ingested,
            IngestedMb = ingestedBytes / 1e6,
            IngestSeconds = ingestTicks / f,
            PeakRssMb = PeakRssMb(),
            PeakRssMbAt10k = rssAt10k,
            TokenizeAllocatedBytes = tokenizeAlloc,
            ExtractAllocatedBytes = extractAlloc,
            Gen0 = gen0,
            Gen1 = gen1,
            Gen2 = gen2,
            ExtractGcPauseSeconds = extractPause.TotalSeconds,
            ParallelGcPauseSeconds = parallelPause.TotalSeconds,
            ExtractCollections = extractCollections,
            ParallelCollections = parallelCollections,
            Components = costs,
        };
    }

    /// <summary>Tokens of StandardAnalyzer (standard tokenizer, lower-casing, English stop words) in the text.</summary>
    public static int Tokenize(Analyzer analyzer, string text)
    {
        int n = 0;
        using var stream = analyzer.GetTokenStream("body", text);
        stream.Reset();
        while (stream.IncrementToken())
            n++;
        stream.End();
        return n;
    }

    /// <summary>What <see cref="DocumentPipeline.Run"/> does, with a stopwatch and an allocation count around each component.</summary>
    private static Document RunByComponent(DocumentPipeline pipeline, RawArticle article, long[] ticks, long[] bytes)
    {
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        long t0 = Stopwatch.GetTimestamp();
        var doc = new Document(article);
        long t1 = Stopwatch.GetTimestamp();
        long a1 = GC.GetAllocatedBytesForCurrentThread();
        ticks[0] += t1 - t0;
        bytes[0] += a1 - a0;
        var components = pipeline.Components;
        for (int c = 0; c < components.Count; c++)
        {
            a0 = GC.GetAllocatedBytesForCurrentThread();
            t0 = Stopwatch.GetTimestamp();
            components[c].Process(doc);
            t1 = Stopwatch.GetTimestamp();
            a1 = GC.GetAllocatedBytesForCurrentThread();
            ticks[c + 1] += t1 - t0;
            bytes[c + 1] += a1 - a0;
        }
        return doc;
    }

    /// <summary>FNV-1a over the SCHEMA lines of a document's events: equal outputs, equal prints.</summary>
    private static ulong Fingerprint(Document doc) => Fingerprint(doc.Events);

    // One writer per thread, reused: the fingerprint is taken untimed, but what it allocates would
    // still bring the collector into the timed extraction (ToLine costs a stream, an array and a
    // string per event).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? fingerprintBuffer;
    [ThreadStatic]
    private static Utf8JsonWriter? fingerprintWriter;

    private static ulong Fingerprint(List<ContactEvent> events)
    {
        var buffer = fingerprintBuffer ??= new ArrayBufferWriter<byte>(4096);
        var w = fingerprintWriter ??= new Utf8JsonWriter(buffer, EventJson.WriterOptions);
        ulong h = 14695981039346656037UL;
        foreach (var e in events)
        {
            buffer.ResetWrittenCount();
            w.Reset(buffer);
            EventJson.Write(w, e);
            w.Flush();
            foreach (byte b in buffer.WrittenSpan)
                h = (h ^ b) * 1099511628211UL;
        }
        return h;
    }

    /// <summary>The process's peak resident set (VmHWM), in MB; the peak working set where /proc is missing.</summary>
    public static double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim();
                    kb = kb[..kb.IndexOf(' ', StringComparison.Ordinal)];
                    return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
                }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
