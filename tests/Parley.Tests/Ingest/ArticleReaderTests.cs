using System.Text;
using Parley.Documents;
using Parley.Ingest;

namespace Parley.Tests.Ingest;

/// <summary>One bad input is one failure with a stable code, and the stream goes on.</summary>
public class ArticleReaderTests
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0];

    public static TheoryData<string, byte[], string> BadInputs => new()
    {
        { "empty.txt", [], ErrorCodes.Empty },
        { "blank.txt", Encoding.UTF8.GetBytes(" \n\t\r\n  \n"), ErrorCodes.Empty },
        { "image.png", PngHeader, ErrorCodes.Binary },
        { "disguised.txt", PngHeader, ErrorCodes.Binary },
        { "latin1.txt", [.. "The minister met her counterpart in Bogot"u8, 0xE1, (byte)'.'], ErrorCodes.InvalidUtf8 },
        { "utf16.txt", [0xFF, 0xFE, (byte)'H', 0, (byte)'i', 0], ErrorCodes.InvalidUtf8 },
        { "latin1.html", [.. "<html><body><p>Bogot"u8, 0xE1, .. "</p></body></html>"u8], ErrorCodes.InvalidUtf8 },
        { "empty.html", [], ErrorCodes.Empty },
        { "empty.rss", [], ErrorCodes.Empty },
        { "binary.jsonl", PngHeader, ErrorCodes.Binary },
        { "blank.html", "   \n"u8.ToArray(), ErrorCodes.NoText },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_input_is_exactly_one_failure_naming_the_file(string name, byte[] bytes, string code)
    {
        using var tmp = new TempDir();
        var path = tmp.Write(name, bytes);
        var item = Assert.Single(IngestFixtures.Read(path));
        Assert.Null(item.Article);
        Assert.Equal(code, item.Failure?.Code);
        Assert.Equal(path, item.Failure!.Origin);
        Assert.DoesNotContain('\n', item.Failure.ToString());
    }

    [Fact]
    public void A_missing_path_is_not_found_and_the_next_path_still_reads()
    {
        using var tmp = new TempDir();
        var good = tmp.Write("good.txt", "The envoy arrived.");
        var missing = Path.Combine(tmp.Path, "nope.txt");
        var items = IngestFixtures.Read(missing, good);
        Assert.Equal(2, items.Count);
        Assert.Equal(ErrorCodes.NotFound, items[0].Failure?.Code);
        Assert.Equal(missing, items[0].Failure!.Origin);
        Assert.Equal("good.txt", items[1].Article?.Id);
    }

    [Fact]
    public void Over_the_size_limit_is_refused_with_sizes_a_person_can_read()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("long.txt", new string('a', 3000));
        var item = Assert.Single(IngestFixtures.Read(new IngestOptions { MaxBytes = 1024 }, path));
        Assert.Equal(ErrorCodes.TooLarge, item.Failure?.Code);
        Assert.Contains("2.9 KB", item.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("1 KB limit", item.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long.html")]
    [InlineData("long.rss")]
    public void The_size_limit_holds_for_pages_and_feeds(string name)
    {
        using var tmp = new TempDir();
        var path = tmp.Write(name, "<html><body><p>" + new string('a', 3000) + "</p></body></html>");
        var item = Assert.Single(IngestFixtures.Read(new IngestOptions { MaxBytes = 1024 }, path));
        Assert.Equal(ErrorCodes.TooLarge, item.Failure?.Code);
    }

    [Fact]
    public void Standard_input_over_the_limit_is_refused_without_a_known_length()
    {
        var reader = new ArticleReader(new IngestOptions { MaxBytes = 100 }, () => new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 20000))));
        var item = Assert.Single(reader.Read(["-"]));
        Assert.Equal(ErrorCodes.TooLarge, item.Failure?.Code);
        Assert.Equal("-", item.Failure!.Origin);
    }

    [Fact]
    public void Standard_input_is_sniffed_like_a_file()
    {
        var html = "<!DOCTYPE html><html><head><meta property=\"og:site_name\" content=\"Ledger\"></head><body><p>The envoy arrived.</p></body></html>";
        var reader = new ArticleReader(null, () => new MemoryStream(Encoding.UTF8.GetBytes(html)));
        var a = Assert.Single(reader.Read(["-"])).Article!;
        Assert.Equal(InputKind.Html, a.Kind);
        Assert.Equal("stdin", a.Id);
        Assert.Equal("Ledger", a.Outlet);
    }

    [Fact]
    public void A_folder_of_good_and_bad_files_gives_the_good_ones_in_name_order()
    {
        using var tmp = new TempDir();
        tmp.Write("c.txt", "Third article.");
        tmp.Write("a.txt", "First article.");
        tmp.Write("b-empty.txt", "");
        tmp.Write("b.png", PngHeader);
        tmp.Write("d/e.txt", "Nested article.");
        tmp.Write("d/f.html", "<html><body><p>A nested page.</p></body></html>");
        tmp.Write(".DS_Store", PngHeader); // hidden: not an article, not a failure
        var items = IngestFixtures.Read(tmp.Path);

        Assert.Equal(["a.txt", "c.txt", "e.txt", "f.html"], items.Where(i => i.Article is not null).Select(i => i.Article!.Id));
        Assert.Equal(
            [(Path.Combine(tmp.Path, "b-empty.txt"), ErrorCodes.Empty), (Path.Combine(tmp.Path, "b.png"), ErrorCodes.Binary)],
            items.Where(i => i.Failure is not null).Select(i => (i.Failure!.Origin, i.Failure.Code)));
        // Failures come in their place in name order, not at the end.
        Assert.Equal("a.txt", items[0].Article?.Id);
        Assert.NotNull(items[1].Failure);
        Assert.NotNull(items[2].Failure);
        Assert.Equal("c.txt", items[3].Article?.Id);
    }

    [Theory]
    [InlineData("notes.txt", "<html><body><p>Saved as text.</p></body></html>", InputKind.PlainText)] // .txt is always text
    [InlineData("notes.txt", "{\"id\": \"x\", \"text\": \"y\"}", InputKind.PlainText)]
    [InlineData("README", "The envoy arrived on Monday.", InputKind.PlainText)]
    [InlineData("story.md", "<b>bold</b> is not a page", InputKind.PlainText)]
    public void Extensions_win_and_unknown_content_is_plain_text(string name, string content, InputKind kind)
    {
        using var tmp = new TempDir();
        var item = Assert.Single(IngestFixtures.Read(tmp.Write(name, content)));
        Assert.Equal(kind, item.Article?.Kind);
        Assert.Equal(content, item.Article!.Text);
    }

    [Fact]
    public void Plain_text_is_kept_exactly_but_for_a_byte_order_mark()
    {
        using var tmp = new TempDir();
        const string text = "Headline\r\n\r\nSEOUL, July 8 (Yonhap) -- Text  with  spaces.\n";
        var a = Assert.Single(IngestFixtures.Read(tmp.Write("a.txt", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)]))).Article!;
        Assert.Equal(text, a.Text);
        Assert.Equal(InputKind.PlainText, a.Kind);
        Assert.Null(a.Published);
    }

    [Fact]
    public void A_stream_that_throws_midway_becomes_one_failure_and_reading_goes_on()
    {
        using var tmp = new TempDir();
        var good = tmp.Write("good.txt", "The envoy arrived.");
        var reader = new ArticleReader(null, () => new FailingStream());
        var items = reader.Read(["-", good]).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(ErrorCodes.Unreadable, items[0].Failure?.Code);
        Assert.Equal("good.txt", items[1].Article?.Id);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("device gone");

        public override int Read(Span<byte> buffer) => throw new IOException("device gone");
    }
}

public class IngestItemTests
{
    [Fact]
    public void Failure_messages_are_folded_onto_one_line()
    {
        // Runtime exception messages (e.g. a missing assembly) can end in a line break.
        var f = IngestItem.Fail("a.html", ErrorCodes.Unreadable, "could not load file.\r\n   at something\n").Failure!;
        Assert.Equal("a.html: PARLEY-E002: could not load file. at something", f.ToString());
    }
}
