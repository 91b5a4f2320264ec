using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Parley.Documents;
using Parley.Temporal;

namespace Parley.Ingest;

/// <summary>
/// Reads one saved web page: the article body (via SmartReader's readability port, so menus,
/// footers and related links are dropped), its title, and the publication date, outlet and URL
/// from the page's metadata.
/// </summary>
/// <remarks>
/// Nothing is ever fetched. The page is parsed by AngleSharp in a browsing context with no loader
/// (no images, styles, scripts or frames are requested) and handed to SmartReader as a parsed
/// document, which is the one SmartReader entry point that does not download the page itself.
/// SmartReader's own image helpers (<c>GetImagesAsync</c>, <c>ConvertImagesToDataUriAsync</c>) are
/// never called.
/// </remarks>
internal sealed class HtmlReader
{
    /// <summary>Meta tags that carry the publication date, most trustworthy first.</summary>
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "datePublished", "parsely-pub-date", "sailthru.date",
        "DC.date.issued", "dcterms.issued", "DC.date", "pubdate", "publishdate", "date",
    ];

    private readonly HtmlParser _parser = new(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));

    static HtmlReader()
    {
        // Belt and braces: should a SmartReader code path ever try the network, it fails here
        // instead of reaching it. The handler is SmartReader's own, process-wide; only Parley uses it.
        SmartReader.Reader.SetBaseHttpClientHandler(new OfflineHandler());
    }

    public IEnumerable<IngestItem> Read(string origin, string name, string html)
    {
        IHtmlDocument doc;
        try
        {
            doc = _parser.ParseDocument(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [IngestItem.Fail(origin, ErrorCodes.MalformedHtml, $"the page could not be parsed as HTML ({e.Message})")];
        }

        // Metadata first: SmartReader rewrites the document as it works.
        var meta = PageMetadata.Read(doc);
        var (title, body) = ExtractBody(doc, meta.Url);
        if (string.IsNullOrWhiteSpace(body))
        {
            // Readability keeps only the best-scoring block; a page too small to score still has text.
            body = doc.Body is null ? "" : HtmlText.FromElement(doc.Body, dropChrome: true);
        }
        if (string.IsNullOrWhiteSpace(body))
            return [IngestItem.Fail(origin, ErrorCodes.NoText,
                "the page has no text to extract (only markup, scripts or images); save the article's own page, or its text as .txt")];

        var published = meta.Published;
        if (published is null && UrlDate.TryParse(meta.Url, out var fromUrl))
            published = fromUrl;
        return [IngestItem.Ok(new RawArticle
        {
            Id = name,
            Text = body,
            Kind = InputKind.Html,
            Origin = origin,
            Url = meta.Url,
            Outlet = meta.SiteName,
            Headline = NonBlank(title) ?? meta.Title,
            Published = published,
            PublishedTime = meta.Published is null ? null : meta.PublishedTime,
        })];
    }

    private static (string? Title, string Body) ExtractBody(IHtmlDocument doc, string? url)
    {
        try
        {
            var reader = new SmartReader.Reader(BaseUri(url), doc) { Debug = false, ContinueIfNotReadable = true };
            IElement? content = null;
            reader.AddCustomOperationEnd(el => content = el);
            var article = reader.GetArticle();
            string text = content is null ? "" : HtmlText.FromElement(content, dropChrome: false);
            return (NonBlank(article.Title), text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // SmartReader gave up on this page's structure; the caller falls back to the whole body.
            return (null, "");
        }
    }

    /// <summary>SmartReader wants an absolute URI for resolving links; any will do, it is never fetched.</summary>
    private static string BaseUri(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u.AbsoluteUri
            : "https://localhost/";

    private static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Refuses every request: Parley reads saved pages and never fetches.</summary>
    internal sealed class OfflineHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Parley does not fetch from the network (refused {request.RequestUri})");
    }

    /// <summary>What the page's head says about itself.</summary>
    internal sealed record PageMetadata(string? Title, string? SiteName, string? Url, PartialDate? Published, string? PublishedTime)
    {
        public static PageMetadata Read(IHtmlDocument doc)
        {
            var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in doc.QuerySelectorAll("meta"))
            {
                var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
                var value = m.GetAttribute("content");
                if (key is not null && !string.IsNullOrWhiteSpace(value))
                    metas.TryAdd(key.Trim(), value.Trim());
            }
            var ld = JsonLd.Read(doc);

            PartialDate? published = null;
            string? time = null;
            foreach (var key in DateMetaNames)
            {
                string? raw = key == "datePublished" ? ld.DatePublished ?? Get(metas, key) : Get(metas, key);
                if (raw is not null && MetadataDate.TryParse(raw, out var d, out time))
                {
                    published = d;
                    break;
                }
            }
            if (published is null)
            {
                foreach (var t in doc.QuerySelectorAll("time[datetime]"))
                {
                    if (MetadataDate.TryParse(t.GetAttribute("datetime"), out var d, out time))
                    {
                        published = d;
                        break;
                    }
                }
            }
            if (published is null)
                time = null;

            string? url = AbsoluteHttp(doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"))
                ?? AbsoluteHttp(Get(metas, "og:url"))
                ?? AbsoluteHttp(ld.Url);
            string? site = Get(metas, "og:site_name") ?? ld.Publisher ?? Get(metas, "application-name");
            string? title = Get(metas, "og:title") ?? ld.Headline ?? NonBlank(doc.Title);
            return new PageMetadata(title, site, url, published, time);
        }

        private static string? Get(Dictionary<string, string> metas, string key) => metas.TryGetValue(key, out var v) ? v : null;

        private static string? AbsoluteHttp(string? s) =>
            s is not null && Uri.TryCreate(s.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
                ? s.Trim()
                : null;
    }

    /// <summary>The schema.org fields of the page's JSON-LD blocks that Parley uses (first found wins).</summary>
    private sealed class JsonLd
    {
        public string? DatePublished { get; private set; }

        public string? Headline { get; private set; }

        public string? Publisher { get; private set; }

        public string? Url { get; private set; }

        public static JsonLd Read(IHtmlDocument doc)
        {
            var ld = new JsonLd();
            foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions
                    {
                        AllowTrailingCommas = true,
                        CommentHandling = JsonCommentHandling.Skip,
                        MaxDepth = 32,
                    });
                    ld.Visit(json.RootElement, 0);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common and harmless: the meta tags still count.
                }
            }
            return ld;
        }

        private void Visit(JsonElement e, int depth)
        {
            if (depth > 8)
                return;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                    Visit(item, depth + 1);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object)
                return;
            DatePublished ??= String(e, "datePublished") ?? String(e, "dateCreated");
            Headline ??= String(e, "headline");
            if (e.TryGetProperty("mainEntityOfPage", out var page))
                Url ??= page.ValueKind == JsonValueKind.String ? page.GetString() : String(page, "@id");
            if (e.TryGetProperty("publisher", out var pub))
                Publisher ??= pub.ValueKind == JsonValueKind.String ? pub.GetString() : String(pub, "name");
            if (e.TryGetProperty("@graph", out var graph))
                Visit(graph, depth + 1);
        }

        private static string? String(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(v.GetString())
                ? v.GetString()!.Trim()
                : null;
    }
}
