using Parley.Documents;

namespace Parley.Ingest;

/// <summary>A plain-text article: the whole file is the text, its file name the document id.</summary>
internal static class PlainTextReader
{
    public static IngestItem Read(string origin, string name, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return IngestItem.Fail(origin, ErrorCodes.Empty, "the file holds only white space");
        return IngestItem.Ok(new RawArticle { Id = name, Text = text, Kind = InputKind.PlainText, Origin = origin });
    }
}
