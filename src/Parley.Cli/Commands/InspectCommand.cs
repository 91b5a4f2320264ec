using System.CommandLine;
using System.Text.Json;
using Parley.Documents;
using Parley.Export;
using Parley.Ingest;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary><c>parley inspect</c>: what Parley made of each input before extraction.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths();
        var published = CommonOptions.Published();
        var cmd = new Command("inspect",
            "Print one JSON object per document: doc, published (and where it came from), outlet, headline, dateline, "
            + "the cleaned text, and the runs of the original that cleaning removed (original offsets, half-open).\n\n"
            + "Example:\n  parley inspect samples/articles/ | head -n 1")
        {
            paths,
            published,
        };
        cmd.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(published), Console.Out, Console.Error));
        return cmd;
    }

    internal static int Run(string[] paths, string? publishedText, TextWriter output, TextWriter error)
    {
        if (!CommonOptions.TryGetPublished(publishedText, error, out var publishedOverride))
            return 2;
        var pipeline = ParleyPipeline.CreateBuilder().Build();
        int failed = 0;
        foreach (var item in new ArticleReader().Read(paths))
        {
            if (item.Failure is { } f)
            {
                error.WriteLine($"parley: {f}");
                failed++;
                continue;
            }
            var doc = pipeline.Run(item.Article!, publishedOverride);
            output.WriteLine(ToJson(doc));
        }
        return failed > 0 ? 1 : 0;
    }

    internal static string ToJson(Document doc)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, EventJson.WriterOptions))
        {
            var info = doc.Info;
            w.WriteStartObject();
            w.WriteString("doc", doc.Id);
            WriteOrNull(w, "published", info.Published?.ToString());
            WriteOrNull(w, "published_time", info.PublishedTime);
            w.WriteString("published_source", info.PublishedSource.ToString().ToLowerInvariant());
            if (info.PublishedInText is { } inText && inText != info.Published)
                w.WriteString("published_in_text", inText.ToString());
            WriteOrNull(w, "url", info.Url);
            WriteOrNull(w, "outlet", info.Outlet);
            WriteOrNull(w, "headline", info.Headline);
            WriteOrNull(w, "dateline", info.Dateline);
            w.WriteString("text", doc.Text);
            w.WriteStartArray("removed");
            foreach (var r in doc.Removed)
            {
                w.WriteStartObject();
                w.WriteNumber("start", r.Span.Start);
                w.WriteNumber("end", r.Span.End);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
