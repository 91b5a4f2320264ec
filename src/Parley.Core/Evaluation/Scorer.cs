using System.Globalization;
using System.Text;
using Parley.Events;

namespace Parley.Evaluation;

/// <summary>Correct and total counts of one attribute.</summary>
public sealed class AttributeScore
{
    public int Correct { get; set; }

    public int Of { get; set; }

    public double? Accuracy => Of == 0 ? null : (double)Correct / Of;
}

/// <summary>Precision, recall and F1 of a set.</summary>
public readonly record struct Prf(double Precision, double Recall, double F1)
{
    public static Prf Of(int tp, int system, int gold)
    {
        double p = system > 0 ? (double)tp / system : gold == 0 ? 1 : 0;
        double r = gold > 0 ? (double)tp / gold : 1;
        return new Prf(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>The result of scoring a system's events against a gold set.</summary>
public sealed class ScoreReport
{
    public int Documents { get; set; }
    public int GoldEvents { get; set; }
    public int SystemEvents { get; set; }
    public int StrictTp { get; set; }
    public int LenientTp { get; set; }
    public SortedDictionary<string, AttributeScore> Attributes { get; } = new(StringComparer.Ordinal);
    public List<string> Lines { get; } = [];

    public Prf Strict => Prf.Of(StrictTp, SystemEvents, GoldEvents);

    public Prf Lenient => Prf.Of(LenientTp, SystemEvents, GoldEvents);
}

/// <summary>
/// Scores events by the contract of shared/eval/SCHEMA.md: within each document, system events pair
/// greedily with gold events of the same status and the same set of participant countries (the
/// closest date first); lenient counts the pairs, strict also wants the date; attributes are checked
/// over the pairs. An optional gold event neither counts for nor against.
/// </summary>
public static class Scorer
{
    public static ScoreReport Score(IReadOnlyList<GoldDocument> gold, IReadOnlyList<ContactEvent> system)
    {
        var report = new ScoreReport { Documents = gold.Count };
        var byDoc = system.GroupBy(e => Path.GetFileName(e.Doc)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var g in gold)
        {
            var sys = byDoc.GetValueOrDefault(g.Doc) ?? [];
            ScoreDocument(g, sys, report);
        }
        return report;
    }

    private static void ScoreDocument(GoldDocument g, List<ContactEvent> sys, ScoreReport report)
    {
        var cands = new List<(double W, int I, int J)>();
        for (int i = 0; i < sys.Count; i++)
            for (int j = 0; j < g.Events.Count; j++)
                if (sys[i].Status == g.Events[j].Status && Countries(sys[i]).SetEquals(Countries(g.Events[j])))
                    cands.Add((Weight(sys[i], g.Events[j]), i, j));
        // Same order as score.py: weight, then the later indices first on ties.
        cands.Sort((x, y) => y.W != x.W ? y.W.CompareTo(x.W) : y.I != x.I ? y.I.CompareTo(x.I) : y.J.CompareTo(x.J));
        var usedS = new HashSet<int>();
        var usedG = new HashSet<int>();
        var pairs = new List<(ContactEvent S, GoldEvent G)>();
        foreach (var (_, i, j) in cands)
        {
            if (usedS.Contains(i) || usedG.Contains(j))
                continue;
            usedS.Add(i);
            usedG.Add(j);
            pairs.Add((sys[i], g.Events[j]));
        }
        int optionalPairs = pairs.Count(p => p.G.Optional);
        var real = pairs.Where(p => !p.G.Optional).ToList();
        int goldCount = g.Events.Count(e => !e.Optional);
        int strict = real.Count(p => GoldSet.DateOk(p.S.Date, p.G));
        report.SystemEvents += sys.Count - optionalPairs;
        report.GoldEvents += goldCount;
        report.LenientTp += real.Count;
        report.StrictTp += strict;
        foreach (var (s, gd) in real)
        {
            Count(report, "date", GoldSet.DateOk(s.Date, gd));
            if (gd.Mode is not null and not "unknown")
                Count(report, "mode", s.Mode.ToWire() == gd.Mode);
            if (gd.Location is not null)
                Count(report, "location", SamePlace(s.Location, gd.Location));
            if (gd.DurationMinutes is not null)
                Count(report, "duration", s.DurationMinutes == gd.DurationMinutes);
            foreach (var p in gd.Participants.Where(p => p.Name is not null))
                Count(report, "names", s.Participants.Any(q => q.Name is not null && SamePerson(q.Name, p.Name!)
                    && string.Equals(q.Country, p.Country, StringComparison.OrdinalIgnoreCase)));
        }
        report.Lines.Add($"{g.Doc}: gold {goldCount} system {sys.Count - optionalPairs} strict-tp {strict} lenient-tp {real.Count}");
        for (int j = 0; j < g.Events.Count; j++)
            if (!usedG.Contains(j) && !g.Events[j].Optional)
                report.Lines.Add("  missed: " + Describe(g.Events[j].Status, g.Events[j].Mode, g.Events[j].Date, g.Events[j].Participants));
        for (int i = 0; i < sys.Count; i++)
            if (!usedS.Contains(i))
                report.Lines.Add("  extra:  " + Describe(sys[i].Status, sys[i].Mode.ToWire(), sys[i].Date?.ToString(), sys[i].Participants));
    }

    private static void Count(ScoreReport report, string attribute, bool ok)
    {
        if (!report.Attributes.TryGetValue(attribute, out var a))
            report.Attributes[attribute] = a = new AttributeScore();
        a.Of++;
        if (ok)
            a.Correct++;
    }

    private static string Describe(EventStatus status, string? mode, string? date, IReadOnlyList<Participant> ps) =>
        $"{status.ToWire()} {mode} {date ?? "None"} [{string.Join(", ", ps.Select(p => $"{p.Name ?? "?"} ({p.Country})"))}]";

    private static HashSet<string> Countries(ContactEvent e) => e.Participants.Select(p => p.Country.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Countries(GoldEvent e) => e.Participants.Select(p => p.Country.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    private static double Weight(ContactEvent s, GoldEvent g)
    {
        double w = (GoldSet.DateOk(s.Date, g) ? 10 : 1) + (g.Optional ? 0 : 0.5);
        w += s.Date?.ToString() == g.Date ? 1 : 0;
        w += s.Mode.ToWire() == g.Mode ? 1 : 0;
        foreach (var p in g.Participants.Where(p => p.Name is not null))
            if (s.Participants.Any(q => q.Name is not null && SamePerson(p.Name!, q.Name)))
                w += 1;
        return w;
    }

    /// <summary>Lower case, letters only, accents dropped (non-ASCII letters vanish, as in score.py).</summary>
    public static string NormName(string? s)
    {
        var plain = (s ?? "").Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(plain.Length);
        foreach (var c in plain)
            if (c is >= 'a' and <= 'z')
                sb.Append(c);
            else if (c is >= 'A' and <= 'Z')
                sb.Append(char.ToLowerInvariant(c));
            else if (Text.LatinLetters.PlainOf(c, decomposedOnly: true) is { } letters)
                sb.Append(letters); // what NFKD gives score.py ("José" jose), which invariant globalization does not
        return sb.ToString();
    }

    public static bool SamePerson(string a, string b)
    {
        if (NormName(a) == NormName(b))
            return true;
        static List<string> Words(string s) => s.Split([' ', '\t', '\n', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(NormName).Where(w => w.Length > 0).ToList();
        var wa = Words(a);
        var wb = Words(b);
        var (shorter, longer) = wa.Count <= wb.Count ? (wa, wb) : (wb, wa);
        return shorter.Count >= 2 && shorter.All(longer.Contains);
    }

    private static bool SamePlace(Location? sys, Location gold)
    {
        var gc = NormName(gold.City);
        if (gc.Length > 0)
        {
            var sc = NormName(sys?.City);
            return sc.Length > 0 && (sc == gc || (Math.Min(sc.Length, gc.Length) >= 4 && (sc.Contains(gc, StringComparison.Ordinal) || gc.Contains(sc, StringComparison.Ordinal))));
        }
        return sys is not null && string.Equals(sys.Country, gold.Country, StringComparison.OrdinalIgnoreCase);
    }

    public static string Summary(ScoreReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(inv, "strict  P {0:F3} R {1:F3} F1 {2:F3}", r.Strict.Precision, r.Strict.Recall, r.Strict.F1));
        sb.AppendLine(string.Format(inv, "lenient P {0:F3} R {1:F3} F1 {2:F3}", r.Lenient.Precision, r.Lenient.Recall, r.Lenient.F1));
        foreach (var (k, v) in r.Attributes)
            sb.AppendLine(string.Format(inv, "{0,-9} {1}/{2}", k, v.Correct, v.Of));
        return sb.ToString();
    }
}
