using Parley.Events;
using Parley.Temporal;

namespace Parley.Consolidation;

/// <summary>Tunable limits of <see cref="ContactMatcher"/>.</summary>
public sealed record MatchOptions
{
    /// <summary>A report without a date of the contact is taken to report something in the days before
    /// its publication: this many days back.</summary>
    public int UndatedLookbackDays { get; init; } = 7;

    /// <summary>An undated planned contact is looked for this many days after its announcement.</summary>
    public int PlannedHorizonDays { get; init; } = 180;

    /// <summary>Slack around a planned date ("early next month", "around the 20th").</summary>
    public int PlannedSlackDays { get; init; } = 3;
}

/// <summary>
/// What the matcher compares: status, mode, participants, location, and the window of days the contact
/// can have taken place in (null when nothing places it in time).
/// </summary>
public sealed record ContactView(
    EventStatus Status,
    ContactMode Mode,
    IReadOnlyList<Participant> Participants,
    Location? Location,
    DayWindow? Window)
{
    public IEnumerable<string> Countries => Participants.Select(p => p.Country).Distinct(StringComparer.Ordinal);
}

/// <summary>A closed range of days.</summary>
public readonly record struct DayWindow(DateOnly Lo, DateOnly Hi)
{
    public bool Overlaps(DayWindow other) => Lo <= other.Hi && other.Lo <= Hi;

    public DayWindow? Intersect(DayWindow other)
    {
        var lo = Lo > other.Lo ? Lo : other.Lo;
        var hi = Hi < other.Hi ? Hi : other.Hi;
        return lo <= hi ? new DayWindow(lo, hi) : null;
    }

    public DayWindow Widen(int days) => new(Lo.AddDays(-days), Hi.AddDays(days));

    public static DayWindow Of(PartialDate d) => new(d.Earliest, d.Latest);
}

/// <summary>
/// Decides whether two reports are the same contact (<see cref="Same"/>) or a planned contact and the
/// one that later took place (<see cref="Fulfils"/>). Pure: no store, no clock.
/// <para>Same contact: same status; the same set of participant countries, or one set missing only the
/// host (the location's country, which reports often leave out); no two different named people for one
/// country; compatible modes (equal, one unknown, or phone and video, which outlets mix up); no two
/// different cities or location countries; and overlapping day windows — a date is its own window, a
/// month or year its whole span (so a more precise date inside a coarser one matches), a date resolved
/// from "on Friday" or "last week" widens by the tolerance in data/relative_date_phrases.tsv, and an
/// undated report covers the days before its publication.</para>
/// </summary>
public sealed class ContactMatcher
{
    private readonly LooseDates _loose;

    public ContactMatcher(MatchOptions? options = null, LooseDates? loose = null)
    {
        Options = options ?? new MatchOptions();
        _loose = loose ?? LooseDates.Default;
    }

    public MatchOptions Options { get; }

    public static ContactMatcher Default { get; } = new();

    /// <summary>The days one report can place its contact in.</summary>
    public DayWindow? WindowOf(SourceReport r)
    {
        var e = r.Event;
        var published = r.Published;
        if (e.Date is { } d)
        {
            var w = DayWindow.Of(d);
            int tol = _loose.ToleranceDays(e.DatePhrase);
            if (e.Status == EventStatus.Planned)
                tol = Math.Max(tol, Options.PlannedSlackDays);
            return tol > 0 ? w.Widen(tol) : w;
        }
        if (published is not { } p)
            return null;
        var pw = DayWindow.Of(p);
        return e.Status == EventStatus.Planned
            ? new DayWindow(pw.Lo, pw.Hi.AddDays(Options.PlannedHorizonDays))
            : new DayWindow(pw.Lo.AddDays(-Options.UndatedLookbackDays), pw.Hi);
    }

    public ContactView ViewOf(SourceReport r) =>
        new(r.Event.Status, r.Event.Mode, r.Event.Participants, r.Event.Location, WindowOf(r));

    /// <summary>
    /// The view of a consolidated event: its resolved attributes, and the days every source allows
    /// (the intersection of their windows; the resolved date's window if they share none).
    /// </summary>
    public ContactView ViewOf(ConsolidatedEvent c)
    {
        DayWindow? window = null;
        bool first = true;
        foreach (var s in c.Sources)
        {
            if (WindowOf(s) is not { } w)
                continue;
            if (first)
            {
                window = w;
                first = false;
                continue;
            }
            window = window is { } cur ? cur.Intersect(w) : null;
            if (window is null)
                break;
        }
        if (window is null && c.Event.Date is { } d)
            window = DayWindow.Of(d);
        var e = c.Event;
        return new ContactView(e.Status, e.Mode, e.Participants, e.Location, window);
    }

    public bool Same(SourceReport a, SourceReport b) => Same(ViewOf(a), ViewOf(b));

    public bool Same(ContactView a, ContactView b)
    {
        if (a.Status != b.Status)
            return false;
        return Compatible(a, b) && a.Window is { } wa && b.Window is { } wb && wa.Overlaps(wb);
    }

    /// <summary>
    /// True when <paramref name="planned"/> announces the contact <paramref name="occurred"/> reports:
    /// same participants and compatible mode and place (as for <see cref="Same"/>), and the contact took
    /// place inside the planned window.
    /// </summary>
    public bool Fulfils(ContactView planned, ContactView occurred)
    {
        if (planned.Status != EventStatus.Planned || occurred.Status != EventStatus.Occurred)
            return false;
        if (!Compatible(planned, occurred))
            return false;
        return planned.Window is { } wp && occurred.Window is { } wo && wp.Overlaps(wo);
    }

    private static bool Compatible(ContactView a, ContactView b) =>
        ModesCompatible(a.Mode, b.Mode)
        && CountriesCompatible(a, b)
        && NamesCompatible(a.Participants, b.Participants)
        && PlacesCompatible(a.Location, b.Location);

    public static bool ModesCompatible(ContactMode a, ContactMode b)
    {
        if (a == b || a == ContactMode.Unknown || b == ContactMode.Unknown)
            return true;
        // Wire copy calls a video call "phone talks" often enough that the two cannot tell contacts apart.
        return (a, b) is (ContactMode.Phone, ContactMode.Video) or (ContactMode.Video, ContactMode.Phone);
    }

    /// <summary>Equal country sets, or one missing only the host country of either report.</summary>
    public static bool CountriesCompatible(ContactView a, ContactView b)
    {
        var ca = a.Countries.ToHashSet(StringComparer.Ordinal);
        var cb = b.Countries.ToHashSet(StringComparer.Ordinal);
        if (ca.Count == 0 || cb.Count == 0)
            return false;
        if (ca.SetEquals(cb))
            return true;
        var (small, large) = ca.Count <= cb.Count ? (ca, cb) : (cb, ca);
        if (!small.IsSubsetOf(large))
            return false;
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        if (a.Location?.Country is { } ha)
            hosts.Add(ha);
        if (b.Location?.Country is { } hb)
            hosts.Add(hb);
        foreach (var missing in large)
            if (!small.Contains(missing) && !hosts.Contains(missing))
                return false;
        return true;
    }

    /// <summary>False when both name someone for one country and no name on one side is a name on the other.</summary>
    public static bool NamesCompatible(IReadOnlyList<Participant> a, IReadOnlyList<Participant> b)
    {
        foreach (var pa in a)
        {
            if (pa.Name is null)
                continue;
            bool otherNamesSomeone = false;
            bool anyMatch = false;
            foreach (var pb in b)
            {
                if (pb.Name is null || !string.Equals(pb.Country, pa.Country, StringComparison.Ordinal))
                    continue;
                otherNamesSomeone = true;
                if (NameMatch.Same(pa.Name, pb.Name))
                {
                    anyMatch = true;
                    break;
                }
            }
            if (otherNamesSomeone && !anyMatch)
            {
                // A delegation may be reported by different members; only a clash of everyone named counts.
                bool anyOverlap = a.Any(x => x.Name is not null && x.Country == pa.Country
                    && b.Any(y => y.Name is not null && y.Country == pa.Country && NameMatch.Same(x.Name, y.Name)));
                if (!anyOverlap)
                    return false;
            }
        }
        return true;
    }

    public static bool PlacesCompatible(Location? a, Location? b)
    {
        if (a is null || b is null)
            return true;
        if (a.Country is { } ca && b.Country is { } cb && !string.Equals(ca, cb, StringComparison.Ordinal))
            return false;
        if (a.City is { } x && b.City is { } y
            && !x.Contains(y, StringComparison.OrdinalIgnoreCase) && !y.Contains(x, StringComparison.OrdinalIgnoreCase))
            return false;
        return true;
    }
}
