using Parley.Events;
using Parley.Ingest;
using Parley.Pipeline;

namespace Parley.Tests.Evaluation;

/// <summary>Runs the default pipeline over inputs the way `parley extract` does.</summary>
public static class ExtractionRun
{
    public static List<ContactEvent> Extract(params string[] paths)
    {
        var events = new List<ContactEvent>();
        foreach (var item in new ArticleReader().Read(paths))
        {
            Assert.Null(item.Failure);
            events.AddRange(ParleyPipeline.Default.Run(item.Article!).Events);
        }
        return events;
    }
}
