using Parley.Cleaning;
using Parley.Documents;
using Parley.Segmentation;
using Parley.Temporal;

namespace Parley.Tests.Temporal;

/// <summary>Runs cleaning, segmentation, the actor recogniser and the time tagger over a text, with an imposed publication date.</summary>
internal static class TimeTestDocs
{
    private static readonly TimeTagger Tagger = new();
    private static readonly Parley.Actors.ActorRecognizer Actors = new();

    public static Document Tag(string text, string? published, string id = "test")
    {
        PartialDate? anchor = null;
        if (published is not null)
        {
            Assert.True(PartialDate.TryParse(published, out var p), $"bad test date {published}");
            anchor = p;
        }
        var doc = new Document(new RawArticle { Id = id, Text = text, Kind = InputKind.PlainText, Origin = "test" }, anchor);
        new Cleaner().Process(doc);
        new Segmenter(Abbreviations.Default).Process(doc);
        Actors.Process(doc);
        Tagger.Process(doc);
        return doc;
    }

    /// <summary>The one expression whose phrase is exactly <paramref name="phrase"/>; fails listing what was found.</summary>
    public static TimeExpression Find(Document doc, string phrase)
    {
        var hits = doc.Times.Where(t => t.Phrase == phrase).ToList();
        Assert.True(hits.Count == 1,
            $"expected one expression '{phrase}', found: [{string.Join("; ", doc.Times.Select(t => $"'{t.Phrase}' {t.Kind} {t.Value}"))}]");
        return hits[0];
    }
}
