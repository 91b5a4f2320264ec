using Parley.Actors;
using Parley.Data;
using Parley.Documents;
using Parley.Segmentation;

namespace Parley.Tests.Actors;

/// <summary>
/// The recogniser remembers the people-list lookup of a name run under the spelling ids of its words. What it
/// remembers must be what the lexicon would answer: for any white space between the words, and never for another
/// lexicon met on the same thread.
/// </summary>
public class KnownPersonLookupTests
{
    private const string Sentence = "The ceremony was opened by Antonio{0}Guterres in Geneva.";

    private static ActorMention? Guterres(Document doc) =>
        doc.Mentions.FirstOrDefault(m => m.Kind == MentionKind.Person && doc.Slice(m.Span).StartsWith("Antonio", StringComparison.Ordinal));

    private static Document Run(string text, ActorLexicon lexicon)
    {
        var doc = new Document(new RawArticle { Id = "t", Text = text, Kind = InputKind.PlainText, Origin = "test" });
        new Segmenter(Abbreviations.Default).Process(doc);
        new ActorRecognizer(lexicon).Process(doc);
        return doc;
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("  ")]
    [InlineData("\t")]
    [InlineData("\u00A0")]
    public void A_listed_name_is_known_whatever_white_space_parts_its_words(string gap)
    {
        // The single-space form first, so that each other form meets the remembered answer.
        Assert.Equal("UN", Guterres(Run(string.Format(Sentence, " "), ActorLexicon.Default))?.Country);
        var doc = Run(string.Format(Sentence, gap), ActorLexicon.Default);
        var m = Guterres(doc);
        Assert.NotNull(m);
        Assert.Equal("UN", m.Country); // from people.tsv: nothing else in the sentence says so
    }

    [Fact]
    public void A_lexicon_without_the_person_does_not_get_the_answer_another_lexicon_gave()
    {
        var withoutPeople = new ActorLexicon(name => name == "people.tsv" ? [] : DataFiles.ReadTsv(name));
        var text = string.Format(Sentence, " ");
        Assert.Equal("UN", Guterres(Run(text, ActorLexicon.Default))?.Country);
        Assert.NotEqual("UN", Guterres(Run(text, withoutPeople))?.Country);
        // And back: the default lexicon's answer was not replaced by the other one's.
        Assert.Equal("UN", Guterres(Run(text, ActorLexicon.Default))?.Country);
    }

    [Fact]
    public void A_table_that_starts_over_does_not_hand_an_old_answer_to_a_new_id()
    {
        // A tiny spelling table starts over before every document here, and hands its ids out again in text order: the
        // same words before a name give the name's words the ids "Antonio" and "Guterres" had.
        var old = TokenSpellings.ForThread();
        try
        {
            TokenSpellings.UseOnThisThread(new TokenSpellings(maxSpellings: 12));
            for (int round = 0; round < 3; round++)
            {
                Assert.Equal("UN", Guterres(Run(string.Format(Sentence, " "), ActorLexicon.Default))?.Country);
                var other = Run(string.Format(Sentence, " ").Replace("Antonio Guterres", "Marta Quellin"), ActorLexicon.Default);
                Assert.DoesNotContain(other.Mentions, m => m.Country == "UN"); // an unlisted name: no mention of the UN
            }
        }
        finally
        {
            TokenSpellings.UseOnThisThread(old);
        }
    }
}
