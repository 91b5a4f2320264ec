using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Events;

/// <summary>Finds contact events from contact patterns over actors and times.</summary>
public sealed class ContactExtractor : IDocumentComponent
{
    public string Name => "contacts";

    public IReadOnlyList<string> Requires { get; } = [Layers.Sentences, Layers.Actors, Layers.Times];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Events];

    public void Process(Document doc)
    {
    }
}
