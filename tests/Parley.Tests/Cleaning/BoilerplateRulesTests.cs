using Parley.Cleaning;
using Parley.Data;

namespace Parley.Tests.Cleaning;

public class BoilerplateRulesTests
{
    [Fact]
    public void The_shipped_rules_load_with_every_match_kind()
    {
        var rules = BoilerplateRules.Default.Rules;
        Assert.True(rules.Count >= 50);
        foreach (var kind in Enum.GetValues<BoilerplateMatch>())
            Assert.Contains(rules, r => r.Match == kind);
        Assert.All(rules, r => Assert.True(r.MaxChars > 0 && r.Reason.Length > 0, r.Pattern));
    }

    [Theory]
    [InlineData("Send to", "boilerplate")]
    [InlineData("BACK TO TOP", "boilerplate")]
    [InlineData("Share:", "boilerplate")]
    [InlineData("439", "boilerplate")]
    [InlineData("1.2K", "boilerplate")]
    [InlineData("desk@example.co.kr", "boilerplate")]
    [InlineData("https://example.org/news/12345", "boilerplate")]
    [InlineData("© 2024 Example Media Group", "boilerplate")]
    [InlineData("This website uses cookies and other technology to enhance your experience.", "cookie-notice")]
    [InlineData("Photo : EXAMPLE News", "photo-credit")]
    [InlineData("MOST POPULAR", "related-links")]
    [InlineData("\"World\" POPULAR ARTICLE", "related-links")]
    public void A_whole_line_matches(string line, string reason)
    {
        Assert.Equal(reason, BoilerplateRules.Default.Match(line)?.Reason);
    }

    [Theory]
    [InlineData("Sharing the burden")]
    [InlineData("2019 summit")]
    [InlineData("12:30")]
    [InlineData("Contact desk@example.co.kr for details")]
    [InlineData("Photo opportunities were limited at the summit, where the two leaders met for about an hour before lunch.")]
    public void Other_lines_do_not_match(string line)
    {
        Assert.Null(BoilerplateRules.Default.Match(line));
    }

    [Fact]
    public void A_bad_row_names_its_file_and_line()
    {
        var rows = DataFiles.ParseTsv("# test\npattern\tmatch\tmax_chars\treason\nShare\tline_sometimes\t10\tboilerplate\n", "test.tsv");
        var e = Assert.Throws<FormatException>(() => BoilerplateRules.FromRows(rows));
        Assert.Contains("test.tsv:3", e.Message, StringComparison.Ordinal);
    }
}
