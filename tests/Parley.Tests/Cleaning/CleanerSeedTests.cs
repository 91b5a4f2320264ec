using Parley.Cleaning;

namespace Parley.Tests.Cleaning;

/// <summary>The cleaner on the seed articles of ../shared/seeds (read at run time, never copied).</summary>
public class CleanerSeedTests
{
    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var f in SharedFiles.SeedFiles)
            data.Add(Path.GetFileName(f));
        return data;
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(SharedFiles.Seeds, name));

    private static string Seed(int index) => File.ReadAllText(SharedFiles.SeedFiles[index]);

    [Fact]
    public void There_are_five_seeds()
    {
        Assert.Equal(5, SharedFiles.SeedFiles.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_cleaned_character_maps_back_to_the_same_original_character(string name)
    {
        string original = Read(name);
        var (clean, map, removed) = CleanerTests.Clean(original);
        Assert.True(clean.Length > original.Length / 3, "cleaning removed most of the article");
        CleanerTests.AssertMapsBack(original, clean, map, removed);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_widget_heading_or_foreign_fragment_is_left(string name)
    {
        var (clean, _, _) = CleanerTests.Clean(Read(name));
        var lines = clean.Split('\n').Select(l => l.Trim()).ToList();
        foreach (var widget in new[] { "MOST POPULAR", "Send to", "Back To Top", "subscribe", "LATEST NEWS", "Menu Content", "Go Top", "Related News", "Editor's Pick", "Close" })
            Assert.DoesNotContain(widget, lines);
        Assert.DoesNotContain("This website uses cookies", clean, StringComparison.Ordinal);
        Assert.DoesNotContain(clean, c => c is >= '\uAC00' and <= '\uD7A3'); // Hangul syllables
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_article_sentence_survives_and_appears_once(string name)
    {
        string original = Read(name);
        var (clean, _, _) = CleanerTests.Clean(original);
        foreach (var raw in original.Split('\n'))
        {
            var line = raw.Trim();
            if (LineShape.WordCount(line) < 8 || line.Contains("cookies", StringComparison.Ordinal))
                continue;
            Assert.Equal(1, CleanerTests.LinesEqualTo(clean, line));
        }
    }

    [Fact]
    public void Seed_000_printed_twice_keeps_one_copy_of_each_paragraph()
    {
        string original = Seed(0);
        var body = original.Split('\n').Select(l => l.Trim()).Where(l => LineShape.WordCount(l) >= 8).ToList();
        string firstSentence = body[0][..(body[0].IndexOf(". ", StringComparison.Ordinal) + 1)];
        var doubled = body.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.NotEmpty(doubled); // the seed does print its body twice
        var (clean, _, removed) = CleanerTests.Clean(original);
        Assert.Equal(1, CleanerTests.CountOf(clean, firstSentence));
        foreach (var p in doubled)
            Assert.Equal(1, CleanerTests.LinesEqualTo(clean, p));
        Assert.Contains(removed, r => r.Reason == "duplicate");
    }

    [Fact]
    public void Seed_003_keeps_one_copy_of_its_photo_caption()
    {
        string original = Seed(3);
        var lines = original.Split('\n').Select(l => l.Trim()).ToList();
        string caption = lines.Where(l => l.Length > 40).GroupBy(l => l, StringComparer.Ordinal).Single(g => g.Count() > 1).Key;
        var (clean, _, _) = CleanerTests.Clean(original);
        Assert.Equal(1, CleanerTests.LinesEqualTo(clean, caption));
    }

    [Fact]
    public void Seed_003_loses_its_korean_fragment_and_seed_002_its_share_counter()
    {
        string seed3 = Seed(3);
        Assert.Contains(seed3, c => c is >= '\uAC00' and <= '\uD7A3');
        var (clean3, _, _) = CleanerTests.Clean(seed3);
        Assert.DoesNotContain(clean3, c => c is >= '\uAC00' and <= '\uD7A3');

        string seed2 = Seed(2);
        var counter = seed2.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0 && l.All(char.IsAsciiDigit));
        var (clean2, _, _) = CleanerTests.Clean(seed2);
        Assert.DoesNotContain(counter, clean2.Split('\n').Select(l => l.Trim()));
    }
}
