using System.Diagnostics;
using System.Text.Json;
using Parley.Evaluation;
using Parley.Events;
using Parley.Export;
using Parley.Temporal;

namespace Parley.Tests.Evaluation;

public class ScorerTests
{
    private static ContactEvent Event(string doc, string? date, EventStatus status, params (string? Name, string Country)[] people) => new()
    {
        Status = status,
        Mode = ContactMode.InPerson,
        Date = PartialDate.TryParse(date, out var d) ? d : null,
        Participants = people.Select(p => new Participant(p.Name, p.Country, null)).ToList(),
        Doc = doc,
        Evidence = [],
    };

    [Fact]
    public void Exact_gold_events_score_one_and_a_wrong_date_is_lenient_only()
    {
        var gold = GoldSet.Load(Path.Combine(SharedFiles.Dir, "eval", "gold"));
        var perfect = gold.SelectMany(g => g.Events.Where(e => !e.Optional).Select(e => new ContactEvent
        {
            Status = e.Status,
            Mode = ContactMode.InPerson,
            Date = PartialDate.TryParse(e.Date, out var d) ? d : null,
            Participants = e.Participants,
            Doc = g.Doc,
            Evidence = [],
        })).ToList();
        Assert.Equal(1.0, Scorer.Score(gold, perfect).Strict.F1, 3);

        var shifted = perfect.Select(e => e with { Date = PartialDate.OfYear(1999) }).ToList();
        var r = Scorer.Score(gold, shifted);
        Assert.Equal(1.0, r.Lenient.F1, 3);
        Assert.True(r.Strict.F1 < 0.5);
    }

    [Theory]
    [InlineData("Noh Kyu-duk", "Noh Kyu Duk", true)]
    [InlineData("Shah Mahmood Qureshi", "Makhdoom Shah Mahmood Qureshi", true)]
    [InlineData("Liu", "Liu Xiaoming", false)]
    [InlineData("S. Jaishankar", "S Jaishankar", true)]
    [InlineData("Wang Yi", "Wang Qishan", false)]
    public void Names_match_as_score_py_matches_them(string a, string b, bool same) => Assert.Equal(same, Scorer.SamePerson(a, b));

    /// <summary>The C# scorer and shared/eval/score.py agree on the same system output.</summary>
    [Fact]
    public void Agrees_with_score_py()
    {
        var goldDir = Path.Combine(SharedFiles.Dir, "eval", "gold");
        var gold = GoldSet.Load(goldDir);
        var system = new List<ContactEvent>
        {
            Event("000_131e58168e36cc00.txt", "2021-11-01", EventStatus.Occurred, ("Noh Kyu-duk", "KOR"), ("Liu Xiaoming", "CHN")),
            Event("000_131e58168e36cc00.txt", "2021-10-31", EventStatus.Occurred, (null, "KOR"), (null, "CHN")),
            Event("001_715c26dfd235e189.txt", null, EventStatus.Planned, ("Liu", "CHN"), (null, "KOR")),
            Event("004_76d99d9a622251f2.txt", "2021-01-26", EventStatus.Occurred, ("Moon Jae-in", "KOR"), ("Xi Jinping", "CHN")),
            Event("004_76d99d9a622251f2.txt", "2021-01", EventStatus.Occurred, (null, "USA"), (null, "KOR")),
            Event("004_76d99d9a622251f2.txt", null, EventStatus.Occurred, (null, "JPN"), (null, "KOR")),
        };
        var mine = Scorer.Score(gold, system);
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, system.Select(EventJson.ToLine));
        var psi = new ProcessStartInfo("python3", [Path.Combine(SharedFiles.Dir, "eval", "score.py"), "--gold", goldDir, file, "--json"])
        {
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(psi)!;
        var json = JsonDocument.Parse(p.StandardOutput.ReadToEnd()).RootElement;
        p.WaitForExit();
        File.Delete(file);
        Assert.Equal(json.GetProperty("strict").GetProperty("f1").GetDouble(), Math.Round(mine.Strict.F1, 3), 3);
        Assert.Equal(json.GetProperty("lenient").GetProperty("f1").GetDouble(), Math.Round(mine.Lenient.F1, 3), 3);
        Assert.Equal(json.GetProperty("system_events").GetInt32(), mine.SystemEvents);
    }

    [Theory]
    [InlineData("José Pérez", "joseperez")] // NFKD in score.py; invariant globalization does not decompose
    [InlineData("Recep Tayyip Erdoğan", "receptayyiperdogan")]
    [InlineData("Straße", "strae")] // no decomposition: score.py drops the letter
    [InlineData("Łukasz", "ukasz")]
    public void Names_fold_as_score_py_folds_them(string name, string folded) =>
        Assert.Equal(folded, Parley.Evaluation.Scorer.NormName(name));
}
