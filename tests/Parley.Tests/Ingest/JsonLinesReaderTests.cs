using System.Text;
using Parley.Documents;
using Parley.Ingest;

namespace Parley.Tests.Ingest;

public class JsonLinesReaderTests
{
    [Fact]
    public void All_twenty_dev_articles_load_with_their_dates_and_urls()
    {
        var path = Path.Combine(SharedFiles.Dir, "eval", "dev", "articles.jsonl");
        var items = IngestFixtures.Read(path);
        Assert.Equal(20, items.Count);
        Assert.All(items, i => Assert.Null(i.Failure));
        var articles = items.Select(i => i.Article!).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"d{n:00}.txt"), articles.Select(a => a.Id));
        Assert.All(articles, a =>
        {
            Assert.Equal(InputKind.JsonLines, a.Kind);
            Assert.NotNull(a.Published);
            Assert.StartsWith("http", a.Url, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(a.Text));
        });
        Assert.Equal("2018-02-10", articles[0].Published.ToString());
        Assert.Equal("https://en.yna.co.kr/view/AEN20201005003900325", articles[1].Url);
        Assert.Equal("2024-02-22", articles[5].Published.ToString());
    }

    [Fact]
    public void Bad_lines_fail_alone_with_their_line_number_and_the_rest_load()
    {
        var path = IngestFixtures.File("crawl.jsonl");
        var items = IngestFixtures.Read(path);
        // 9 lines: one blank (skipped), three bad, five good.
        Assert.Equal(8, items.Count);
        var failures = items.Where(i => i.Failure is not null).Select(i => i.Failure!).ToList();
        Assert.Equal([path + ":3", path + ":7", path + ":8"], failures.Select(f => f.Origin));
        Assert.All(failures, f => Assert.Equal(ErrorCodes.MalformedJson, f.Code));
        Assert.Contains("not valid JSON", failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("array", failures[1].Message, StringComparison.Ordinal);
        Assert.Contains("\"text\"", failures[2].Message, StringComparison.Ordinal);

        var ids = items.Where(i => i.Article is not null).Select(i => i.Article!.Id).ToList();
        Assert.Equal(["k1", "k2", "https://news.example.com/2022-10-18-envoy-talks", "crawl.jsonl:6", "8"], ids);
    }

    [Fact]
    public void Fields_map_to_the_article_and_timestamps_keep_their_time()
    {
        var items = IngestFixtures.Read(IngestFixtures.File("crawl.jsonl")).Where(i => i.Article is not null).Select(i => i.Article!).ToList();
        var k1 = items[0];
        Assert.Equal("The presidents of Arland and Belvia met in Castella.", k1.Text);
        Assert.Equal("2023-03-14", k1.Published.ToString());
        Assert.Null(k1.PublishedTime);
        Assert.Equal("https://ledger.example.org/k1", k1.Url);
        Assert.Equal("The Northern Ledger", k1.Outlet);
        Assert.Equal("Presidents meet", k1.Headline);
        Assert.EndsWith("crawl.jsonl:1", k1.Origin, StringComparison.Ordinal);

        Assert.Equal("2021-07-08", items[1].Published.ToString());
        Assert.Equal("09:15:00", items[1].PublishedTime);
        Assert.Equal("2022-10-18", items[2].Published.ToString()); // from the URL
        Assert.Null(items[3].Published);
        Assert.Equal("2020-10-05", items[4].Published.ToString()); // "not a date" ignored, the Yonhap URL used
    }

    [Fact]
    public void The_size_limit_applies_per_line_so_a_big_crawl_streams_through()
    {
        using var tmp = new TempDir();
        var sb = new StringBuilder();
        for (int i = 0; i < 200; i++)
            sb.Append("{\"id\": \"a").Append(i).Append("\", \"text\": \"The envoy arrived in the capital on Monday.\"}\n");
        sb.Append("{\"id\": \"huge\", \"text\": \"").Append('x', 5000).Append("\"}\n");
        sb.Append("{\"id\": \"last\", \"text\": \"The envoy left.\"}");
        var path = tmp.Write("crawl.ndjson", sb.ToString());
        var options = new IngestOptions { MaxBytes = 1024 };
        Assert.True(new FileInfo(path).Length > 10 * options.MaxBytes);

        var items = IngestFixtures.Read(options, path);
        Assert.Equal(202, items.Count);
        Assert.Equal(201, items.Count(i => i.Article is not null));
        var tooLarge = Assert.Single(items, i => i.Failure is not null).Failure!;
        Assert.Equal(ErrorCodes.TooLarge, tooLarge.Code);
        Assert.Equal(path + ":201", tooLarge.Origin);
        Assert.Equal("last", items[^1].Article!.Id);
    }

    [Fact]
    public void Reads_from_a_stream_that_never_reports_its_length()
    {
        var lines = "{\"id\": \"s1\", \"text\": \"One.\"}\r\n{\"id\": \"s2\", \"text\": \"Two.\"}\r\n";
        var reader = new ArticleReader(new IngestOptions { MaxBytes = 64 }, () => new TrickleStream(Encoding.UTF8.GetBytes(lines)));
        var items = reader.Read(["-"]).ToList();
        Assert.Equal(["s1", "s2"], items.Select(i => i.Article?.Id));
        Assert.Equal("Two.", items[1].Article!.Text);
        Assert.Equal("-:2", items[1].Article!.Origin);
    }

    [Fact]
    public void Invalid_utf8_on_one_line_fails_that_line_only()
    {
        using var tmp = new TempDir();
        var bytes = new List<byte>();
        bytes.AddRange("\uFEFF{\"id\": \"ok1\", \"text\": \"Fine.\"}\n"u8.ToArray());
        bytes.AddRange("{\"id\": \"bad\", \"text\": \"caf"u8.ToArray());
        bytes.Add(0xE9); // Latin-1 é
        bytes.AddRange("\"}\n{\"id\": \"ok2\", \"text\": \"Also fine.\"}\n"u8.ToArray());
        var path = tmp.Write("mixed.jsonl", bytes.ToArray());
        var items = IngestFixtures.Read(path);
        Assert.Equal(3, items.Count);
        Assert.Equal("ok1", items[0].Article?.Id); // a leading byte-order mark is fine
        Assert.Equal(ErrorCodes.InvalidUtf8, items[1].Failure?.Code);
        Assert.Equal(path + ":2", items[1].Failure!.Origin);
        Assert.Equal("ok2", items[2].Article?.Id);
    }

    [Theory]
    [InlineData("\n\n  \n")]
    [InlineData("\r\n")]
    public void A_file_of_blank_lines_is_one_empty_failure(string content)
    {
        using var tmp = new TempDir();
        var item = Assert.Single(IngestFixtures.Read(tmp.Write("blank.jsonl", content)));
        Assert.Equal(ErrorCodes.Empty, item.Failure?.Code);
    }

    [Fact]
    public void Json_lines_without_the_extension_are_recognised_by_the_leading_brace()
    {
        using var tmp = new TempDir();
        var item = Assert.Single(IngestFixtures.Read(tmp.Write("export", "  {\"id\": \"x\", \"text\": \"The envoy arrived.\"}")));
        Assert.Equal(InputKind.JsonLines, item.Article?.Kind);
    }

    /// <summary>Hands out a few bytes per read and no length, like a pipe.</summary>
    private sealed class TrickleStream(byte[] data) : Stream
    {
        private int _pos;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 7), data.Length - _pos);
            Array.Copy(data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public class JsonDocumentInputTests
{
    [Theory]
    [InlineData("pretty.json", "{\n  \"id\": \"a\",\n  \"text\": \"The envoy arrived.\"\n}\n")]
    [InlineData("array.jsonl", "[\n  {\"id\": \"a\", \"text\": \"The envoy arrived.\"},\n  {\"id\": \"b\", \"text\": \"The envoy left.\"}\n]\n")]
    public void An_indented_json_document_is_one_failure_not_one_per_line(string name, string content)
    {
        using var tmp = new TempDir();
        var item = Assert.Single(IngestFixtures.Read(tmp.Write(name, content)));
        Assert.Equal(ErrorCodes.MalformedJson, item.Failure?.Code);
        Assert.Contains("jq -c", item.Failure!.Message, StringComparison.Ordinal);
    }
}
