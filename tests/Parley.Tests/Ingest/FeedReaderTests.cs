using Parley.Documents;
using Parley.Ingest;

namespace Parley.Tests.Ingest;

public class FeedReaderTests
{
    [Fact]
    public void Rss_items_become_articles_with_their_own_metadata()
    {
        var items = IngestFixtures.Read(IngestFixtures.File("feed.rss"));
        Assert.Equal(3, items.Count);

        var first = items[0].Article!;
        Assert.Equal(InputKind.Feed, first.Kind);
        Assert.Equal("ledger-2023-0415", first.Id); // the guid
        Assert.Equal("https://ledger.example.org/world/river-crossings", first.Url);
        Assert.Equal("Arland and Belvia reopen river crossings", first.Headline);
        Assert.Equal("2023-04-15", first.Published?.ToString());
        Assert.Equal("08:30", first.PublishedTime);
        // content:encoded wins over the teaser, and its HTML is cleaned to paragraphs.
        Assert.Equal("Arland and Belvia reopened the river crossings on Saturday.\n\nThe two foreign ministers spoke by telephone on Friday to confirm the date.", first.Text);

        var second = items[1].Article!;
        Assert.Equal("https://ledger.example.org/2023/04/16/castella-summit", second.Id); // no guid: the link
        Assert.Equal("Castella offered on Sunday to host a summit of the two presidents.", second.Text);
        Assert.Equal("2023-04-16", second.Published?.ToString()); // no pubDate: from the link
        Assert.Null(second.PublishedTime);
    }

    [Fact]
    public void An_item_without_text_is_a_failure_naming_it_and_the_others_still_load()
    {
        var items = IngestFixtures.Read(IngestFixtures.File("feed.rss"));
        var failure = items[2].Failure;
        Assert.NotNull(failure);
        Assert.Equal(ErrorCodes.NoText, failure.Code);
        Assert.Contains("item 3 (Headline only)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, items.Count(i => i.Article is not null));
    }

    [Fact]
    public void Atom_entries_take_published_over_updated_and_read_xhtml_content()
    {
        var items = IngestFixtures.Read(IngestFixtures.File("feed.atom"));
        Assert.Equal(2, items.Count);
        var a = items[0].Article!;
        Assert.Equal("tag:harbour.example.net,2021:envoy-dornholm", a.Id);
        Assert.Equal("https://harbour.example.net/envoy-dornholm", a.Url);
        Assert.Equal("2021-07-08", a.Published?.ToString());
        Assert.Equal("09:15", a.PublishedTime);
        Assert.Equal("The special envoy of Kesteria arrived in Dornholm on Thursday.\n\nShe will meet the prime minister.", a.Text);

        var b = items[1].Article!;
        Assert.Equal("2021-07-09", b.Published?.ToString()); // only <updated>
        Assert.Equal("The speaker received a delegation from Kesteria on Friday.", b.Text);
    }

    [Theory]
    [InlineData("entity-bomb.xml")]
    [InlineData("external-entity.xml")]
    public void Dtd_entities_are_refused_with_one_clear_failure(string fixture)
    {
        var item = Assert.Single(IngestFixtures.Read(IngestFixtures.File(fixture)));
        Assert.Equal(ErrorCodes.MalformedFeed, item.Failure?.Code);
        Assert.Contains("DTD", item.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", item.Failure.ToString(), StringComparison.Ordinal); // nothing of /etc/passwd
        Assert.DoesNotContain("\n", item.Failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_feed_is_one_failure_naming_the_file()
    {
        var item = Assert.Single(IngestFixtures.Read(IngestFixtures.File("truncated.rss")));
        Assert.Equal(ErrorCodes.MalformedFeed, item.Failure?.Code);
        Assert.Equal(IngestFixtures.File("truncated.rss"), item.Failure!.Origin);
        Assert.Contains("truncated", item.Failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", item.Failure.Message, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void Xml_that_is_not_a_feed_says_what_it_is()
    {
        var item = Assert.Single(IngestFixtures.Read(IngestFixtures.File("sitemap.xml")));
        Assert.Equal(ErrorCodes.MalformedFeed, item.Failure?.Code);
        Assert.Contains("<urlset>", item.Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>The envoy arrived.</description></item></channel></rss>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>f</id><updated>2021-07-08T00:00:00Z</updated><entry><id>e1</id><title>x</title><updated>2021-07-08T00:00:00Z</updated><summary>The envoy arrived.</summary></entry></feed>")]
    public void Feeds_are_recognised_by_content_without_an_extension(string xml)
    {
        using var tmp = new TempDir();
        var item = Assert.Single(IngestFixtures.Read(tmp.Write("download", xml)));
        Assert.Equal(InputKind.Feed, item.Article?.Kind);
        Assert.Equal("The envoy arrived.", item.Article!.Text);
    }

    [Fact]
    public void A_sloppy_pubdate_leaves_the_date_unknown_instead_of_failing_the_feed()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("f.rss", "<rss version=\"2.0\"><channel><title>t</title><item><guid>g1</guid><title>x</title><pubDate>last Tuesday</pubDate><description>The envoy arrived.</description></item>"
            + "<item><guid>g2</guid><title>y</title><pubDate>2021-07-08</pubDate><description>The envoy left.</description></item></channel></rss>");
        var items = IngestFixtures.Read(path);
        Assert.Equal(2, items.Count);
        Assert.Null(items[0].Article!.Published);
        Assert.Equal("2021-07-08", items[1].Article!.Published?.ToString());
        Assert.Null(items[1].Article!.PublishedTime); // a date alone does not become midnight
    }

    [Fact]
    public void A_feed_without_items_is_one_failure()
    {
        using var tmp = new TempDir();
        var item = Assert.Single(IngestFixtures.Read(tmp.Write("f.rss", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>")));
        Assert.Equal(ErrorCodes.NoText, item.Failure?.Code);
    }
}
