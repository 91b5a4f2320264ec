using System.Text.Json;
using Parley.Documents;
using Parley.Events;
using Parley.Export;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Tests.Consolidation;

/// <summary>
/// The invented articles of samples/consolidation with the events annotated by hand in
/// sample-events.jsonl, as documents ready for the store (the extractor's output, independent of how
/// far the extractor has come). Evidence offsets are found in the original text.
/// </summary>
internal static class SampleArticles
{
    public static string Folder => Path.Combine(SharedFiles.RepoRoot, "samples", "consolidation");

    public static IReadOnlyList<Document> Load()
    {
        var docs = new List<Document>();
        var annotations = Path.Combine(SharedFiles.RepoRoot, "tests", "Parley.Tests", "Consolidation", "sample-events.jsonl");
        foreach (var line in File.ReadLines(annotations))
        {
            if (line.Length == 0)
                continue;
            using var json = JsonDocument.Parse(line);
            var o = json.RootElement;
            var name = o.GetProperty("doc").GetString()!;
            var text = File.ReadAllText(Path.Combine(Folder, name));
            PartialDate.TryParse(o.GetProperty("published").GetString(), out var published);
            var raw = new RawArticle
            {
                Id = name,
                Text = text,
                Kind = InputKind.PlainText,
                Origin = Path.Combine(Folder, name),
                Url = o.GetProperty("url").GetString(),
                Outlet = o.GetProperty("outlet").GetString(),
                Published = published,
            };
            var doc = new Document(raw);
            foreach (var ev in o.GetProperty("events").EnumerateArray())
            {
                var e = EventJsonReader.Read(ev) with { Doc = name };
                var evidence = ev.GetProperty("evidence").EnumerateArray().Select(x =>
                {
                    var sentence = x.GetString()!;
                    int at = text.IndexOf(sentence, StringComparison.Ordinal);
                    if (at < 0)
                        throw new InvalidOperationException($"{name}: evidence not in the article: {sentence}");
                    return new Evidence(sentence, new TextSpan(at, at + sentence.Length));
                }).ToList();
                doc.Events.Add(e with { Evidence = evidence });
            }
            docs.Add(doc);
        }
        return docs;
    }
}
