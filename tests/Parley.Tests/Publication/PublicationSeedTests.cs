using Parley.Cleaning;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Tests.Publication;

/// <summary>Publication metadata read from the seed articles of ../shared/seeds alone (no metadata given).</summary>
public class PublicationSeedTests
{
    private static readonly DocumentPipeline Pipeline = new PipelineBuilder().Add(new Cleaner()).Add(new PublicationReader()).Build();

    internal static Document Run(string path) => Pipeline.Run(new RawArticle
    {
        Id = Path.GetFileName(path),
        Text = File.ReadAllText(path),
        Kind = InputKind.PlainText,
        Origin = path,
    });

    [Theory]
    [InlineData(0, "2021-11-01", "Yonhap", "Nuke envoys", null)]
    [InlineData(1, "2022-05-03", "Yonhap", "Top nuclear envoys", null)]
    [InlineData(2, "2022-02-21", "The Diplomatic Insight", "Korean Representatives", "Beijing")]
    [InlineData(3, null, "Yonhap", "Senior S. Korean", "WASHINGTON")]
    [InlineData(4, "2021-01-27", "KBS World Radio", "Seoul Ensures Xi", null)]
    public void Each_seed_gives_its_date_outlet_headline_and_dateline(int index, string? published, string outlet, string headlinePart, string? dateline)
    {
        string path = SharedFiles.SeedFiles[index];
        var doc = Run(path);
        var info = doc.Info;
        Assert.Equal(published, info.Published?.ToString());
        Assert.Equal(published is null ? DateSource.None : DateSource.Text, info.PublishedSource);
        Assert.Equal(outlet, info.Outlet);
        Assert.NotNull(info.Headline);
        Assert.Contains(headlinePart, info.Headline, StringComparison.Ordinal);
        // the headline is a whole line of the original, not a piece of one
        Assert.Contains(info.Headline, File.ReadAllLines(path).Select(l => l.Trim()));
        Assert.Equal(dateline, info.Dateline);
    }

    [Fact]
    public void Seed_003_has_no_date_and_none_is_invented()
    {
        var doc = Run(SharedFiles.SeedFiles[3]);
        Assert.Null(doc.Info.Published);
        Assert.Null(doc.Info.PublishedInText);
        Assert.Null(doc.Info.PublishedTime);
    }
}
