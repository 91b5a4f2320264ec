using Parley.Events;
using Parley.Text;
using Xunit;

namespace Parley.Tests.Events;

public class EvidenceTests
{
    private const string Source = "Menu. The two ministers met in Lima on Friday. Share this.";

    // "The two ministers met in Lima on Friday." as a view into the source, and as a string of its own.
    private static readonly TextSpan Sentence = new(6, 46);
    private static readonly TextSpan Original = new(106, 147);

    [Fact]
    public void A_view_into_the_text_reads_as_the_sentence()
    {
        var view = new Evidence(Source, Sentence, Original);
        Assert.Equal("The two ministers met in Lima on Friday.", view.AsSpan().ToString()); // before the string is made
        Assert.Equal("The two ministers met in Lima on Friday.", view.Text);
        Assert.Equal("The two ministers met in Lima on Friday.", view.AsSpan().ToString()); // and after
        Assert.Equal(Original, view.Span);
    }

    [Fact]
    public void A_view_equals_the_same_sentence_given_as_a_string()
    {
        var view = new Evidence(Source, Sentence, Original);
        var given = new Evidence("The two ministers met in Lima on Friday.", Original);
        Assert.Equal(given, view);
        Assert.Equal(given.GetHashCode(), view.GetHashCode());
        Assert.NotEqual(new Evidence("The two ministers met in Lima on Friday.", new TextSpan(0, 40)), view);
        Assert.NotEqual(new Evidence("The two ministers met in Quito on Friday.", Original), view);
        var (text, span) = view;
        Assert.Equal(("The two ministers met in Lima on Friday.", Original), (text, span));
    }

    [Fact]
    public void Many_threads_reading_a_view_all_get_the_sentence()
    {
        for (int round = 0; round < 200; round++)
        {
            var view = new Evidence(Source, Sentence, Original);
            var texts = new string[8];
            Parallel.For(0, texts.Length, i => texts[i] = i % 2 == 0 ? view.Text : view.AsSpan().ToString());
            Assert.All(texts, t => Assert.Equal("The two ministers met in Lima on Friday.", t));
        }
    }
}
