using Parley.Documents;
using Parley.Ingest;
using Parley.Pipeline;
using Parley.Temporal;

namespace Parley.Cli.Commands;

/// <summary>
/// The inputs of a verb as processed documents, in input order: every bad input is reported on one line of the
/// error writer and counted, and the stream goes on with the next.
/// </summary>
/// <param name="threads">Threads the pipeline runs on (0: one per core); the documents come out in input order either way.</param>
internal sealed class DocumentStream(TextWriter error, int threads = 1)
{
    public int Failed { get; private set; }

    public IEnumerable<Document> Read(IEnumerable<string> paths, PartialDate? publishedOverride, bool trace = false)
    {
        var pipeline = ParleyPipeline.Default;
        using var workers = new OrderedParallel(threads);
        var results = workers.Map(new ArticleReader().Read(paths), item =>
        {
            if (item.Failure is not null)
                return (item, (Document?)null, (string?)null);
            try
            {
                return (item, pipeline.Run(item.Article!, publishedOverride, trace), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (item, null, $"{item.Article!.Origin}: {ErrorCodes.Internal}: could not process the article ({e.GetType().Name}: {e.Message})");
            }
        });
        foreach (var (item, doc, failure) in results)
        {
            if (doc is null)
            {
                error.WriteLine($"parley: {failure ?? item.Failure!.ToString()}");
                Failed++;
                continue;
            }
            yield return doc;
        }
    }
}
