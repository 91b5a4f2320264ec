using System.CommandLine;
using System.Text.Json;
using Parley.Documents;
using Parley.Export;

namespace Parley.Cli.Commands;

/// <summary><c>parley inspect</c>: what Parley made of each input before extraction.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Paths();
        var published = CommonOptions.Published();
        var annotations = new Option<bool>("--annotations")
        {
            Description = "Also list each sentence with the actors and time expressions found in it (to see why an extraction looks wrong).",
        };
        var cmd = new Command("inspect",
            "Print one JSON object per document: doc, published (and where it came from), outlet, headline, dateline, "
            + "the cleaned text, and the runs of the original that cleaning removed (original offsets, half-open).\n\n"
            + "Example:\n  parley inspect samples/articles/ | head -n 1")
        {
            paths,
            published,
            annotations,
        };
        cmd.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(published), Console.Out, Console.Error, parse.GetValue(annotations)));
        return cmd;
    }

    internal static int Run(string[] paths, string? publishedText, TextWriter output, TextWriter error, bool annotations = false)
    {
        if (!CommonOptions.TryGetPublished(publishedText, error, out var publishedOverride))
            return 2;
        var inputs = new DocumentStream(error);
        foreach (var doc in inputs.Read(paths, publishedOverride, trace: annotations))
            output.WriteLine(ToJson(doc, annotations));
        return inputs.Failed > 0 ? 1 : 0;
    }

    internal static string ToJson(Document doc, bool annotations = false)
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
            if (annotations)
                WriteAnnotations(w, doc);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteAnnotations(Utf8JsonWriter w, Document doc)
    {
        w.WriteStartArray("sentences");
        foreach (var s in doc.Sentences)
        {
            w.WriteStartObject();
            w.WriteString("text", doc.Slice(s.Span));
            w.WriteStartArray("actors");
            foreach (var m in doc.Mentions.Where(m => s.Span.Contains(m.Span.Start)))
            {
                var parts = new List<string> { m.Kind.ToString(), doc.Slice(m.Span) };
                if (m.Country is not null)
                    parts.Add(m.Country);
                if (m.Name is not null && m.Name != doc.Slice(m.Span))
                    parts.Add("name=" + m.Name);
                if (m.Role is not null)
                    parts.Add("role=" + m.Role);
                if (m.City is not null)
                    parts.Add("city=" + m.City);
                w.WriteStringValue(string.Join(" | ", parts));
            }
            w.WriteEndArray();
            w.WriteStartArray("times");
            foreach (var t in doc.Times.Where(t => s.Span.Contains(t.Span.Start)))
                w.WriteStringValue($"{t.Kind} | {t.Phrase} | {t.Value?.ToString() ?? "null"}{(t.DurationMinutes is { } d ? $" | {d} min" : "")}{(t.IsRelativeToEvent ? $" | offset {t.OffsetDays}" : "")}");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("trace");
        foreach (var line in doc.Trace ?? [])
            w.WriteStringValue(line);
        w.WriteEndArray();
        w.WriteStartArray("events");
        foreach (var e in doc.Events)
            w.WriteStringValue(EventJson.ToLine(e));
        w.WriteEndArray();
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
