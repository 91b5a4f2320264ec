using System.Net;
using Parley.Documents;
using Parley.Ingest;

namespace Parley.Tests.Ingest;

public class HtmlReaderTests
{
    private static RawArticle ReadOne(string fixture)
    {
        var items = IngestFixtures.Read(IngestFixtures.File(fixture));
        var item = Assert.Single(items);
        Assert.Null(item.Failure);
        return item.Article!;
    }

    [Fact]
    public void Keeps_the_article_and_drops_menus_related_links_and_footer()
    {
        var a = ReadOne("article.html");
        Assert.Equal(InputKind.Html, a.Kind);
        Assert.Equal("article.html", a.Id);
        Assert.StartsWith("CASTELLA, March 14 -- The foreign ministers of Arland and Belvia met", a.Text, StringComparison.Ordinal);
        Assert.Contains("by telephone on Wednesday", a.Text, StringComparison.Ordinal);
        Assert.EndsWith("if the ministers' talks make progress.", a.Text, StringComparison.Ordinal);
        foreach (var chrome in new[] { "Sport", "Opinion", "Related stories", "Fishing rights dispute flares", "All rights reserved", "tracker" })
            Assert.DoesNotContain(chrome, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Separates_paragraphs_with_a_blank_line()
    {
        var a = ReadOne("article.html");
        var paragraphs = a.Text.Split("\n\n");
        Assert.Equal(4, paragraphs.Length);
        Assert.All(paragraphs, p => Assert.DoesNotContain('\n', p));
        Assert.StartsWith("Arland's foreign minister, Tomas Wendt,", paragraphs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_title_outlet_url_and_published_time_from_meta_tags()
    {
        var a = ReadOne("article.html");
        Assert.Equal("Ministers of Arland and Belvia meet in Castella", a.Headline);
        Assert.Equal("The Northern Ledger", a.Outlet);
        Assert.Equal("https://ledger.example.org/world/ministers-meet-castella", a.Url);
        Assert.Equal("2023-03-14", a.Published?.ToString());
        Assert.Equal("16:05:00", a.PublishedTime);
    }

    [Fact]
    public void Reads_date_and_publisher_from_json_ld_graph()
    {
        var a = ReadOne("jsonld.htm");
        Assert.Equal("2021-07-08", a.Published?.ToString());
        Assert.Equal("09:15:00", a.PublishedTime);
        Assert.Equal("Harbour Gazette", a.Outlet);
        Assert.Equal("Envoy visits Dornholm", a.Headline);
        Assert.Contains("three-day visit", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_the_date_from_the_canonical_url_when_the_page_has_none()
    {
        var a = ReadOne("url-date.html");
        Assert.Equal("2022-11", a.Published?.ToString());
        Assert.Null(a.PublishedTime);
        Assert.Equal("Envoys of Lorath and Mervia met in the capital to prepare a visit by the Mervian president.", a.Text);
    }

    [Fact]
    public void Malformed_html_with_unclosed_tags_still_gives_its_text()
    {
        var a = ReadOne("unclosed.html");
        Assert.Contains("called her counterpart in Orvessa on Monday to discuss grain tariffs", a.Text, StringComparison.Ordinal);
        Assert.Contains("according to a ministry statement", a.Text, StringComparison.Ordinal);
        Assert.Contains("No date was set for a meeting.", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_text_is_one_failure()
    {
        var item = Assert.Single(IngestFixtures.Read(IngestFixtures.File("no-text.html")));
        Assert.Equal(ErrorCodes.NoText, item.Failure?.Code);
        Assert.EndsWith("no-text.html", item.Failure!.Origin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>The envoy arrived.</p></body></html>")]
    [InlineData("  <html><body><p>The envoy arrived.</p></body></html>")]
    [InlineData("\uFEFF<!doctype HTML><p>The envoy arrived.")]
    [InlineData("<!-- saved by a crawler -->\n<html><p>The envoy arrived.</p>")]
    public void Html_without_an_html_extension_is_recognised_by_its_content(string html)
    {
        using var tmp = new TempDir();
        var item = Assert.Single(IngestFixtures.Read(tmp.Write("page.download", html)));
        Assert.Equal(InputKind.Html, item.Article?.Kind);
        Assert.Equal("The envoy arrived.", item.Article!.Text);
    }

    [Fact]
    public void Never_touches_the_network_even_for_pages_full_of_remote_resources()
    {
        var recorder = new RecordingHandler();
        _ = IngestFixtures.Read(IngestFixtures.File("article.html")); // installs Parley's own handler first
        SmartReader.Reader.SetBaseHttpClientHandler(recorder);
        try
        {
            var items = IngestFixtures.Read(IngestFixtures.File("article.html"), IngestFixtures.File("jsonld.htm"));
            Assert.All(items, i => Assert.NotNull(i.Article));
        }
        finally
        {
            SmartReader.Reader.SetBaseHttpClientHandler(new HtmlReader.OfflineHandler());
        }
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public void The_offline_handler_refuses_any_request()
    {
        using var client = new HttpClient(new HtmlReader.OfflineHandler());
        var e = Assert.Throws<InvalidOperationException>(() => client.GetAsync("http://203.0.113.9/").GetAwaiter().GetResult());
        Assert.Contains("does not fetch", e.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri?> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
                Requests.Add(request.RequestUri);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}

public class HtmlCharsetTests
{
    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">")]
    public void A_page_in_a_declared_legacy_charset_is_decoded(string meta)
    {
        using var tmp = new TempDir();
        byte[] bytes = [.. System.Text.Encoding.ASCII.GetBytes("<html><head>" + meta + "</head><body><p>The minister arrived in Bogot"), 0xE1, .. " today.</p></body></html>"u8];
        var item = Assert.Single(IngestFixtures.Read(tmp.Write("page.html", bytes)));
        Assert.Equal("The minister arrived in Bogotá today.", item.Article?.Text);
    }

    [Fact]
    public void A_page_declaring_utf8_that_is_not_stays_a_failure()
    {
        using var tmp = new TempDir();
        byte[] bytes = [.. "<html><head><meta charset=\"utf-8\"></head><body><p>Bogot"u8, 0xE1, .. "</p></body></html>"u8];
        var item = Assert.Single(IngestFixtures.Read(tmp.Write("page.html", bytes)));
        Assert.Equal(Parley.Ingest.ErrorCodes.InvalidUtf8, item.Failure?.Code);
    }
}
