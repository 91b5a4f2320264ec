using Parley.Documents;
using Parley.Events;
using Parley.Pipeline;
using Parley.Text;
using Xunit;

namespace Parley.Tests.Text;

public class WordFormTests
{
    private static Document Segmented(string text)
    {
        var doc = new Document(new RawArticle { Id = "t", Text = text, Kind = InputKind.PlainText, Origin = "t" });
        foreach (var c in ParleyPipeline.Default.Components)
            if (c.Name == "segmenter")
                c.Process(doc);
        return doc;
    }

    [Fact]
    public void Every_spelling_of_a_word_shares_one_lower_case_form()
    {
        var doc = Segmented("Talks ended. TALKS resumed; talks, again.");
        var forms = doc.Forms;
        Assert.Equal(doc.Tokens.Count, forms.Length);
        Assert.Equal(["talks", "ended", ".", "talks", "resumed", ";", "talks", ",", "again", "."], doc.Lower);
        Assert.Same(forms[0], forms[3]);
        Assert.Same(forms[0], forms[6]);
        Assert.NotSame(forms[0], forms[1]);
        Assert.Same(forms[0].Lower, doc.Lower[3]);
    }

    [Fact]
    public void A_word_form_does_not_depend_on_the_spelling_met_first()
    {
        // "ſ" (long s) equals "s" ignoring case, but its lower-case form is itself.
        Assert.Equal(["\u017Fo", "so", "so"], Segmented("\u017Fo So so").Lower);
        Assert.Equal(["so", "\u017Fo"], Segmented("SO \u017Fo").Lower);
    }

    [Fact]
    public void A_word_cache_answers_each_owner_with_its_own_flags()
    {
        var word = Segmented("meeting").Forms[0];
        int a = WordCache.NewOwner(), b = WordCache.NewOwner();
        int calls = 0;
        Assert.Equal(5, WordCache.Get(word, a, _ => { calls++; return 5; }));
        Assert.Equal(5, WordCache.Get(word, a, _ => { calls++; return 99; })); // cached: not recomputed
        Assert.Equal(1, calls);
        Assert.Equal(7, WordCache.Get(word, b, w => { calls++; return w == "meeting" ? 7 : 0; })); // another owner recomputes
        Assert.Equal(5, WordCache.Get(word, a, _ => { calls++; return 5; }));
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Owner_ids_are_never_reused()
    {
        // Two live lexicons with one id would read each other's flags.
        int first = WordCache.NewOwner();
        var later = Enumerable.Range(0, 600).Select(_ => WordCache.NewOwner()).ToList();
        Assert.DoesNotContain(first, later);
        Assert.Equal(later.Count, later.Distinct().Count());
        Assert.DoesNotContain(0, later);
    }

    [Fact]
    public void Contact_flags_of_a_word_come_from_the_lexicon_that_asks()
    {
        var word = Segmented("met").Forms[0];
        var standard = ContactLexicon.Default;
        var empty = ContactLexicon.Load([], [], []);
        Assert.NotEqual(0, standard.WordFlags(word) & ContactLexicon.StartsTrigger);
        Assert.Equal(0, empty.WordFlags(word) & ContactLexicon.StartsTrigger);
        Assert.NotEqual(0, standard.WordFlags(word) & ContactLexicon.StartsTrigger);
    }
}
