using Parley.Evaluation;

namespace Parley.Tests.Evaluation;

/// <summary>
/// The extraction quality the project has reached, as floors: a change that loses events on the
/// seeds, the dev set or the PLOVER sentences fails here. Raise a floor when the score rises.
/// </summary>
public class ScoreFloorTests
{
    internal const double SeedStrictF1 = 1.0;
    internal const double DevStrictF1 = 0.95;
    internal const int PloverRequiredFound = 8;
    internal const int PloverFalseContactsMax = 3;

    [Fact]
    public void Seeds_reach_the_strict_F1_floor()
    {
        var report = Scorer.Score(GoldSet.Load(Path.Combine(SharedFiles.Dir, "eval", "gold")), ExtractionRun.Extract(SharedFiles.Seeds));
        Assert.True(report.Strict.F1 >= SeedStrictF1, $"seed strict F1 {report.Strict.F1:F3} < {SeedStrictF1}\n{string.Join('\n', report.Lines)}");
    }

    [Fact]
    public void Dev_set_reaches_the_strict_F1_floor()
    {
        var dev = Path.Combine(SharedFiles.Dir, "eval", "dev");
        var report = Scorer.Score(GoldSet.Load(Path.Combine(dev, "gold")), ExtractionRun.Extract(Path.Combine(dev, "articles.jsonl")));
        Assert.True(report.Strict.F1 >= DevStrictF1, $"dev strict F1 {report.Strict.F1:F3} < {DevStrictF1}\n{string.Join('\n', report.Lines)}");
    }

    [Fact]
    public void Plover_sentences_find_the_contacts_and_few_false_ones()
    {
        var plover = Path.Combine(SharedFiles.Dir, "eval", "plover");
        var report = Scorer.Score(GoldSet.Load(Path.Combine(plover, "gold")), ExtractionRun.Extract(Path.Combine(plover, "docs")));
        int falseContacts = report.SystemEvents - report.LenientTp;
        Assert.True(report.LenientTp >= PloverRequiredFound && falseContacts <= PloverFalseContactsMax,
            $"PLOVER: {report.LenientTp} of {report.GoldEvents} required contacts, {falseContacts} false\n{string.Join('\n', report.Lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)))}");
    }
}
