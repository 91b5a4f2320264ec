using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Parley.Documents;
using Parley.Temporal;

namespace Parley.Ingest;

/// <summary>
/// Reads an RSS 2.0 or Atom 1.0 feed: one article per item, its text the item's full content
/// (<c>content:encoded</c>, Atom <c>content</c>) or else its description or summary, cleaned of HTML.
/// </summary>
/// <remarks>
/// The XML reader refuses DTDs and resolves nothing, so an entity bomb ("billion laughs") or an
/// external entity (<c>file:///etc/passwd</c>) fails the feed with <see cref="ErrorCodes.MalformedFeed"/>
/// before any expansion. An item without text fails on its own with <see cref="ErrorCodes.NoText"/>
/// (a feed of headlines only gives nothing to extract from); the other items still load.
/// </remarks>
internal static class FeedReader
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Marks a date the parser read without a time of day (one tick past midnight).</summary>
    private const long NoTimeTicks = 1;

    public static IEnumerable<IngestItem> Read(string origin, string name, byte[] bytes, long maxBytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = Math.Max(maxBytes, bytes.Length) * 2,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        SyndicationFeed feed;
        try
        {
            using var xml = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            xml.MoveToContent();
            SyndicationFeedFormatter formatter = new Rss20FeedFormatter();
            if (!formatter.CanRead(xml))
                formatter = new Atom10FeedFormatter();
            if (!formatter.CanRead(xml))
                return [IngestItem.Fail(origin, ErrorCodes.MalformedFeed,
                    $"XML with root element <{xml.Name}> is not an RSS 2.0 or Atom feed; Parley reads <rss> and Atom <feed> documents")];
            formatter.DateTimeParser = ParseDate;
            formatter.ReadFrom(xml);
            feed = formatter.Feed;
        }
        catch (XmlException e) when (DeclaresDtd(bytes))
        {
            return [IngestItem.Fail(origin, ErrorCodes.MalformedFeed,
                $"the feed declares a DTD (<!DOCTYPE> at line {e.LineNumber}), which Parley refuses: its entities could expand without bound or read local files. Remove the DOCTYPE and its entity declarations")];
        }
        catch (XmlException e)
        {
            return [IngestItem.Fail(origin, ErrorCodes.MalformedFeed,
                $"not well-formed XML ({e.Message}); the feed may be truncated: download it again")];
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or UriFormatException)
        {
            return [IngestItem.Fail(origin, ErrorCodes.MalformedFeed, $"the feed's structure could not be read ({e.Message})")];
        }
        return Items(origin, name, feed);
    }

    private static IEnumerable<IngestItem> Items(string origin, string name, SyndicationFeed feed)
    {
        int n = 0;
        foreach (var item in feed.Items)
        {
            n++;
            string? link = Link(item);
            string? guid = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim();
            string id = guid ?? link ?? string.Create(CultureInfo.InvariantCulture, $"{name}#{n}");
            string? title = item.Title is null ? null : NonBlank(HtmlText.FromFragment(item.Title.Text));
            string text = HtmlText.FromFragment(Content(item));
            if (text.Length == 0)
            {
                yield return IngestItem.Fail(origin, ErrorCodes.NoText,
                    $"item {n} ({title ?? id}) has no text: no content:encoded, content, description or summary; it is skipped");
                continue;
            }
            var when = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            PartialDate? published = null;
            string? time = null;
            if (when != default && when != DateTimeOffset.MinValue)
            {
                published = PartialDate.OfDay(when.Year, when.Month, when.Day);
                if (when.TimeOfDay.Ticks != NoTimeTicks)
                    time = when.ToString(when.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
            }
            if (published is null && UrlDate.TryParse(link, out var fromUrl))
                published = fromUrl;
            yield return IngestItem.Ok(new RawArticle
            {
                Id = id,
                Text = text,
                Kind = InputKind.Feed,
                Origin = origin,
                Url = link,
                Headline = title,
                Published = published,
                PublishedTime = time,
            });
        }
        if (n == 0)
            yield return IngestItem.Fail(origin, ErrorCodes.NoText, "the feed has no items");
    }

    private static string? Content(SyndicationItem item)
    {
        foreach (var ext in item.ElementExtensions)
        {
            if (ext.OuterName == "encoded" && ext.OuterNamespace == ContentNamespace)
            {
                using var r = ext.GetReader();
                var s = r.ReadElementContentAsString();
                if (!string.IsNullOrWhiteSpace(s))
                    return s;
            }
        }
        switch (item.Content)
        {
            case TextSyndicationContent t when !string.IsNullOrWhiteSpace(t.Text):
                return t.Text;
            case XmlSyndicationContent x:
                using (var r = x.GetReaderAtContent())
                {
                    var inner = r.ReadInnerXml();
                    if (!string.IsNullOrWhiteSpace(inner))
                        return inner;
                }
                break;
        }
        return item.Summary?.Text;
    }

    private static string? Link(SyndicationItem item)
    {
        foreach (var l in item.Links)
        {
            if (l.Uri is null || (l.RelationshipType is not null && l.RelationshipType != "alternate"))
                continue;
            return l.Uri.IsAbsoluteUri ? l.Uri.AbsoluteUri : l.Uri.OriginalString;
        }
        return null;
    }

    /// <summary>
    /// Lenient dates: a feed with a sloppy pubDate still loads (the date is then unknown) instead of
    /// failing whole, as the default parser would.
    /// </summary>
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = DateTimeOffset.MinValue;
        if (!MetadataDate.TryParse(data.DateTimeString, out var date, out var time) || date.Precision != DatePrecision.Day)
            return true;
        var day = new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Unspecified);
        if (time is null)
        {
            value = new DateTimeOffset(day.AddTicks(NoTimeTicks), TimeSpan.Zero);
            return true;
        }
        // Keep the clock time and offset as written.
        if (DateTimeOffset.TryParse(data.DateTimeString, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var full)
            && full.Year == date.Year && full.Month == date.Month && full.Day == date.Day)
            value = full;
        else
            value = new DateTimeOffset(day + TimeSpan.ParseExact(time.Length == 5 ? time + ":00" : time, "c", CultureInfo.InvariantCulture), TimeSpan.Zero);
        return true;
    }

    private static bool DeclaresDtd(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        return head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || head.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);
    }

    private static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
