using Parley.Cli.Commands;
using Parley.Ingest;

namespace Parley.Tests.Ingest;

public class InspectCommandTests
{
    [Fact]
    public void Prints_the_good_inputs_and_one_error_line_per_bad_one_then_exits_1()
    {
        using var tmp = new TempDir();
        var good = tmp.Write("good.txt", "The foreign ministers of Arland and Belvia met on Tuesday.");
        var empty = tmp.Write("empty.txt", "");
        var missing = Path.Combine(tmp.Path, "missing.txt");
        var page = IngestFixtures.File("article.html");
        var bomb = IngestFixtures.File("entity-bomb.xml");
        var output = new StringWriter();
        var error = new StringWriter();

        int rc = InspectCommand.Run([good, empty, missing, page, bomb], null, output, error);

        Assert.Equal(1, rc);
        var outLines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, outLines.Length);
        Assert.Contains("\"doc\":\"good.txt\"", outLines[0], StringComparison.Ordinal);
        Assert.Contains("\"doc\":\"article.html\"", outLines[1], StringComparison.Ordinal);
        var errLines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [$"parley: {empty}: {ErrorCodes.Empty}", $"parley: {missing}: {ErrorCodes.NotFound}", $"parley: {bomb}: {ErrorCodes.MalformedFeed}"],
            errLines.Select(l => l[..l.IndexOf(": PARLEY-", StringComparison.Ordinal)] + l.Substring(l.IndexOf(": PARLEY-", StringComparison.Ordinal), 13)));
    }

    [Fact]
    public void Exits_0_when_every_input_reads()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = InspectCommand.Run([IngestFixtures.File("feed.atom")], null, output, error);
        Assert.Equal(0, rc);
        Assert.Equal("", error.ToString());
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
