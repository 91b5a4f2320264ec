using Parley.Documents;

namespace Parley.Pipeline;

/// <summary>
/// One stage of the pipeline. It declares the layers it reads and the layers it writes, so the
/// builder can refuse an order in which a component would read what nobody wrote yet.
/// Layer names are those of <see cref="Layers"/>.
/// </summary>
public interface IDocumentComponent
{
    string Name { get; }

    IReadOnlyList<string> Requires { get; }

    IReadOnlyList<string> Assigns { get; }

    /// <summary>Reads and writes the document's layers. Never prints; throws only on bugs.</summary>
    void Process(Document doc);
}

/// <summary>The names of the document layers components declare.</summary>
public static class Layers
{
    public const string Source = "source";
    public const string CleanText = "clean_text";
    public const string Publication = "publication";
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string Actors = "actors";
    public const string Times = "times";
    public const string Events = "events";
}
