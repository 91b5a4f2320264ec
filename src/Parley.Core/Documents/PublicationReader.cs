using Parley.Pipeline;

namespace Parley.Documents;

/// <summary>Reads publication date, outlet, headline and dateline from the text when metadata lacks them.</summary>
public sealed class PublicationReader : IDocumentComponent
{
    public string Name => "publication";

    public IReadOnlyList<string> Requires { get; } = [Layers.CleanText];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Publication];

    public void Process(Document doc)
    {
    }
}
