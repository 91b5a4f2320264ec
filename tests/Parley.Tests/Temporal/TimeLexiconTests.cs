using Parley.Data;
using Parley.Temporal;

namespace Parley.Tests.Temporal;

public class TimeLexiconTests
{
    private const string Header = "kind\tentry\tvalue\tflags\n";

    [Fact]
    public void The_shipped_word_list_compiles_into_a_trie()
    {
        var lexicon = TimeLexicon.Default;
        Assert.True(lexicon.PatternCount > 100, $"only {lexicon.PatternCount} expanded patterns");
        Assert.InRange(lexicon.MaxLead, 1, 8); // "for just over one and a half hours": the unit is 7 tokens in
        Assert.True(lexicon.Triggers.Contains("previous"));
        Assert.False(lexicon.Triggers.Contains("the"));
    }

    [Fact]
    public void A_new_pattern_is_a_data_edit()
    {
        var rows = DataFiles.ParseTsv(Header + "pattern\t[on] the eve of the vote\treference-day:-1\n", "test.tsv");
        var tagger = new TimeTagger(new TimeLexicon(rows));
        var doc = new Documents.Document(new Documents.RawArticle { Id = "t", Text = "They met on the eve of the vote.", Kind = Documents.InputKind.PlainText, Origin = "t" },
            PartialDate.OfDay(2022, 5, 3));
        new Parley.Cleaning.Cleaner().Process(doc);
        new Segmentation.Segmenter(Segmentation.Abbreviations.Default).Process(doc);
        tagger.Process(doc);
        var t = Assert.Single(doc.Times);
        Assert.Equal("on the eve of the vote", t.Phrase);
        Assert.Equal(PartialDate.OfDay(2022, 5, 2), t.Value);
    }

    [Theory]
    [InlineData("pattern\tlast fortnight\tanchor-fortnight:-1\n", "unknown meaning")]
    [InlineData("pattern\t<season> 2020\tyear\n", "unknown class")]
    [InlineData("pattern\tthe\tvague\n", "no word that can start a match")]
    [InlineData("weekday\tmonday\tone\n", "must be a number")]
    public void A_bad_row_says_which_and_why(string row, string message)
    {
        var rows = DataFiles.ParseTsv(Header + "filler\tthe\t\n" + row, "test.tsv");
        var e = Assert.Throws<FormatException>(() => new TimeLexicon(rows));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
