using Parley.Documents;
using Parley.Ingest;
using Parley.Pipeline;
using Parley.Temporal;

namespace Parley.Cli.Commands;

/// <summary>
/// The inputs of a verb as processed documents: every bad input is reported on one line of the error
/// writer and counted, and the stream goes on with the next.
/// </summary>
internal sealed class DocumentStream(TextWriter error)
{
    public int Failed { get; private set; }

    public IEnumerable<Document> Read(IEnumerable<string> paths, PartialDate? publishedOverride, bool trace = false)
    {
        var pipeline = ParleyPipeline.Default;
        foreach (var item in new ArticleReader().Read(paths))
        {
            if (item.Failure is { } f)
            {
                error.WriteLine($"parley: {f}");
                Failed++;
                continue;
            }
            yield return pipeline.Run(item.Article!, publishedOverride, trace);
        }
    }
}
