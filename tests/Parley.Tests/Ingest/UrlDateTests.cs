using Parley.Ingest;
using Parley.Temporal;

namespace Parley.Tests.Ingest;

public class UrlDateTests
{
    [Theory]
    [InlineData("http://colombogazette.example/2020/02/01/president-postpones-visit/", "2020-02-01")]
    [InlineData("https://www.example.co.jp/news/2024/05/14/asia-pacific/politics/ministers-meeting", "2024-05-14")]
    [InlineData("https://example.com/2021/7/8/short-month-and-day", "2021-07-08")]
    [InlineData("https://www.example.co.za/politics/2022-10-18-watch-live-president-hosts-guest/", "2022-10-18")]
    [InlineData("http://www.example.org/sg/en/content/sg/readout/2023-09-17/readout-of-the-meeting", "2023-09-17")]
    [InlineData("https://example.com/politics/politics-government/20240222-170481", "2024-02-22")]
    [InlineData("https://example.com/archive/20210708.html", "2021-07-08")]
    [InlineData("https://en.yna.example/view/AEN20210708003900325", "2021-07-08")]
    [InlineData("https://www.yna.example/view/AKR20200402123400504?section=politics", "2020-04-02")]
    [InlineData("https://www.koreaherald.example/view.php?ud=20200402000123", "2020-04-02")]
    [InlineData("https://www.koreaherald.example/view.php?np=1&ud=20240222050097&mp=2", "2024-02-22")]
    [InlineData("https://www.example.com/2022/11/president-on-official-visit/", "2022-11")]
    [InlineData("https://www.example.cn/page/202310/1300740.shtml", "2023-10")]
    [InlineData("/2021/07/08/relative-path", "2021-07-08")]
    // A day anywhere beats a month found earlier.
    [InlineData("https://example.com/2022/11/archive/2022-11-25-talks", "2022-11-25")]
    public void Reads_the_date_a_url_carries(string url, string expected)
    {
        Assert.True(UrlDate.TryParse(url, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://example.com/")]
    [InlineData("https://example.com")]
    [InlineData("http://abcnews.example/International/story?id=52979427")] // 8 digits, but year 5297
    [InlineData("https://news.example/eng/news/665125.html")] // 6 digits, but year 6651
    [InlineData("https://example.com/2021/13/40/bad-month")] // month 13
    [InlineData("https://example.com/2021/02/30/no-such-day")] // 30 February, and 2021/02 as month? see below
    [InlineData("https://example.com/1850/05/06/too-old")]
    [InlineData("https://example.com/2150-01-01-too-late")]
    [InlineData("https://example.com/stories/202207081234567/")] // a long number is an id, not a date
    [InlineData("https://example.com/view.php?id=20200402000123")] // only the Korea Herald's ud= is a date
    [InlineData("https://2021.example.com/07/08/host-is-not-path")]
    public void Refuses_implausible_or_missing_dates(string? url)
    {
        if (url == "https://example.com/2021/02/30/no-such-day")
        {
            // The day is impossible, but the month still stands.
            Assert.True(UrlDate.TryParse(url, out var month));
            Assert.Equal(PartialDate.OfMonth(2021, 2), month);
            return;
        }
        Assert.False(UrlDate.TryParse(url, out _));
    }

    [Fact]
    public void Month_only_urls_give_month_precision_not_the_first_of_the_month()
    {
        Assert.True(UrlDate.TryParse("https://www.example.com/2022/11/president-visit/", out var d));
        Assert.Equal(DatePrecision.Month, d.Precision);
        Assert.Null(d.AsDate);
    }

    [Fact]
    public void Every_date_found_in_a_dev_set_url_agrees_with_its_published_date()
    {
        var path = Path.Combine(SharedFiles.Dir, "eval", "dev", "articles.jsonl");
        int found = 0;
        foreach (var item in new ArticleReader().Read([path]))
        {
            var a = item.Article!;
            if (!UrlDate.TryParse(a.Url, out var fromUrl))
                continue;
            found++;
            Assert.True(fromUrl.IsCompatibleWith(a.Published!.Value), $"{a.Id}: {a.Url} gave {fromUrl}, published {a.Published}");
        }
        // Yonhap, Korea Herald, Yomiuri, Japan Times (2), Times Live, Yucatan Times, UN, Global Times, Colombo Gazette.
        Assert.True(found >= 10, $"only {found} dev URLs carried a date");
    }
}
