using Parley.Documents;
using Parley.Export;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Pipeline;

/// <summary>
/// The components keep per-thread buffers from one document to the next: a document's output must not
/// depend on what the thread processed before it (a longer document leaves more in every buffer).
/// </summary>
public class ThreadBufferTests
{
    private static string Output(RawArticle article)
    {
        var doc = ParleyPipeline.Default.Run(article);
        return string.Join("\n", doc.Events.Select(EventJson.ToLine))
            + "\n" + string.Join("\n", doc.Mentions.Select(m => $"{m.Span} {m.Kind} {m.Name} {m.Country}"))
            + "\n" + string.Join("\n", doc.Times.Select(t => $"{t.Span} {t.Value}"));
    }

    private static string OnFreshThread(RawArticle article)
    {
        string? result = null;
        var thread = new Thread(() => result = Output(article));
        thread.Start();
        thread.Join();
        return result!;
    }

    [Fact]
    public void A_document_gives_the_same_output_whatever_the_thread_processed_before()
    {
        var seeds = SharedFiles.SeedFiles
            .Select(f => new RawArticle { Id = Path.GetFileName(f), Text = File.ReadAllText(f), Kind = InputKind.PlainText, Origin = f });
        var dev = new Parley.Ingest.ArticleReader().Read([Path.Combine(SharedFiles.Dir, "eval", "dev", "articles.jsonl")])
            .Select(item => item.Article!);
        var articles = seeds.Concat(dev).OrderByDescending(a => a.Text.Length).ToList();
        var alone = articles.Select(OnFreshThread).ToList();
        Assert.Contains(alone, o => o.Length > 200); // the articles do have events, mentions and times

        // Longest first, then shorter ones, on one thread: every buffer holds more than the next document.
        string[] after = [];
        var thread = new Thread(() => after = articles.Select(Output).ToArray());
        thread.Start();
        thread.Join();
        Assert.Equal(alone, after);

        // With a spelling table so small that it starts over before almost every document: its ids are per
        // generation, and the components must drop what they kept for the ids of an earlier one.
        thread = new Thread(() =>
        {
            Parley.Segmentation.TokenSpellings.UseOnThisThread(new Parley.Segmentation.TokenSpellings(maxSpellings: 500));
            after = articles.Select(Output).ToArray();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(alone, after);

        // A new table on a thread whose components kept answers for the ids of the old one: the same ids now
        // stand for other spellings (the articles come in another order).
        thread = new Thread(() =>
        {
            Parley.Segmentation.TokenSpellings.UseOnThisThread(new Parley.Segmentation.TokenSpellings());
            _ = articles.Select(Output).ToArray();
            Parley.Segmentation.TokenSpellings.UseOnThisThread(new Parley.Segmentation.TokenSpellings());
            after = Enumerable.Reverse(articles).Select(Output).Reverse().ToArray();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(alone, after);

        // And the other way round.
        var reversed = Enumerable.Reverse(articles).ToList();
        thread = new Thread(() => after = reversed.Select(Output).Reverse().ToArray());
        thread.Start();
        thread.Join();
        Assert.Equal(alone, after);
    }
}
