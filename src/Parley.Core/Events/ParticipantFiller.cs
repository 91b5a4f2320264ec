using Parley.Actors;
using Parley.Documents;
using Parley.Text;

namespace Parley.Events;

/// <summary>
/// Gives participants without a country one from the document, and drops what cannot be a contact.
/// In order: another mention of the same person that carries a country; the one country word of the
/// sentence no participant accounts for ("the envoys of South Korea and China ... Noh ... his Chinese
/// counterpart Liu" gives Noh South Korea); the document's home country, when the event otherwise has
/// a single, different country (a Yonhap story's unnamed "officials" are South Korean).
/// </summary>
internal static class ParticipantFiller
{
    public static void Fill(Document doc, List<CandidateEvent> events)
    {
        if (events.Count == 0)
            return;
        var stated = StatedHome(doc);
        var home = stated ?? MostMentioned(doc); // HomeCountry
        bool strongHome = home is not null && home == stated;
        List<ActorMention>? persons = null; // the document's person mentions that carry a country, in text order
        foreach (var ev in events)
        {
            foreach (var p in ev.Participants)
            {
                if (p.Country is not null)
                    continue;
                p.Country = CountryOfSamePerson(persons ??= PersonsWithCountry(doc), p) ?? UnclaimedSentenceCountry(doc, ev) ?? OrganisationOfOffice(doc, p.Role);
            }
            CandidateParticipant? unknown = null;
            int unknowns = 0;
            foreach (var p in ev.Participants)
                if (p.Country is null)
                {
                    unknown ??= p;
                    unknowns++;
                }
            if (unknowns == 1 && ev.CountryCount == 1 && home is not null && home != ev.Participants.Find(p => p.Country is not null)!.Country
                && IsCollectiveRole(unknown!.Role) && (unknown.Name is null || strongHome))
                unknown.Country = home; // a named official too, when the dateline or the outlet says whose story it is
            var participants = ev.Participants;
            for (int k = participants.Count - 1; k >= 0; k--)
                if (participants[k].Country is null)
                    participants.RemoveAt(k);
            foreach (var p in participants)
                if (p.Name is null && p.Role is not null && p.Country is not null)
                    p.Name = OnlyHolder(doc, p.Country, p.Role);
            // One person per country name: keep the named one. (Decided on the list as it was: a named
            // participant stays named, so removing in place decides the same.)
            for (int k = participants.Count - 1; k >= 0; k--)
                if (participants[k].Name is null && HasNamedOf(participants, participants[k].Country))
                    participants.RemoveAt(k);
        }
        if (doc.Trace is not null)
            foreach (var e in events)
                if (e.CountryCount < 2)
                    doc.Trace.Add($"dropped the contact of sentence {e.Sentence}: fewer than two countries ({string.Join(", ", e.Countries)})");
        events.RemoveAll(e => e.CountryCount < 2);
        persons?.Clear(); // keeps no mention of the document alive
    }

    private static bool HasNamedOf(List<CandidateParticipant> participants, string? country)
    {
        foreach (var q in participants)
            if (q.Name is not null && q.Country == country)
                return true;
        return false;
    }

    /// <summary>
    /// "The president" of a South African story, once it has the home country: the one South African
    /// person of the document whose role has that title.
    /// </summary>
    private static string? OnlyHolder(Document doc, string country, string role)
    {
        var head = role.Trim();
        int space = head.LastIndexOf(' ');
        if (space >= 0)
            head = head[(space + 1)..];
        if (head.Length < 4 || CollectiveNouns.Contains(head))
            return null;
        string? name = null;
        foreach (var m in doc.Mentions)
        {
            if (m.Kind != MentionKind.Person || m.Country != country || m.Name is null || m.Role is null
                || !TextSearch.ContainsIgnoreCase(m.Role, head))
                continue;
            if (name is not null && !NameMatch.Same(name, m.Name))
                return null;
            name ??= m.Name;
        }
        return name;
    }

    private static readonly HashSet<string> CollectiveNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "officials", "official", "delegation", "delegates", "delegate", "representatives", "authorities", "leaders",
        "diplomats", "envoys", "counterparts", "side", "team", "negotiators", "lawmakers", "ministers", "administration", "government",
    };

    /// <summary>
    /// Only an unnamed collective ("officials from the incoming administration", "the delegation") takes
    /// the home country; a named office ("the Vice-President of the Commission") never does.
    /// </summary>
    private static bool IsCollectiveRole(string? role)
    {
        if (role is null)
            return false;
        var last = role.AsSpan().Trim();
        int space = last.LastIndexOf(' ');
        var word = space >= 0 ? last[(space + 1)..] : last;
        if (CollectiveNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            return true;
        // "the president", "the foreign minister": a national office named without its country is the
        // home country's; one qualified by "of ..." ("Vice-President of the European Commission") is not.
        return !role.Contains(" of ", StringComparison.Ordinal) && !TextSearch.ContainsIgnoreCase(role, "secretary-general")
            && !TextSearch.ContainsIgnoreCase(role, "secretary general") && !TextSearch.ContainsIgnoreCase(role, "high representative");
    }

    /// <summary>
    /// "The Secretary-General spoke by phone with ...": an office that only organisations have belongs to
    /// the organisation the document names with it, else to the one that office means by default (the
    /// first listed in data/organisations.tsv: the United Nations for Secretary-General).
    /// </summary>
    private static string? OrganisationOfOffice(Document doc, string? role)
    {
        if (role is null || !OfficeHolders.Value.TryGetValue(role.Trim(), out var orgs))
            return null;
        foreach (var m in doc.Mentions)
            if (m.Kind == MentionKind.Organisation && m.Country is { } code && orgs.Contains(code))
                return code;
        return TextSearch.ContainsIgnoreCase(role, "Secretary") ? orgs[0] : null;
    }

    private static readonly Lazy<Dictionary<string, List<string>>> OfficeHolders = new(() =>
    {
        var map = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Parley.Data.DataFiles.ReadTsv("organisations.tsv"))
            foreach (var title in row.List("member_titles"))
            {
                if (!map.TryGetValue(title, out var list))
                    map[title] = list = [];
                list.Add(row["code"]);
            }
        return map;
    });

    // Reused per thread: read only while one document is filled.
    [ThreadStatic]
    private static List<ActorMention>? t_persons;

    private static List<ActorMention> PersonsWithCountry(Document doc)
    {
        var persons = t_persons ??= [];
        persons.Clear();
        foreach (var m in doc.Mentions)
            if (m.Kind == MentionKind.Person && m.Country is not null)
                persons.Add(m);
        return persons;
    }

    /// <param name="persons">The document's person mentions that carry a country (<see cref="PersonsWithCountry"/>).</param>
    private static string? CountryOfSamePerson(List<ActorMention> persons, CandidateParticipant p)
    {
        if (p.Name is null && p.Entity < 0)
            return null;
        foreach (var m in persons)
        {
            if ((p.Entity >= 0 && m.Entity == p.Entity) || (p.Name is not null && m.Name is not null && NameMatch.Same(p.Name, m.Name)))
                return m.Country;
        }
        return null;
    }

    private static string? UnclaimedSentenceCountry(Document doc, CandidateEvent ev)
    {
        var span = doc.Sentences[ev.Sentence].Span;
        string? found = null;
        // Mentions are in text order: start at the sentence with a binary search.
        int lo = 0, hi = doc.Mentions.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (doc.Mentions[mid].Span.Start < span.Start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (int k = lo; k < doc.Mentions.Count && doc.Mentions[k].Span.Start < span.End; k++)
        {
            var m = doc.Mentions[k];
            if (m.Country is null || m.Kind is MentionKind.Place)
                continue;
            if (ev.HasCountry(m.Country)) // claimed
                continue;
            if (found is not null && found != m.Country)
                return null; // ambiguous
            found = m.Country;
        }
        return found;
    }

    /// <summary>
    /// The country the document is written from: its dateline's ("Muscat: ...", "SEOUL, Oct. 5 (Yonhap)"),
    /// else the most mentioned one.
    /// </summary>
    internal static string? HomeCountry(Document doc) => StatedHome(doc) ?? MostMentioned(doc);

    /// <summary>The home country the dateline or the outlet states, or null.</summary>
    private static string? StatedHome(Document doc)
    {
        foreach (var m in doc.Mentions)
        {
            if (m.Kind is not (MentionKind.Metonym or MentionKind.Place) || m.Country is null)
                continue;
            bool named = doc.Info.Dateline is { } dl && m.Span.AsSpan(doc.Text).Equals(dl, StringComparison.OrdinalIgnoreCase);
            int after = m.Span.End;
            while (after < doc.Text.Length && doc.Text[after] == ' ')
                after++;
            bool shaped = after < doc.Text.Length && (doc.Text[after] is ':' or '(' or '\u2014' || doc.Text.AsSpan(after).StartsWith("--"))
                && (m.Span.Start == 0 || doc.Text[m.Span.Start - 1] == '\n');
            if (named || shaped)
                return m.Country;
        }
        if (doc.Info.Outlet is { } outlet && OutletLexicon.Default.Find(outlet)?.Country is { } outletCountry)
            return outletCountry;
        return null;
    }

    private static string? MostMentioned(Document doc)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in doc.Mentions)
        {
            if (m.Country is null || m.Kind is MentionKind.Organisation or MentionKind.Person or MentionKind.Role)
                continue;
            counts[m.Country] = counts.GetValueOrDefault(m.Country) + 1;
        }
        string? best = null;
        int bestCount = 0, second = 0;
        foreach (var (c, n) in counts)
            if (n > bestCount)
            {
                second = bestCount;
                best = c;
                bestCount = n;
            }
            else if (n > second)
                second = n;
        // A roundup of many countries has no home: the most mentioned must stand out (twice the next).
        return bestCount >= 2 * second ? best : null;
    }
}
