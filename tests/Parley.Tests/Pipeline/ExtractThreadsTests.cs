using Parley.Cli.Commands;
using Parley.Tests.Storage;
using Xunit;

namespace Parley.Tests.Pipeline;

/// <summary><c>parley extract --threads</c>: the same lines, in the same order, whatever the number of threads.</summary>
public class ExtractThreadsTests
{
    [Fact]
    public void Extract_prints_the_same_events_and_errors_in_the_same_order_on_any_number_of_threads()
    {
        using var dir = new TempDir();
        var bad = dir.File("b-empty.txt");
        File.WriteAllText(bad, "");
        var dev = Path.Combine(SharedFiles.Dir, "eval", "dev", "articles.jsonl");
        (int Rc, string Output, string Errors) Extract(int threads)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int rc = ExtractCommand.Run([SharedFiles.Seeds, bad, dev, dir.File("missing.txt")], null, "jsonl", output, error, threads);
            return (rc, output.ToString(), error.ToString());
        }
        var one = Extract(1);
        Assert.Equal(1, one.Rc);
        Assert.True(one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 40);
        var errors = one.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Contains("PARLEY-E003", errors[0]);
        Assert.Contains("PARLEY-E001", errors[1]);
        foreach (int threads in new[] { 2, 3 })
            Assert.Equal(one, Extract(threads));
    }
}
