using Parley.Cleaning;
using Parley.Documents;
using Parley.Text;

namespace Parley.Tests.Cleaning;

public class CleanerTests
{
    internal static (string Clean, OffsetMap Map, IReadOnlyList<RemovedRun> Removed) Clean(string original)
    {
        var removed = Cleaner.FindRemovals(original);
        var (clean, map) = OffsetMap.FromRemovals(original, removed.Select(r => r.Span));
        return (clean, map, removed);
    }

    internal static void AssertMapsBack(string original, string clean, OffsetMap map, IReadOnlyList<RemovedRun> removed)
    {
        for (int i = 0; i < clean.Length; i++)
            Assert.Equal(original[map.ToOriginal(i)], clean[i]);
        foreach (var r in removed)
        {
            Assert.True(r.Span.Start >= 0 && r.Span.End <= original.Length && !r.Span.IsEmpty, $"run {r.Span} outside [0,{original.Length})");
        }
        for (int k = 1; k < removed.Count; k++)
            Assert.True(removed[k - 1].Span.End <= removed[k].Span.Start, "runs overlap or are unsorted");
    }

    [Theory]
    // menus and widgets on their own lines go; the story stays
    [InlineData("Home\nShare\nThe minister met his counterpart in Vienna on Monday.\n", "The minister met his counterpart in Vienna on Monday.\n")]
    [InlineData("Send to\n\nEnvoys meet in Vienna\n\nThe envoys met on Monday.", "Envoys meet in Vienna\n\nThe envoys met on Monday.")]
    [InlineData("Menu Content\nGo Top\n\nPolitics\n\nThe envoys met on Monday.", "Politics\n\nThe envoys met on Monday.")]
    [InlineData("The envoys met on Monday.\n\nAdvertisement\n\nThey spoke for an hour.", "The envoys met on Monday.\n\nThey spoke for an hour.")]
    [InlineData("The envoys met on Monday.\nTweet\nThey spoke for an hour.", "The envoys met on Monday.\nThey spoke for an hour.")]
    [InlineData("The envoys met on Monday.\r\nPrint\r\nThey spoke for an hour.", "The envoys met on Monday.\r\nThey spoke for an hour.")]
    [InlineData("  • SHARE\n\nThe envoys met on Monday.", "The envoys met on Monday.")]
    [InlineData("Read more:\nThe envoys met on Monday.", "The envoys met on Monday.")]
    // share counters, e-mail sign-offs, wire end marks
    [InlineData("Talks resume\n\n1,204\nThe envoys met on Monday.", "Talks resume\n\nThe envoys met on Monday.")]
    [InlineData("The envoys met on Monday.\nreporter@example.org\n(END)\n", "The envoys met on Monday.\n")]
    // copyright, cookie and newsletter notices
    [InlineData("The envoys met on Monday.\nCopyright 2023 Example Daily. All rights reserved.", "The envoys met on Monday.\n")]
    [InlineData("The envoys met on Monday.\nWe use cookies to give you the best experience on our website.", "The envoys met on Monday.\n")]
    [InlineData("The envoys met on Monday.\nBy continuing to use this site you agree to our terms.", "The envoys met on Monday.\n")]
    [InlineData("Sign up for our newsletter\nThe envoys met on Monday.", "The envoys met on Monday.")]
    // photo credits alone on a line
    [InlineData("Envoys meet\n\nPhoto : EXAMPLE News\n\nThe envoys met on Monday.", "Envoys meet\n\nThe envoys met on Monday.")]
    [InlineData("A caption of the two envoys shaking hands.\n(Yonhap)\nThe envoys met on Monday.", "A caption of the two envoys shaking hands.\nThe envoys met on Monday.")]
    public void Boilerplate_lines_are_dropped(string original, string expected)
    {
        var (clean, map, removed) = Clean(original);
        Assert.Equal(expected, clean);
        AssertMapsBack(original, clean, map, removed);
    }

    [Theory]
    // the same words inside a paragraph are article text
    [InlineData("Share prices in Seoul rose after the envoys met on Monday.")]
    [InlineData("Read more about the talks, the ministry said in a statement on Monday.")]
    [InlineData("The minister said Seoul would subscribe to the new framework agreed in Vienna.")]
    [InlineData("Close aides of the president attended the meeting in Vienna on Monday.")]
    [InlineData("The ministry said 439 delegates attended.")]
    [InlineData("Photo opportunities were limited, the ministry said after the envoys met on Monday in a hotel near the old harbour of the city.")]
    [InlineData("The website of the ministry said that we use cookies was a phrase the minister disliked, and the talks on privacy rules went on for three hours on Monday with both delegations present, according to officials who spoke on condition of anonymity because they were not authorised to brief reporters about the closed-door talks, which covered data flows, cookie consent banners, the cross-border transfer of personal data, the enforcement powers of national regulators, the fines imposed on large platforms last year, and a joint working group that will meet again in the spring to draft a memorandum for both cabinets to approve before the summer recess, officials said.")]
    public void Article_sentences_that_contain_boilerplate_words_are_kept(string line)
    {
        string original = "Envoys meet in Vienna\n" + line + "\nThe envoys will meet again next month, the ministry said.";
        var (clean, _, removed) = Clean(original);
        Assert.Equal(original, clean);
        Assert.Empty(removed);
    }

    [Fact]
    public void A_later_copy_of_a_paragraph_is_dropped_and_the_first_kept()
    {
        const string p1 = "The envoys met in Vienna on Monday to discuss the nuclear talks.";
        const string p2 = "They agreed to meet again next month, the ministry said.";
        string original = $"Envoys meet\n{p1}\n{p2}\n{p1}\n{p2}";
        var (clean, map, removed) = Clean(original);
        Assert.Equal($"Envoys meet\n{p1}\n{p2}\n", clean);
        Assert.All(removed, r => Assert.Equal("duplicate", r.Reason));
        AssertMapsBack(original, clean, map, removed);
    }

    [Theory]
    [InlineData("The envoys met in Vienna  on Monday to   discuss the talks.", true)] // whitespace differs
    [InlineData("The envoys met in Vienna on Monday to discuss the talks.\u00A0", true)]
    [InlineData("THE ENVOYS MET IN VIENNA ON MONDAY TO DISCUSS THE TALKS.", false)] // case is kept
    [InlineData("The envoys met in Vienna on Tuesday to discuss the talks.", false)]
    public void Duplicates_are_compared_with_whitespace_collapsed_and_case_kept(string copy, bool dropped)
    {
        string original = "The envoys met in Vienna on Monday to discuss the talks.\nSecond paragraph of the story here.\n" + copy;
        var (clean, _, _) = Clean(original);
        Assert.Equal(dropped ? 2 : 3, clean.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(!dropped, clean.Contains(copy, StringComparison.Ordinal));
    }

    [Fact]
    public void Short_repeated_lines_are_not_duplicates()
    {
        string original = "Politics\nThe envoys met on Monday in Vienna.\nPolitics\n-\nThey spoke for an hour.\n-";
        var (clean, _, removed) = Clean(original);
        Assert.Equal(original, clean);
        Assert.Empty(removed);
    }

    [Theory]
    [InlineData("서울에서 회담이 열렸다")]
    [InlineData("Переговоры в Москве")]
    [InlineData("北京会谈")]
    [InlineData("محادثات في الرياض")]
    public void A_short_line_in_another_script_is_dropped(string fragment)
    {
        string original = "Envoys meet\nThe envoys met in Vienna on Monday to discuss the talks.\n" + fragment;
        var (clean, _, removed) = Clean(original);
        Assert.Equal("Envoys meet\nThe envoys met in Vienna on Monday to discuss the talks.\n", clean);
        Assert.Equal("other-script", Assert.Single(removed).Reason);
    }

    [Fact]
    public void A_name_in_another_script_inside_an_english_sentence_is_kept()
    {
        string original = "Envoys meet\nKim Jong Un (김정은) arrived in the city on Monday for the talks.";
        var (clean, _, _) = Clean(original);
        Assert.Equal(original, clean);
    }

    [Fact]
    public void A_text_mostly_in_another_script_is_left_alone()
    {
        string original = "서울에서 회담이 열렸다\n외교부는 월요일 회담이 열렸다고 밝혔다\nSeoul";
        var (clean, _, _) = Clean(original);
        Assert.Equal(original, clean);
    }

    [Fact]
    public void A_trailing_list_of_other_headlines_is_dropped()
    {
        string original = "Envoys meet\nThe envoys met in Vienna on Monday to discuss the stalled nuclear talks, officials said.\n"
            + "-\nMinister to visit Canberra next week\n-\nArmy chief flies to Delhi for talks\n-\nCourt rejects warrant for opposition leader\n-\nDefense minister calls ";
        var (clean, map, removed) = Clean(original);
        Assert.Equal("Envoys meet\nThe envoys met in Vienna on Monday to discuss the stalled nuclear talks, officials said.\n", clean);
        Assert.Contains(removed, r => r.Reason == "headline-list");
        AssertMapsBack(original, clean, map, removed);
    }

    [Fact]
    public void Two_short_lines_at_the_end_are_not_a_headline_list()
    {
        string original = "Envoys meet\nThe envoys met in Vienna on Monday to discuss the stalled nuclear talks, officials said.\nReporting by A. Writer\nEditing by B. Editor";
        var (clean, _, _) = Clean(original);
        Assert.Equal(original, clean);
    }

    [Fact]
    public void A_section_heading_drops_the_titles_after_it_until_prose_resumes()
    {
        string original = "The envoys met in Vienna on Monday.\nLATEST NEWS\nMinister to visit Canberra\nArmy chief flies to Delhi\n"
            + "The two sides will meet again next month in Seoul to continue the talks, the ministry said.";
        var (clean, _, removed) = Clean(original);
        Assert.Equal("The envoys met in Vienna on Monday.\nThe two sides will meet again next month in Seoul to continue the talks, the ministry said.", clean);
        Assert.All(removed, r => Assert.Equal("related-links", r.Reason));
    }

    [Fact]
    public void A_removed_line_between_paragraphs_keeps_one_paragraph_break()
    {
        var (clean, _, _) = Clean("First paragraph.\n\nShare\n\nSecond paragraph.");
        Assert.Equal("First paragraph.\n\nSecond paragraph.", clean);
        var (clean2, _, _) = Clean("Title line\nShare\n\nSecond paragraph.");
        Assert.Equal("Title line\n\nSecond paragraph.", clean2);
    }

    [Fact]
    public void Paragraphs_are_the_non_blank_lines_of_the_cleaned_text()
    {
        const string text = "Title\n\n  First paragraph.  \r\nSecond paragraph.\n\n";
        var paragraphs = Paragraphs.Find(text);
        Assert.Equal(["Title", "First paragraph.", "Second paragraph."], paragraphs.Select(p => p.Slice(text)));
        Assert.Equal(1, Paragraphs.IndexOf(paragraphs, text.IndexOf("paragraph.", StringComparison.Ordinal)));
        Assert.Equal(-1, Paragraphs.IndexOf(paragraphs, 6));
    }

    [Fact]
    public void The_cleaner_sets_the_documents_text_and_map()
    {
        var doc = new Document(new RawArticle { Id = "x", Text = "Share\nThe envoys met on Monday.", Kind = InputKind.PlainText, Origin = "test" });
        new Cleaner().Process(doc);
        Assert.Equal("The envoys met on Monday.", doc.Text);
        Assert.Equal(6, doc.Map.ToOriginal(0));
        Assert.Equal("boilerplate", Assert.Single(doc.Removed).Reason);
    }

    /// <summary>How many lines of <paramref name="text"/>, trimmed, equal <paramref name="line"/>.</summary>
    internal static int LinesEqualTo(string text, string line) =>
        text.Split('\n').Count(l => l.Trim().Equals(line, StringComparison.Ordinal));

    internal static int CountOf(string text, string needle)
    {
        int n = 0;
        for (int i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
            n++;
        return n;
    }
}
