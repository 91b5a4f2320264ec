using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Actors;

/// <summary>Finds countries, organisations, places and people in the sentences.</summary>
public sealed class ActorRecognizer : IDocumentComponent
{
    public string Name => "actors";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Actors];

    public void Process(Document doc)
    {
    }
}
