using Parley.Actors;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Segmentation;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Events;

/// <summary>When, where and about what: the time, place and topics of a contact phrase.</summary>
internal sealed partial class SentenceContext
{

    private bool IsTimeToken(int i) => _inTime[i];

    /// <summary>
    /// "to discuss the situation in Gaza and trade", "on maritime security": what the contact was about,
    /// as a short phrase (not scored; for readers and search).
    /// </summary>
    private void AddTopicsAfter(List<string> topics, int right, int b)
    {
        if (right >= b)
            return;
        int i = right;
        if (_lower[i] is "and" && i + 1 < b)
            i++;
        if (_lower[i] is "to" && i + 1 < b && _lower[i + 1] is "discuss" or "exchange" or "review" or "address")
            i += 2;
        else if (_lower[i] is "discussed")
            i++;
        else if (_lower[i] is "on" or "about" or "regarding" or "concerning" && i > 0
                 && (MayStartTrigger(i - 1) || _mentionCover[i - 1] >= 0 && !_doc.Mentions[_mentionCover[i - 1]].IsPronoun))
            i++; // "talks on trade", "a call with Xi about Taiwan" — not "on the other side of the door"
        else
            return;
        if (i < b && _mentionAt[i] >= 0 && _doc.Mentions[_mentionAt[i]].Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Place or MentionKind.Person)
            return;
        int head = i < b && _lower[i] is "the" or "a" ? i + 1 : i;
        if (head < b && _lower[head] is "other" or "side" or "sidelines" or "margins" or "sideline" or "margin" or "border" or "eve"
            or "occasion" or "way" or "phone" or "telephone" or "day" or "spot" or "ground" or "tarmac" or "visit" or "behalf")
            return; // "on the other side of the border", "on the sidelines of": where or when, not what
        if (i >= b || _lower[i] is "views")
            return;
        int start = i;
        while (i < b && i - start < 12 && _lower[i] is not ("," or ";" or "." or "and" or "amid" or "as" or "while" or "which" or "where")
               && !(_lower[i] is "with" or "in" && i > start + 3))
            i++;
        if (i > start && IsWordToken(start) && !IsTimeToken(start))
        {
            var text = _doc.Text.AsSpan(_doc.Tokens[start].Span.Start, _doc.Tokens[i - 1].Span.End - _doc.Tokens[start].Span.Start).ToString();
            if (text.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                text = text[4..];
            if (text.Length > 2 && text is not ("matter" or "issue" or "issues" or "situation" or "subject"))
                topics.Add(text);
        }
    }

    /// <summary>"will travel to Tehran for a summit", "flew on to Berlin": the destination of a journey.</summary>
    private bool AfterMotionTo(int token)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        if (j < 1 || _lower[j] != "to")
            return false;
        int v = j - 1;
        if (v >= 0 && _lower[v] is "on" or "back")
            v--;
        return v >= 0 && MayStartFrame(v) && FrameMatch(v, v + 1, out var kinds) == 1
            && kinds is not null && Array.IndexOf(kinds, FrameKind.Motion) >= 0;
    }

    private bool PrecededBy(int token, string a, string b)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        return j >= 0 && (_lower[j] == a || _lower[j] == b);
    }

    /// <summary>
    /// Where the trigger's time window starts: an introductory phrase before a comma lends its time only
    /// when it is nothing but a time ("On Tuesday, ..."), not "With three weeks to go for his summit, ...".
    /// </summary>
    private int TimeWindowStart(int left, int trigger)
    {
        int comma = -1;
        for (int i = trigger - 1; i > left; i--)
            if (_lower[i] == ",")
            {
                comma = i;
                break;
            }
        if (comma < 0)
            return left;
        int first = -1;
        for (int i = comma + 1; i < trigger; i++)
            if (_mentionAt[i] >= 0)
            {
                first = i;
                break;
            }
        if (first < 0)
            return left;
        // Count the intro's words that no time expression covers.
        int loose = 0;
        for (int i = left; i < comma; i++)
            if (!IsTimeToken(i) && IsWordToken(i) && _lower[i] is not ("on" or "in" or "at" or "last" or "earlier" or "later"))
                loose++;
        return loose <= 1 ? left : comma + 1;
    }

    private Location? FindLocation(ContactTrigger t, int left, int clauseEnd, Match m)
    {
        Location? best = null;
        var aside = RelativeAside(left, m.Start); // ", who arrived in Stockholm on Monday," places someone else
        for (int i = left; i < clauseEnd; i++)
        {
            if (aside is { } r && i >= r.Start && i < r.End)
                continue;
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var mention = _doc.Mentions[mi];
            bool locative = IsLocative(i) && !PrecededBy(i, "near", "from") || AfterMotionTo(i) || IsPlaceCountry(i);
            bool visitObject = t.Role == ContactRole.Visit && i >= m.End && i <= m.End + 2;
            // "welcomed Lacalle Pou to the Casa Rosada", "received him to Ankara": where the host receives the guest.
            bool hostedTo = t.Role == ContactRole.Host && i >= m.End && PrecededBy(i, "to", "to");
            if (!locative && !visitObject && !hostedTo)
                continue;
            if (mention.Kind == MentionKind.Place || (mention.Kind == MentionKind.Metonym && mention.City is not null))
                return new Location(mention.City, mention.Country);
            if (mention.Kind is MentionKind.Country && best is null)
                best = new Location(null, mention.Country);
            if (mention.Kind is MentionKind.Demonym && i + 1 < _tokenCount && _lower[i + 1] == "capital" && mention.City is not null)
                return new Location(mention.City, mention.Country);
        }
        return best;
    }

    /// <summary>
    /// "Their talks come two days after the ministers met": the trigger is inside the phrase's
    /// complement, so it happened the offset before the contact just reported. "Hours after Blinken was
    /// sworn in Tuesday, Kang held talks with him": the trigger is in the main clause after the
    /// complement, so it is the complement's date plus the offset.
    /// </summary>
    private PartialDate? RelativeDate(TimeExpression relative, int triggerChar, TextSpan sentence)
    {
        int comma = _doc.Text.IndexOf(',', relative.Span.End, Math.Max(0, triggerChar - relative.Span.End));
        if (comma < 0)
            return _lastDated?.Date is { } reported ? relative.DateOfNamed(reported) : null;
        foreach (var te in _doc.Times)
            if (te.Span.Start >= relative.Span.End && te.Span.Start < comma && te.Value is { } named && sentence.Contains(te.Span.Start))
                return relative.DateOfModified(named);
        return null;
    }

    private static readonly HashSet<string> Venues = new(StringComparer.Ordinal)
    {
        "center", "centre", "square", "palace", "hall", "house", "hotel", "building", "buildings", "office", "residence",
        "ministry", "headquarters", "complex", "guesthouse", "villa", "museum", "parliament", "assembly", "embassy", "room",
    };

    /// <summary>"in Hawaii", "at the Four Seasons Hotel", "welcomed him to the Casa Rosada": a capitalised place no gazetteer knows.</summary>
    private bool NamesUnknownPlace(int from, int to)
    {
        for (int i = from; i + 1 < to; i++)
        {
            if (!Has(i, ContactLexicon.InAtTo) || (_lower[i] is not ("in" or "at") && !(_lower[i] == "to" && _lower[i + 1] == "the")))
                continue;
            int j = i + 1;
            if (_lower[j] == "the" && j + 1 < to)
                j++;
            if (_mentionCover[j] < 0 && IsWordToken(j) && !IsLowerCaseWord(j) && !IsTimeToken(j))
            {
                // A venue inside a city ("the Historic Center", "the Four Seasons Hotel") does not leave
                // the story's city; a region or an unknown town ("in Hawaii") does.
                int k = j;
                while (k + 1 < to && IsWordToken(k + 1) && !IsLowerCaseWord(k + 1))
                    k++;
                if (!Venues.Contains(_lower[k]))
                    return true;
            }
        }
        return false;
    }

    private Location? AntecedentPlace(int a, int where)
    {
        for (int i = where - 1; i >= a && i >= where - 8; i--)
        {
            int mi = _mentionCover[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind is MentionKind.Place or MentionKind.Metonym && m.City is not null)
                return new Location(m.City, m.Country);
            if (m.Kind == MentionKind.Country)
                return new Location(null, m.Country);
            return null;
        }
        return null;
    }

    /// <summary>The day of the latest dated contact of the last few sentences that shares a party with this one.</summary>
    private PartialDate? OccasionDay(CandidateEvent ev, int sentence)
    {
        for (int k = _recent.Count - 1; k >= 0; k--)
        {
            var e = _recent[k];
            if (e.Sentence < sentence - 3)
                break;
            if (e.Status == EventStatus.Occurred && e.Date is { Precision: DatePrecision.Day } day && SharesFirstParty(ev, e))
                return day;
        }
        return null;
    }

    private static bool IsSameDayPhrase(string phrase) =>
        TextSearch.ContainsIgnoreCase(phrase, "in the day") || TextSearch.ContainsIgnoreCase(phrase, "that day")
        || TextSearch.ContainsIgnoreCase(phrase, "same day");

    private bool HasSequenceAdverb(int a, int b)
    {
        for (int i = a; i < b; i++)
            if (_lower[i] is "also" or "thereafter" or "afterwards" or "afterward" or "subsequently" or "later" or "then")
                return true;
        return false;
    }

    /// <summary>
    /// "visit the Ministry of Unification", "at the foreign ministry building": a government body's
    /// building stands in its country's capital (the home country's, when the body names none).
    /// </summary>
    private Location? InstitutionLocation(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0 || !_doc.Mentions[mi].IsInstitution)
                continue;
            int j = i - 1;
            if (j >= from && _lower[j] == "the")
                j--;
            if (j < from || _lower[j] is not ("visit" or "visited" or "visits" or "at" or "in" or "to"))
                continue;
            var country = _doc.Mentions[mi].Country ?? Home;
            if (country is not null && Actors.ActorLexicon.Default.CapitalOf(country) is { } capital)
                return new Location(capital, country);
        }
        return null;
    }

    private void PickTime(CandidateEvent ev, int a, int b, int left, int clauseEnd, Match m, bool noun)
    {
        var sentenceSpan = new TextSpan(_doc.Tokens[a].Span.Start, _doc.Tokens[b - 1].Span.End);
        int clauseStartChar = _doc.Tokens[left].Span.Start;
        int clauseEndChar = clauseEnd < b ? _doc.Tokens[clauseEnd].Span.Start : sentenceSpan.End;
        int triggerChar = _doc.Tokens[m.Start].Span.Start;
        TimeExpression? best = null;
        int bestDistance = int.MaxValue;
        TimeExpression? relative = null;
        TimeExpression? lastDuration = null;
        bool clockTime = false;
        foreach (var te in _doc.Times)
        {
            if (!sentenceSpan.Contains(te.Span.Start))
                continue;
            if (te.Kind == TimeKind.Duration)
            {
                // A duration belongs to its own clause: "The 30-minute call came a week after Austin visited
                // Seoul" does not make the visit half an hour long.
                if (te.Span.Start < clauseStartChar && left > a && !noun)
                    continue;
                if (te.DurationMinutes is { } minutes)
                {
                    // "an hour and 45 minutes": two durations joined by "and" add up.
                    if (ev.DurationMinutes is { } sofar && lastDuration is { } prev
                        && _doc.Text.AsSpan(prev.Span.End, Math.Max(0, te.Span.Start - prev.Span.End)).Trim().SequenceEqual("and"))
                        ev.DurationMinutes = sofar + minutes;
                    else
                        ev.DurationMinutes ??= minutes;
                    lastDuration = te;
                }
                continue;
            }
            if (te.Kind == TimeKind.EventRelative)
            {
                if (te.Span.Start < triggerChar)
                    relative = te;
                continue;
            }
            if (te.Span.Start < clauseStartChar || te.Span.Start >= clauseEndChar)
                continue;
            if (te.Kind == TimeKind.TimeOfDay)
            {
                clockTime = true;
                continue;
            }
            int distance = Math.Abs(te.Span.Start - triggerChar);
            // A time before a contact noun usually dates the verb that governs it
            // ("an official on Wednesday discussed the talks ... the previous evening").
            if (noun && te.Span.Start < triggerChar)
                distance += 10_000;
            if (distance < bestDistance)
            {
                best = te;
                bestDistance = distance;
            }
        }
        if (best is not null)
        {
            ev.Date = best.Value; // null for vague phrases ("at an early date") and unanchored weekdays
            ev.DatePhrase = best.Phrase;
            // "Muttaqi also called on the prime minister later in the day": the day of the story's
            // contact just told, not the day of publication.
            if (best.Kind == TimeKind.Relative && IsSameDayPhrase(best.Phrase) && _lastDated?.Date is { Precision: DatePrecision.Day } storyDay)
            {
                ev.Date = storyDay;
                return;
            }
            // The contact's status knows the direction better than the clause's tense: "is due in Moscow
            // on Monday" is next Monday, whatever the verb looks like.
            var wanted = ev.Status == EventStatus.Planned ? TimeDirection.Future : TimeDirection.Past;
            if (best.Value is not null && best.Direction != wanted && best.Kind is TimeKind.Weekday or TimeKind.Month or TimeKind.Date)
                ev.Date = TemporalResolver.Resolve(best.Parsed, _doc.Info.Published, wanted) ?? best.Value;
            return;
        }
        if (relative is not null && RelativeDate(relative, triggerChar, sentenceSpan) is { } relDate)
        {
            ev.Date = relDate;
            ev.DatePhrase = relative.Phrase;
            return;
        }
        // "reached the agreement Wednesday as they met": a clause of simultaneity shares the main clause's day.
        if (left > a && _lower[left - 1] is "as" or "when" or "while" or "where")
        {
            TimeExpression? main = null;
            foreach (var te in _doc.Times)
                if (te.Span.Start >= sentenceSpan.Start && te.Span.Start < clauseStartChar && te.Value is not null
                    && te.Kind is TimeKind.Weekday or TimeKind.Date or TimeKind.Relative)
                    main = te;
            if (main is not null)
            {
                ev.Date = main.Value;
                ev.DatePhrase = main.Phrase;
                return;
            }
        }
        // "He also held a meeting with ...", "Thereafter, Yoon met ...": another contact of the same occasion.
        if (ev.Status == EventStatus.Occurred && HasSequenceAdverb(a, b) && OccasionDay(ev, _sentenceOf[m.Start]) is { } sameDay)
        {
            ev.Date = sameDay;
            ev.DatePhrase = "(the same occasion as the contact before it)";
            return;
        }
        // "at 1:30 p.m." alone in a past report: the clock time of the day of the report.
        if (clockTime && ev.Status == EventStatus.Occurred && _doc.Info.Published is { Precision: DatePrecision.Day } day)
        {
            ev.Date = day;
            ev.DatePhrase = "(clock time on the day of publication)";
        }
    }
}
