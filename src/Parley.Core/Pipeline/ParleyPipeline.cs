using Parley.Actors;
using Parley.Cleaning;
using Parley.Documents;
using Parley.Events;
using Parley.Segmentation;
using Parley.Temporal;

namespace Parley.Pipeline;

/// <summary>The default pipeline, from the original text to contact events.</summary>
public static class ParleyPipeline
{
    private static readonly Lazy<DocumentPipeline> Shared = new(() => CreateBuilder().Build());

    /// <summary>The default pipeline, built once; it is immutable and safe to share across threads.</summary>
    public static DocumentPipeline Default => Shared.Value;

    public static PipelineBuilder CreateBuilder() => new PipelineBuilder()
        .Add(new Cleaner())
        .Add(new PublicationReader())
        .Add(new Segmenter(Abbreviations.Default))
        .Add(new ActorRecognizer())
        .Add(new TimeTagger())
        .Add(new ContactExtractor());
}
