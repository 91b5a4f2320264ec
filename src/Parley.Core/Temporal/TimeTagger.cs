using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Temporal;

/// <summary>Finds time expressions and resolves them against the publication date.</summary>
public sealed class TimeTagger : IDocumentComponent
{
    public string Name => "times";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Publication];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Times];

    public void Process(Document doc)
    {
    }
}
