using System.Text;
using Parley.Actors;
using Parley.Documents;
using Parley.Segmentation;

namespace Parley.Tests.Actors;

/// <summary>Runs the segmenter and the actor recogniser over a text and prints what they found compactly.</summary>
internal static class ActorKit
{
    private static readonly ActorRecognizer Recognizer = new();

    public static Document Run(string text, string id = "test") => Run(text, id, null);

    /// <param name="dateline">The dateline city the publication reader would have found ("MUSCAT"), or null.</param>
    public static Document Run(string text, string id, string? dateline)
    {
        var doc = new Document(new RawArticle { Id = id, Text = text, Kind = InputKind.PlainText, Origin = "test" });
        if (dateline is not null)
            doc.Info = doc.Info with { Dateline = dateline };
        new Segmenter(Abbreviations.Default).Process(doc);
        Recognizer.Process(doc);
        return doc;
    }

    /// <summary>
    /// One line per mention: <c>Kind "text" country name role</c> with flags; e.g.
    /// <c>Person "Liu Xiaoming" CHN name=Liu Xiaoming role=Chinese counterpart</c>.
    /// </summary>
    public static string Describe(Document doc, ActorMention m)
    {
        var sb = new StringBuilder();
        sb.Append(m.Kind).Append(" \"").Append(doc.Slice(m.Span)).Append('"');
        sb.Append(' ').Append(m.Country ?? "-");
        if (m.Name is not null)
            sb.Append(" name=").Append(m.Name);
        if (m.Role is not null)
            sb.Append(" role=").Append(m.Role);
        if (m.City is not null)
            sb.Append(" city=").Append(m.City);
        if (m.PartOf >= 0)
            sb.Append(" partof");
        if (m.IsPronoun)
            sb.Append(" pronoun");
        if (m.IsInstitution)
            sb.Append(" institution");
        if (m.IsPlural)
            sb.Append(" plural");
        return sb.ToString();
    }

    public static List<string> DescribeAll(Document doc) => doc.Mentions.Select(m => Describe(doc, m)).ToList();

    /// <summary>The mentions that stand for actors on their own: not parts of a title phrase.</summary>
    public static List<string> Actors(Document doc) =>
        doc.Mentions.Where(m => m.PartOf < 0).Select(m => Describe(doc, m)).ToList();

    public static List<string> People(Document doc) =>
        doc.Mentions.Where(m => m.Kind == MentionKind.Person && !m.IsPronoun).Select(m => $"{m.Name}|{m.Country ?? "-"}|{m.Role ?? "-"}").ToList();

    public static string Entities(Document doc) =>
        string.Join("; ", doc.Entities.Select(e => $"{e.Name}|{e.Country ?? "-"}"));
}
