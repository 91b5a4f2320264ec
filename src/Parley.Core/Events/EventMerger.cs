using Parley.Documents;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Events;

/// <summary>
/// Merges the reports of one contact within a document (lead, body, caption, "At Tuesday's meeting"):
/// same status, same set of countries, no two different people for one country, compatible dates
/// and modes. The merged event keeps the most precise date, the sure mode, every name and evidence.
/// A doubled body was already removed by cleaning, so it never doubles events.
/// </summary>
internal static class EventMerger
{
    /// <param name="lead">The lead sentence (see <see cref="ContactExtractor.LeadSentence"/>), or -1.</param>
    /// <param name="scene">Where the story takes place (see <see cref="ContactExtractor.Scene"/>), or null.</param>
    /// <param name="sceneFromDateline">The scene is the dateline city: where the report was filed, which a
    /// plan ("will hold a meeting on the sidelines") does not share.</param>
    public static IEnumerable<ContactEvent> Merge(Document doc, List<CandidateEvent> candidates, int lead = -1, Location? scene = null,
        bool sceneFromDateline = false)
    {
        var merged = new List<CandidateEvent>();
        var leadSpan = lead >= 0 ? doc.Sentences[lead].Span : default;
        PartialDate? published = doc.Info.Published is { Precision: DatePrecision.Day } p ? p : null;
        foreach (var c in candidates)
            c.InLead = lead >= 0 && c.Evidence.Contains(leadSpan);
        var groupOf = new Dictionary<CandidateEvent, CandidateEvent>(ReferenceEqualityComparer.Instance);
        foreach (var c in candidates)
        {
            // A report that names a contact again ("The call lasted an hour") joins that contact first.
            var target = c.RefersTo is { } r && groupOf.TryGetValue(r, out var named) && CanMerge(named, c, published)
                ? named
                : LastMergeable(merged, c, published);
            if (target is null)
                merged.Add(target = c);
            else
                Absorb(target, c);
            groupOf[c] = target;
        }
        // A later report can make two earlier groups compatible ("Kim Yo Jong, Kim Yong Nam ... attend the
        // meeting with Moon" joins the caption's Moon–Kim Yo Jong and the body's Kim Yong Nam): merge to a fixpoint.
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int i = 0; i < merged.Count && !changed; i++)
                for (int j = i + 1; j < merged.Count && !changed; j++)
                    if (CanMerge(merged[j], merged[i], published) || CanMerge(merged[i], merged[j], published))
                    {
                        Absorb(merged[i], merged[j]);
                        merged.RemoveAt(j);
                        changed = true;
                    }
        }
        foreach (var m in merged)
        {
            if (m.Date is null && m.Status == EventStatus.Occurred && m.InLead && published is { } day)
            {
                m.Date = day;
                m.DatePhrase = "(the lead reports it: the day of publication)";
            }
            // An in-person contact of the day that names no place happened where the story takes place.
            if (m.Location is null && !m.UnknownPlace && scene is not null && m.Mode is ContactMode.InPerson or ContactMode.Unknown
                && (m.Status == EventStatus.Occurred || !sceneFromDateline || m.HostCountry == scene.Country)
                && (m.Date is null ? !m.HasOwnTime : published is { } pub && NearDay(m.Date.Value, pub)))
                m.Location = scene;
            yield return ToEvent(doc, m);
        }
    }

    private static CandidateEvent? LastMergeable(List<CandidateEvent> merged, CandidateEvent c, PartialDate? published)
    {
        for (int k = merged.Count - 1; k >= 0; k--)
            if (CanMerge(merged[k], c, published))
                return merged[k];
        return null;
    }

    /// <param name="published">The day of publication: an undated contact of the lead stands for a
    /// contact of about that day, so it does not absorb "the last time they met, in March 2020".</param>
    internal static bool CanMerge(CandidateEvent a, CandidateEvent b, PartialDate? published = null)
    {
        if (a.Status != b.Status)
            return false;
        if (!SameCountries(a, b))
            return false;
        // A letter each way is two contacts.
        if (a.Sender is not null && b.Sender is not null && a.Sender != b.Sender)
            return false;
        if (a.StrongMode && b.StrongMode && a.Mode != b.Mode && a.Mode != ContactMode.Unknown && b.Mode != ContactMode.Unknown)
            return false;
        if (a.Date is { } da && b.Date is { } db && !da.IsCompatibleWith(db))
            return false;
        if (published is { } day && (a.Date is null && a.InLead && b.Date is { } bd && !NearDay(bd, day)
            || b.Date is null && b.InLead && a.Date is { } ad && !NearDay(ad, day)))
            return false;
        if (a.Location?.City is { } la && b.Location?.City is { } lb && !TextSearch.ContainsIgnoreCase(la, lb) && !TextSearch.ContainsIgnoreCase(lb, la))
            return false;
        // Plans listed in different sentences are usually different meetings ("set to meet officials
        // ...", "will visit the ministry for a meeting with Vice Minister Choi"): they merge only when
        // they name the same people.
        // (A report that names nobody — a headline, "the leaders of Iran and Turkey" — can be any of them.)
        if (a.Status == EventStatus.Planned && !SameNamedPeople(a, b) && !ShareEvidence(a, b)
            && a.Participants.Exists(p => p.Name is not null) && b.Participants.Exists(p => p.Name is not null))
            return false;
        foreach (var p in a.Participants)
        {
            if (p.Name is null)
                continue;
            foreach (var q in b.Participants)
                if (q.Name is not null && q.Country == p.Country && !NameMatch.Same(p.Name, q.Name))
                {
                    // Another person of the same country: a different contact, unless the event has
                    // room for both (a delegation) — we keep them apart, which is the safer reading.
                    if (!NamedIn(b, p.Name))
                        return false;
                }
        }
        return true;
    }

    private static bool SameCountries(CandidateEvent a, CandidateEvent b) => a.CountriesIn(b) && b.CountriesIn(a);

    private static bool HasCountry(CandidateEvent e, string? country)
    {
        foreach (var q in e.Participants)
            if (q.Country == country)
                return true;
        return false;
    }

    private static bool SameNamedPeople(CandidateEvent a, CandidateEvent b)
    {
        int na = 0, nb = 0;
        foreach (var p in a.Participants)
            if (p.Name is not null)
                na++;
        foreach (var q in b.Participants)
            if (q.Name is not null)
                nb++;
        if (na != nb)
            return false;
        foreach (var p in a.Participants)
            if (p.Name is not null && !HasName(b, p.Name))
                return false;
        return true;
    }

    private static bool HasName(CandidateEvent e, string name)
    {
        foreach (var q in e.Participants)
            if (q.Name is not null && NameMatch.Same(name, q.Name))
                return true;
        return false;
    }

    /// <summary>Whether one of <paramref name="e"/>'s named people is <paramref name="name"/> (<see cref="NameMatch.Same"/>(theirs, name)).</summary>
    private static bool NamedIn(CandidateEvent e, string name)
    {
        foreach (var r in e.Participants)
            if (r.Name is not null && NameMatch.Same(r.Name, name))
                return true;
        return false;
    }

    private static bool ShareEvidence(CandidateEvent a, CandidateEvent b)
    {
        foreach (var span in a.Evidence)
            if (b.Evidence.Contains(span))
                return true;
        return false;
    }

    private static bool NearDay(PartialDate date, PartialDate day) =>
        date.Earliest <= day.Latest.AddDays(2) && day.Earliest <= date.Latest.AddDays(2);

    private static void Absorb(CandidateEvent into, CandidateEvent from)
    {
        into.InLead |= from.InLead;
        into.Sender ??= from.Sender;
        into.UnknownPlace |= from.UnknownPlace;
        into.HostCountry ??= from.HostCountry;
        foreach (var p in from.Participants)
        {
            var same = SameParticipant(into.Participants, p);
            if (same is null)
            {
                if (p.Name is null && HasCountry(into, p.Country))
                    continue;
                into.Participants.Add(p.Clone());
                continue;
            }
            if (same.Name is null || (p.Name is not null && p.Name.Length > same.Name.Length))
                same.Name = p.Name;
            same.Role ??= p.Role;
            same.Entity = same.Entity >= 0 ? same.Entity : p.Entity;
        }
        if (from.Date is { } d && (into.Date is null || d.Precision > into.Date.Value.Precision))
        {
            into.Date = d;
            into.DatePhrase = from.DatePhrase;
        }
        if (!into.StrongMode && (from.StrongMode || into.Mode == ContactMode.Unknown) && from.Mode != ContactMode.Unknown)
        {
            into.Mode = from.Mode;
            into.StrongMode = from.StrongMode;
        }
        if (into.Location is null || (into.Location.City is null && from.Location?.City is not null))
            into.Location = from.Location ?? into.Location;
        into.DurationMinutes ??= from.DurationMinutes;
        foreach (var t in from.Topics)
            if (!into.Topics.Contains(t))
                into.Topics.Add(t);
        foreach (var e in from.Evidence)
            if (!into.Evidence.Contains(e))
                into.Evidence.Add(e);
        // The lead sentence makes better evidence than a caption.
        if (into.FromCaption && !from.FromCaption)
        {
            into.Evidence.Remove(from.Evidence[0]);
            into.Evidence.Insert(0, from.Evidence[0]);
            into.FromCaption = false;
        }
    }

    /// <summary>The participant of <paramref name="participants"/> that is <paramref name="p"/>: the same name, or
    /// an unnamed one of p's country when none of that country is named.</summary>
    private static CandidateParticipant? SameParticipant(List<CandidateParticipant> participants, CandidateParticipant p)
    {
        if (p.Name is null)
            return null;
        bool? namedOfCountry = null;
        foreach (var q in participants)
        {
            if (q.Name is not null && NameMatch.Same(p.Name, q.Name))
                return q;
            if (q.Name is null && q.Country == p.Country)
            {
                namedOfCountry ??= HasNamed(participants, p.Country);
                if (!namedOfCountry.Value)
                    return q;
            }
        }
        return null;
    }

    private static bool HasNamed(List<CandidateParticipant> participants, string? country)
    {
        foreach (var r in participants)
            if (r.Name is not null && r.Country == country)
                return true;
        return false;
    }

    private static ContactEvent ToEvent(Document doc, CandidateEvent c)
    {
        var evidence = new List<Evidence>(c.Evidence.Count);
        foreach (var span in c.Evidence)
            evidence.Add(new Evidence(doc.Text, span, doc.ToOriginal(span)));
        var participants = new List<Participant>(c.Participants.Count);
        foreach (var p in c.Participants)
            participants.Add(new Participant(p.Name, p.Country!, p.Role));
        return new ContactEvent
        {
            Status = c.Status,
            Mode = c.Mode == ContactMode.Unknown && c.Participants.Count > 0 ? ContactMode.InPerson : c.Mode,
            Date = c.Date,
            DatePhrase = c.DatePhrase,
            Participants = participants,
            Location = c.Mode is ContactMode.Phone or ContactMode.Video or ContactMode.Written ? null : c.Location,
            DurationMinutes = c.DurationMinutes,
            Topics = c.Topics,
            Doc = doc.Id,
            Evidence = evidence,
        };
    }
}
