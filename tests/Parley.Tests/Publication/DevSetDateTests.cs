using System.Text.Json;
using Parley.Cleaning;
using Parley.Documents;
using Parley.Pipeline;
using Xunit.Abstractions;

namespace Parley.Tests.Publication;

/// <summary>
/// Publication dates recovered from the dev articles' text alone (their "published" field and URL are
/// withheld). Most dev texts lost their date line when they were stored, so recall is low by
/// construction; what is asserted is that the dates found are right and that none found before is lost.
/// </summary>
public class DevSetDateTests(ITestOutputHelper output)
{
    /// <summary>Dev articles whose text carries its own publication date, all recovered today.</summary>
    private static readonly string[] Recovered = ["d01.txt", "d04.txt", "d05.txt", "d07.txt", "d12.txt", "d15.txt", "d17.txt", "d19.txt"];

    [Fact]
    public void Dates_read_from_dev_texts_alone_are_right()
    {
        var pipeline = new PipelineBuilder().Add(new Cleaner()).Add(new PublicationReader()).Build();
        string path = Path.Combine(SharedFiles.Dir, "eval", "dev", "articles.jsonl");
        int total = 0;
        var right = new List<string>();
        var wrong = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var json = JsonDocument.Parse(line);
            string id = json.RootElement.GetProperty("id").GetString()!;
            string text = json.RootElement.GetProperty("text").GetString()!;
            string? gold = json.RootElement.TryGetProperty("published", out var p) ? p.GetString() : null;
            total++;
            var doc = pipeline.Run(new RawArticle { Id = id, Text = text, Kind = InputKind.JsonLines, Origin = path });
            string? got = doc.Info.Published?.ToString();
            output.WriteLine($"{id}: text {got ?? "-"}, gold {gold}");
            if (got is null)
                continue;
            if (got == gold)
                right.Add(id);
            else
                wrong.Add($"{id}: read {got}, gold {gold}");
        }
        output.WriteLine($"recovered {right.Count} of {total} publication dates from text alone");
        Assert.Equal(20, total);
        Assert.Empty(wrong);
        Assert.Superset(Recovered.ToHashSet(), right.ToHashSet());
    }
}
