using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Actors;

/// <summary>
/// Finds countries, organisations, places and people in the sentences and resolves the people within
/// the document. It fills <c>Document.Mentions</c> (in text order) and <c>Document.Entities</c>.
/// </summary>
/// <remarks>
/// Two passes. The first walks each sentence once: gazetteer and title lookups in token tries, then
/// title phrases ("South Korea's First Vice Foreign Minister Choi Jong-kun", "Noh Kyu-duk, the special
/// representative for ...", "the foreign ministers of South Korea and China") and names from the people
/// list, or the object of a contact verb ("received Kenji Arakawa of Japan", "met Wei Lanfang"). The second
/// builds one entity per person, gives it a gender when the text marks one (<see cref="PersonEntity.Gender"/>),
/// and resolves what only the whole document can: later surnames ("Liu", "Al Busaidy"), bare roles ("Beijing's
/// top envoy"), clause-opening pronouns and "him" ("she" prefers a woman, "he" avoids one).
/// Between the gazetteer lookups and the phrases, "the North" and "the South" become countries in a document
/// on the two Koreas. A person's country comes, strongest first, from the phrase, the people list, another
/// mention of the same person, the Korean name shape, and last the city of <c>Document.Info.Dateline</c>
/// (only for national titles such as "Foreign Minister").
/// </remarks>
public sealed class ActorRecognizer : IDocumentComponent
{
    private readonly ActorLexicon _lexicon;

    public ActorRecognizer()
        : this(ActorLexicon.Default)
    {
    }

    public ActorRecognizer(ActorLexicon lexicon) => _lexicon = lexicon;

    public string Name => "actors";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Actors];

    public void Process(Document doc)
    {
        doc.Mentions.Clear();
        doc.Entities.Clear();
        ActorPass.Run(doc, _lexicon);
    }
}
