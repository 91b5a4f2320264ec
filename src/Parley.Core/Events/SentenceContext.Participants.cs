using Parley.Actors;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Segmentation;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Events;

/// <summary>Who takes part: collecting, absorbing and resolving the parties of a contact phrase.</summary>
internal sealed partial class SentenceContext
{ // a contact verb of the current sentence that a cue blocked ("did not meet")
    private List<Found>? _previousSubject;
    private readonly List<Found> _previousSubjectKept = []; // what _previousSubject holds: a copy, since lists are reused

    // The Found lists of the contact being built, reused from one contact to the next (NewFound): none of them is
    // read after the contact is built, but _previousSubject, which is copied.
    private readonly List<List<Found>> _foundLists = [];
    private int _foundListsUsed;

    /// <summary>An empty list of parties, valid until the next contact is built.</summary>
    private List<Found> NewFound()
    {
        if (_foundListsUsed == _foundLists.Count)
            _foundLists.Add([]);
        var list = _foundLists[_foundListsUsed++];
        list.Clear();
        return list;
    }

    /// <summary>
    /// "... set to meet with officials from the incoming administration. They include Kim Tae-hyo, ...":
    /// the person a following sentence lists names the unnamed party of the contact just reported.
    /// </summary>
    private void NameTheUnnamed(int a, int b)
    {
        if (_last is null || b - a < 3)
            return;
        bool include = (_lower[a] is "they" or "these" or "those" && _lower[a + 1] is "include" or "included" or "were" or "are")
            || (_lower[a] == "among" && _lower[a + 1] == "them");
        if (!include)
            return;
        var unnamed = _last.Participants.FirstOrDefault(p => p.Name is null);
        if (unnamed is null)
            return;
        for (int i = a + 2; i < b; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0 || _doc.Mentions[mi].Kind != MentionKind.Person || NameOf(_doc.Mentions[mi]) is not { } name)
                continue;
            var person = _doc.Mentions[mi];
            if (unnamed.Country is not null && person.Country is not null && person.Country != unnamed.Country)
                return;
            unnamed.Name = name;
            unnamed.Country ??= person.Country;
            unnamed.Role ??= person.Role;
            return;
        }
    }

    private static IEnumerable<CandidateEvent> SplitPerObject(CandidateEvent ev)
    {
        var subject = ev.Participants.Take(ev.ObjectStart).ToList();
        foreach (var o in ev.Participants.Skip(ev.ObjectStart))
        {
            yield return new CandidateEvent
            {
                Status = ev.Status, Mode = ev.Mode, StrongMode = ev.StrongMode, Date = ev.Date, DatePhrase = ev.DatePhrase,
                Participants = subject.Select(p => p.Clone()).Append(o).ToList(),
                Location = ev.VisitSplit && ev.Location?.Country != o.Country ? new Location(null, o.Country) : ev.Location,
                DurationMinutes = ev.DurationMinutes, Evidence = [.. ev.Evidence], Sentence = ev.Sentence,
                FromCaption = ev.FromCaption, ObjectStart = subject.Count,
            };
        }
    }

    private List<Found> SubjectOf(int left, int trigger)
    {
        // Leave out a relative aside: ", who represented India," names no party of this contact.
        if (RelativeAside(left, trigger) is { } aside && aside.End == trigger)
            trigger = aside.Start;
        // Only a window that opens with an introductory phrase is cut at its comma; "The leaders of
        // Brazil, Argentina and Uruguay" is one subject.
        int sentenceStart = _doc.Sentences[_sentenceOf[trigger]].FirstToken;
        if (left >= trigger || !(Has(left, ContactLexicon.IntroWord) || Has(sentenceStart, ContactLexicon.IntroWord)))
            return Collect(left, trigger, allowGroup: true);
        for (int i = trigger - 1; i > left; i--)
        {
            if (_lower[i] != ",")
                continue;
            var tail = Collect(i + 1, trigger, allowGroup: true);
            if (tail.Count > 0)
                return tail;
            break;
        }
        return Collect(left, trigger, allowGroup: true);
    }

    /// <summary>
    /// "a stop in South Korea", "his visit to Delhi", "visited Saudi Arabia": the place a visit goes to
    /// stands for its host country.
    /// </summary>
    private List<Found> Destination(int from, int right)
    {
        var found = NewFound();
        for (int i = from; i < right && i < from + 4; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Place && m.Country is not null && IsLocativeOrTo(i))
                found.Add(new Found(i, new CandidateParticipant { Country = m.Country }, false));
            break;
        }
        return found;
    }

    /// <summary>"arrived in Amman on a previously unannounced visit": the place the clause put the visitor in.</summary>
    private List<Found> EarlierDestination(int left, int noun)
    {
        var found = NewFound();
        for (int i = left; i < noun; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Place && m.Country is not null && IsLocativeOrTo(i))
                found.Add(new Found(i, new CandidateParticipant { Country = m.Country }, false));
        }
        return found;
    }

    private bool IsLocativeOrTo(int token)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        return j >= 0 && _lower[j] is "in" or "to" or "at";
    }

    internal static readonly HashSet<string> LetterNouns = new(StringComparer.Ordinal)
    {
        "letter", "letters", "message", "messages", "greetings", "greeting", "note", "congratulations", "condolences", "cable", "telegram",
    };

    private bool LetterInClause(int from, int to)
    {
        for (int i = from; i < to; i++)
            if ((_flags[i] & ContactLexicon.LetterNoun) != 0)
                return true;
        return false;
    }

    /// <summary>"from Kim", "from Prime Minister Fumio Kishida", "from the Emir of Kuwait, Sheikh Mishal": who a letter came from.</summary>
    private List<Found> Senders(int from, int right)
    {
        for (int i = from; i < right; i++)
            if (_lower[i] == "from")
            {
                // The first party named after "from", read as any window is (a title and its holder are one).
                var found = Collect(i + 1, Math.Min(right, i + 16), allowGroup: false);
                if (found.Count > 1)
                    found.RemoveRange(1, found.Count - 1);
                return found;
            }
        return [];
    }

    /// <summary>
    /// What "the call" or "the talks" refers to: the latest contact of that status, preferring one of
    /// the noun's mode ("The call lasted an hour" is the phone call, not the meeting mentioned after it).
    /// </summary>
    private CandidateEvent? Referent(EventStatus status, ContactMode nounMode)
    {
        CandidateEvent? any = null;
        for (int k = _recent.Count - 1; k >= 0; k--)
        {
            var e = _recent[k];
            if (e.Status != status || e.Participants.Count < 2)
                continue;
            if (nounMode is ContactMode.Unknown || e.Mode == nounMode)
                return e;
            any ??= e;
        }
        return any;
    }

    /// <summary>
    /// The people of the sentence's subject ("Russian President Vladimir Putin and Chinese President Xi
    /// Jinping signed ... after talks"), as the parties a bare contact noun inherits.
    /// </summary>
    private List<Found> SentenceSubject(int a, int before)
    {
        var found = NewFound();
        for (int i = a; i < before; i++)
        {
            int mi = _mentionAt[i];
            if (mi >= 0)
            {
                var m = _doc.Mentions[mi];
                if ((m.Kind == MentionKind.Person || m.Kind == MentionKind.Role && m.Country is not null && !m.IsInstitution)
                    && !m.IsPossessive && m.PartOf < 0 && !IsLocative(i))
                    found.Add(new Found(i, new CandidateParticipant { Name = m.Kind == MentionKind.Person ? NameOf(m) : null, Country = m.Country, Role = m.Role, Entity = m.Entity }, true));
                i = Math.Max(i, _mentionLast[mi]);
                continue;
            }
            // The subject ends at its verb: the first lowercase word that is not a conjunction or determiner.
            if (_mentionCover[i] < 0 && IsWordToken(i) && IsLowerCaseWord(i)
                && _lower[i] is not ("and" or "the" or "of" or "his" or "her" or "its" or "their") && found.Count > 0)
                break;
        }
        return found;
    }

    private static bool IsParticipantKind(ActorMention m) => m.Kind is MentionKind.Person or MentionKind.Country or MentionKind.Demonym
        or MentionKind.Metonym or MentionKind.Organisation or MentionKind.Role;

    /// <summary>A participant found in a window, with the token where it starts.</summary>
    private readonly record struct Found(int Token, CandidateParticipant Participant, bool IsPersonish, bool IsPossessive = false);

    private List<Found> Collect(int from, int to, bool allowGroup)
    {
        var found = NewFound();
        int appositionEnd = -1;
        for (int i = from; i < to; i++)
        {
            // ", the first Warsaw Pact minister to ...": an apposition describes the participant before it;
            // what it names only lends that participant a missing country.
            if (Has(i, ContactLexicon.Comma) && found.Count > 0 && i + 1 < to && _lower[i + 1] is "the" or "a" or "an" or "who" or "whose" or "which")
            {
                appositionEnd = i + 1;
                while (appositionEnd < to && !Has(appositionEnd, ContactLexicon.Comma))
                    appositionEnd++;
                for (int k = i + 1; k < appositionEnd; k++)
                {
                    int am = _mentionAt[k];
                    if (am >= 0 && _doc.Mentions[am].Country is { } c && found[^1].Participant.Country is null && _doc.Mentions[am].PartOf < 0)
                        found[^1].Participant.Country = c;
                }
                i = appositionEnd;
                continue;
            }
            if (allowGroup && MayStartFrame(i))
            {
                int len = FrameMatch(i, to, out var kinds);
                if (len > 0 && kinds is not null && Array.IndexOf(kinds, FrameKind.Group) >= 0
                    && (_mentionCover[i] < 0 || _doc.Mentions[_mentionCover[i]] is { Kind: MentionKind.Role, Country: null }))
                {
                    foreach (var p in GroupReference(from, i))
                        found.Add(new Found(i, p, true));
                    i += len - 1;
                    continue;
                }
            }
            int mi = _mentionAt[i];
            if (mi < 0)
            {
                // "since last Wednesday he was visited by ...": a pronoun the recogniser left unresolved
                // is the last person named before it.
                if (Has(i, ContactLexicon.HeShe) && PersonBefore(i) is { } antecedent)
                    found.Add(new Found(i, antecedent, true));
                continue;
            }
            var first = _doc.Mentions[mi];
            int end = _mentionLast[mi];
            // "The presidents held a private meeting": a plural role with no country is the people of
            // the contact just told.
            if (allowGroup && first is { Kind: MentionKind.Role, IsPlural: true, Country: null, Name: null } && !first.IsInstitution)
            {
                foreach (var p in GroupReference(from, i))
                    found.Add(new Found(i, p, true));
                i = Math.Max(i, end);
                continue;
            }
            // Several mentions can share one span ("the envoys of South Korea and China": one role per country).
            for (int k = mi; k < _doc.Mentions.Count && _doc.Mentions[k].Span.Start == first.Span.Start; k++)
            {
                var mention = _doc.Mentions[k];
                if (mention.Span.End != first.Span.End)
                    continue;
                bool locative = IsLocative(i) && !(mention.Kind is MentionKind.Person or MentionKind.Role && PrecededBy(i, "from", "from"));
                if (!IsParticipantKind(mention) || mention.PartOf >= 0 || mention.IsInstitution || locative || IsPlaceCountry(i) || IsThingDemonym(end, mention) || IsInstitution(i, end, mention) || IsSetting(i, end, mention)
                    || IsRelativeOf(i) || IsNounModifier(end, mention))
                    continue;
                var part = new CandidateParticipant
                {
                    Name = mention.Kind == MentionKind.Person ? NameOf(mention) : null,
                    Country = mention.Country,
                    Role = mention.Role,
                    Entity = mention.Entity,
                };
                found.Add(new Found(i, part, mention.Kind is MentionKind.Person or MentionKind.Role,
                    mention.Kind is MentionKind.Country or MentionKind.Metonym or MentionKind.Demonym && (mention.IsPossessive || IsPossessive(mention, end))));
            }
            // "the foreign ministers of Japan and the Philippines": every country the plural role lists.
            if (first.Kind == MentionKind.Role && first.IsPlural)
                for (int k = i + 1; k <= end; k++)
                    if (_mentionAt[k] >= 0 && _doc.Mentions[_mentionAt[k]] is { Kind: MentionKind.Country, PartOf: < 0, Country: { } c }
                        && !found.Any(f => f.Participant.Country == c))
                        found.Add(new Found(k, new CandidateParticipant { Country = c, Role = first.Role }, true));
            i = Math.Max(i, end);
        }
        return Absorb(found);
    }

    private static readonly HashSet<string> PartyNouns = new(StringComparer.Ordinal)
    {
        "delegation", "delegations", "delegates", "officials", "official", "leader", "leaders", "counterpart", "counterparts", "envoy",
        "envoys", "diplomats", "diplomat", "side", "team", "negotiators", "negotiator", "ministers", "minister", "president",
        "authorities", "government", "governments", "representatives", "representative", "counterparts", "troops", "lawmakers",
        "king", "queen", "emir", "prince", "premier", "chancellor", "ambassador", "foreign", "prime", "defense", "defence", "top",
        "chief", "senior", "vice", "deputy", "first", "new", "visiting", "national", "state", "head", "heads", "mission",
    };

    /// <summary>"to address North Korean issues": a demonym that describes a thing, not people.</summary>
    private bool IsThingDemonym(int end, ActorMention mention)
    {
        if (mention.Kind != MentionKind.Demonym)
            return false;
        int n = end + 1;
        return n < _tokenCount && IsWordToken(n) && IsLowerCaseWord(n) && _mentionCover[n] < 0
            && !PartyNouns.Contains(_lower[n]);
    }

    /// <summary>"in Lima, Peru", "in Seoul, South Korea", "in Apulia, Italy": the country that completes a place.</summary>
    private bool IsPlaceCountry(int token)
    {
        if (token < 2 || _lower[token - 1] != ",")
            return false;
        int mi = _mentionCover[token - 2];
        if (mi < 0)
        {
            // A place no gazetteer knows, after "in" or "at": its capitalised words, then the preposition.
            int k = token - 2;
            if (!IsWordToken(k) || IsLowerCaseWord(k))
                return false;
            while (k - 1 >= 0 && IsWordToken(k - 1) && !IsLowerCaseWord(k - 1) && _mentionCover[k - 1] < 0)
                k--;
            return IsLocative(k) && _lower[k - 1] is "in" or "at" or "the";
        }
        var place = _doc.Mentions[mi];
        return place.Kind is MentionKind.Place or MentionKind.Metonym && IsLocative(TokenAt(place.Span.Start));
    }

    private static readonly HashSet<string> Kinship = new(StringComparer.Ordinal)
    {
        "sister", "brother", "wife", "husband", "son", "daughter", "widow", "widower", "mother", "father", "niece",
        "nephew", "cousin", "spouse", "uncle", "aunt", "grandson", "granddaughter", "successor", "predecessor",
    };

    /// <summary>"Kim Yo Jong, sister of leader Kim Jong Un": the person after "of" only identifies another.</summary>
    private bool IsRelativeOf(int token)
    {
        for (int j = token - 1; j >= 1 && j >= token - 6; j--)
        {
            if (!IsWordToken(j))
                return false;
            if (_lower[j] != "of")
                continue;
            return Kinship.Contains(_lower[j - 1]) || (j >= 2 && _lower[j - 1] == "the" && Kinship.Contains(_lower[j - 2]));
        }
        return false;
    }

    /// <summary>
    /// "the Arctic Council Chairmanship", "the US policy": an organisation or country used as the
    /// modifier of a thing is not a party, unless a person or role follows it.
    /// </summary>
    private bool IsNounModifier(int end, ActorMention mention)
    {
        if (mention.Kind is not (MentionKind.Organisation or MentionKind.Country))
            return false;
        int n = end + 1;
        if (n >= _tokenCount || !IsWordToken(n))
            return false;
        for (int k = n; k < _tokenCount && k < n + 5 && !IsPunctuationToken(k); k++)
            if (_mentionAt[k] >= 0 && _doc.Mentions[_mentionAt[k]].Kind is MentionKind.Person or MentionKind.Role)
                return false;
        if (MayStartTrigger(n))
            return false; // "the US-China summit", "NATO talks": the contact itself
        if (!IsLowerCaseWord(n))
            return _mentionCover[n] < 0 && char.IsUpper(_doc.Text[_doc.Tokens[n].Span.Start]) && mention.Kind == MentionKind.Organisation;
        return !AfterNoun.Contains(_lower[n]) && !_lower[n].EndsWith("ed", StringComparison.Ordinal) && !_lower[n].EndsWith("s", StringComparison.Ordinal);
    }

    /// <summary>
    /// A gathering named as the setting ("on the sidelines of the Group of 20 summit", "at the UN General
    /// Assembly"): the organisation is where the contact happened, not a party to it.
    /// </summary>
    private bool IsSetting(int start, int end, ActorMention mention)
    {
        if (mention.Kind != MentionKind.Organisation)
            return false;
        int j = start - 1;
        if (j >= 0 && _lower[j] is "the")
            j--;
        if (j >= 0 && _lower[j] is "of" && j - 1 >= 0 && _lower[j - 1] is "sidelines" or "margins" or "sideline" or "margin")
            return true;
        if (j >= 0 && _lower[j] is "at" or "during" or "to" or "for" or "in")
            return true;
        int n = end + 1;
        return n < _tokenCount && _lower[n] is "summit" or "meeting" or "meetings" or "conference" or "ministerial" or "session" or "forum"
            or "assembly" or "gathering" or "talks" or "council" or "countries" or "nations" or "members" or "leaders" or "states";
    }

    private CandidateParticipant? PersonBefore(int token)
    {
        int sentenceStart = _sentenceOf[token];
        int from = sentenceStart > 0 ? _doc.Sentences[sentenceStart - 1].FirstToken : 0;
        for (int k = token - 1; k >= from; k--)
        {
            int mi = _mentionAt[k];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind == MentionKind.Person && m.PartOf < 0 && (m.Name is not null || m.Country is not null))
                return new CandidateParticipant { Name = NameOf(m), Country = m.Country, Role = m.Role, Entity = m.Entity };
            // "The Turkish foreign minister's trip ..., when he met ...": one unnamed office holder of the sentence.
            if (m is { Kind: MentionKind.Role, PartOf: < 0, IsPlural: false, IsInstitution: false, Country: not null } && k >= _doc.Sentences[sentenceStart].FirstToken)
                return new CandidateParticipant { Country = m.Country, Role = m.Role };
        }
        return null;
    }

    /// <summary>
    /// A country word that only modifies a person ("South Korean President Moon", "China's top
    /// diplomat, Wang Yi") gives that person its country instead of standing as a participant of its own.
    /// </summary>
    private static List<Found> Absorb(List<Found> found)
    {
        // Compacts in place: the entries kept are written over ones already read.
        int kept = 0;
        for (int k = 0; k < found.Count; k++)
        {
            var f = found[k];
            if (!f.IsPersonish && k + 1 < found.Count && found[k + 1].IsPersonish && found[k + 1].Token - f.Token <= 9)
            {
                var next = found[k + 1].Participant;
                if (next.Country is null || next.Country == f.Participant.Country)
                {
                    next.Country ??= f.Participant.Country;
                    continue;
                }
            }
            // A role without a name followed by the named holder of it: one participant.
            if (f.IsPersonish && f.Participant.Name is null && k + 1 < found.Count && found[k + 1].Participant.Name is not null
                && found[k + 1].Token - f.Token <= 9 && (found[k + 1].Participant.Country is null || found[k + 1].Participant.Country == f.Participant.Country))
            {
                found[k + 1].Participant.Country ??= f.Participant.Country;
                continue;
            }
            // "Faisal al Miqdad, Minister of Foreign Affairs of the Syrian Arab Republic": the country of an
            // apposition after a person without one.
            if (f.IsPersonish && f.Participant.Country is null && k + 1 < found.Count && !found[k + 1].IsPersonish
                && found[k + 1].Token - f.Token <= 16)
            {
                f.Participant.Country = found[k + 1].Participant.Country;
                found[kept++] = f;
                k++;
                continue;
            }
            // "South Korea's leadership", "Seoul's efforts": a possessor of a thing, not a party.
            if (f.IsPossessive)
                continue;
            found[kept++] = f;
        }
        found.RemoveRange(kept, found.Count - kept);
        return found;
    }

    /// <summary>A person's name: the resolved one, else the words of the mention (not a pronoun or a bare role).</summary>
    private string? NameOf(ActorMention m)
    {
        if (m.Name is not null)
            return m.Name;
        if (m.IsPronoun || m.Role is not null && m.Span == default)
            return null;
        var text = _doc.Slice(m.Span);
        if (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("\u2019s", StringComparison.Ordinal))
            text = text[..^2];
        return text.Length > 0 && char.IsUpper(text[0]) && text.Contains(' ') ? text : null;
    }

    private bool IsPossessive(ActorMention mention, int endToken)
    {
        var text = _doc.Slice(mention.Span);
        if (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("\u2019s", StringComparison.Ordinal))
            return true;
        int j = endToken + 1;
        return j < _tokenCount && (_lower[j] is "'s" or "\u2019s" || (_lower[j] is "'" or "\u2019" && j + 1 < _tokenCount && _lower[j + 1] == "s"));
    }

    /// <summary>"in Seoul", "at the Kremlin": a place, not a participant.</summary>
    private bool IsLocative(int token)
    {
        int j = token - 1;
        if (j >= 0 && _lower[j] == "the")
            j--;
        return j >= 0 && _lower[j] is "in" or "at" or "inside" or "from" or "near";
    }

    /// <summary>"Seoul's foreign ministry", "the Japanese Foreign Ministry": a source, not a participant.</summary>
    private bool IsInstitution(int start, int end, ActorMention mention)
    {
        if (mention.Kind == MentionKind.Role && mention.Role is { } role && (TextSearch.ContainsIgnoreCase(role, "ministry")
            || TextSearch.ContainsIgnoreCase(role, "office") || TextSearch.ContainsIgnoreCase(role, "government")))
            return true;
        if (mention.Kind is not (MentionKind.Country or MentionKind.Demonym or MentionKind.Metonym))
            return false;
        int j = end + 1;
        if (j < _tokenCount && _lower[j] is "'s" or "\u2019s" or "'" or "\u2019")
            j++;
        if (j < _tokenCount && _lower[j] is "s")
            j++;
        for (int k = j; k < _tokenCount && k < j + 3; k++)
        {
            if (_lower[k] is "ministry" or "office" or "government" or "embassy" or "side" or "administration" or "agency"
                or "media" or "war" or "peninsula" or "efforts" or "nuclear" or "program" or "programme" or "relations" or "ties" or "people" or "economy")
                return true;
            if (!IsWordToken(k))
                break;
        }
        return false;
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "for", "to", "in", "at", "on", "of", "with", "by", "from", "after", "before", "during", "amid", "over", "about",
        "since", "into", "toward", "towards", "via", "between", "among", "following", "under", "ahead", "through", "despite",
    };

    /// <summary>Modifiers tied to a contact noun: a possessive before it ("Modi's state visit").</summary>
    private List<Found> NounModifiers(int left, int noun)
    {
        var found = NewFound();
        int i = noun - 1;
        // skip adjectives: "first", "state", "official", ... — but not a preposition or a time ("travel to Kampala
        // next week for talks": Kampala is where the talks are, not whose)
        while (i >= left && IsWordToken(i) && _mentionCover[i] < 0 && char.IsLower(_doc.Text[_doc.Tokens[i].Span.Start])
               && _lower[i] is not ("the" or "a" or "an" or "his" or "her" or "their" or "its") && !_inTime[i] && !Prepositions.Contains(_lower[i]))
            i--;
        if (i >= left && _lower[i] is "'s" or "\u2019s" or "s" && i - 1 >= left)
            i--;
        if (i >= left && _lower[i] is "'" or "\u2019" && i - 1 >= left)
            i--;
        if (i >= left && _mentionCover[i] >= 0)
        {
            var mention = _doc.Mentions[_mentionCover[i]];
            if (IsParticipantKind(mention))
            {
                int start = TokenAt(mention.Span.Start);
                found.AddRange(Collect(Math.Max(left, start), i + 1, allowGroup: false));
            }
        }
        else if (i >= left && _lower[i] is "his" or "her")
        {
            for (int k = i - 1; k >= 0 && k >= i - 60; k--)
            {
                int mi = _mentionAt[k];
                if (mi >= 0 && _doc.Mentions[mi].Kind == MentionKind.Person && !IsLocative(k))
                {
                    var pm = _doc.Mentions[mi];
                    found.Add(new Found(k, new CandidateParticipant { Name = pm.Name, Country = pm.Country, Role = pm.Role, Entity = pm.Entity }, true));
                    break;
                }
                if (_lower[k] is "." && k < i - 1)
                    break;
            }
        }
        else if (i >= left && _lower[i] is "their" or "its")
        {
            foreach (var p in GroupReference(left, i))
                found.Add(new Found(i, p, true));
        }
        return found;
    }

    /// <summary>
    /// "the two sides", "they", "their": the people of the sentence's main clause before the phrase,
    /// else the participants of the previous contact.
    /// </summary>
    private List<CandidateParticipant> GroupReference(int windowStart, int at)
    {
        var sentenceStart = _doc.Sentences[_sentenceOf[at]].FirstToken;
        var earlier = new List<CandidateParticipant>();
        for (int i = sentenceStart; i < at; i++)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind == MentionKind.Person && m.Name is not null && !IsLocative(i))
                earlier.Add(new CandidateParticipant { Name = m.Name, Country = m.Country, Role = m.Role, Entity = m.Entity });
        }
        if (earlier.Count >= 2)
            return earlier;
        // "The two ministers last held talks ...": the latest contact whose people hold that office.
        if (GroupHead(at) is { } head && RoleReferent(head) is { } byRole)
            return byRole.Participants.Select(p => p.Clone()).ToList();
        // "The two leaders last met in Kuala Lumpur": a past contact refers back to the last contact
        // that took place, not to a plan mentioned in between.
        var referent = _currentStatus == EventStatus.Occurred && SentenceStatus(sentenceStart, at) == EventStatus.Occurred
            ? _lastOccurred ?? _last : _last;
        if (referent is not null)
            return referent.Participants.Select(p => p.Clone()).ToList();
        // "The two countries held talks": with no contact told before, the countries last named.
        if (_lower[at] is "the" or "both" && at + 1 < _tokenCount && _lower[at + 1] is "two" or "countries" or "nations" or "sides")
            return LastNamedCountries(at, 2);
        return earlier;
    }

    private List<CandidateParticipant> LastNamedCountries(int before, int count)
    {
        var result = new List<CandidateParticipant>();
        for (int i = before - 1; i >= 0 && result.Count < count; i--)
        {
            int mi = _mentionAt[i];
            if (mi < 0)
                continue;
            var m = _doc.Mentions[mi];
            if (m.Kind is MentionKind.Country or MentionKind.Demonym or MentionKind.Metonym && m.Country is { } c
                && !result.Exists(p => p.Country == c))
                result.Add(new CandidateParticipant { Country = c });
        }
        return result.Count == count ? result : [];
    }

    /// <summary>The office a group phrase names ("the two ministers" → "minister"), or null for "they", "the two sides".</summary>
    private string? GroupHead(int at)
    {
        for (int i = at; i < _tokenCount && i < at + 4; i++)
        {
            var w = _lower[i];
            if (w is "ministers" or "presidents" or "envoys" or "diplomats" or "premiers" or "chancellors" or "secretaries"
                or "ambassadors" or "negotiators" or "kings" or "emirs" or "generals")
                return w[..^1];
            if (!IsWordToken(i))
                return null;
        }
        return null;
    }

    private CandidateEvent? RoleReferent(string head)
    {
        for (int k = _recent.Count - 1; k >= 0; k--)
        {
            var named = _recent[k].Participants.Where(p => p.Name is not null).ToList();
            if (named.Count >= 2 && named.TrueForAll(p => p.Role is { } r && TextSearch.ContainsIgnoreCase(r, head)))
                return _recent[k];
        }
        return null;
    }

    private static void AddAll(CandidateEvent ev, List<Found> found)
    {
        var participants = ev.Participants;
        foreach (var f in found)
        {
            var p = f.Participant;
            bool dup = false;
            foreach (var q in participants)
                if (SameParty(p, q) && (p.Name is not null || p.Country is not null || p.Entity >= 0 && q.Entity == p.Entity))
                {
                    dup = true;
                    break;
                }
            if (dup)
            {
                // The first one that is the same party (a participant with no name and no country matches
                // another one with no country).
                foreach (var q in participants)
                    if (SameParty(p, q))
                    {
                        q.Country ??= p.Country;
                        break;
                    }
                continue;
            }
            // A named person replaces a bare country of the same country.
            if (p.Name is not null && p.Country is not null)
                for (int k = participants.Count - 1; k >= 0; k--)
                    if (participants[k].Name is null && participants[k].Country == p.Country)
                        participants.RemoveAt(k);
            participants.Add(p);
        }
    }

    /// <summary>The same entity, the same name, or (for an unnamed one) the same country.</summary>
    private static bool SameParty(CandidateParticipant p, CandidateParticipant q) =>
        (p.Entity >= 0 && q.Entity == p.Entity)
        || (p.Name is not null && q.Name is not null && NameMatch.Same(p.Name, q.Name))
        || (p.Name is null && q.Country == p.Country);

    /// <summary>Whether the contact's first party (its subject) took part in the other contact.</summary>
    private static bool SharesFirstParty(CandidateEvent ev, CandidateEvent other)
    {
        if (ev.Participants.Count == 0)
            return false;
        // "Foreign Minister Vieira and his Argentine counterpart also held a separate meeting": the
        // delegations of the same two countries, on the same occasion.
        int mine = ev.CountryCount;
        if (mine >= 2 && mine == other.CountryCount && ev.CountriesIn(other))
            return true;
        var first = ev.Participants[0];
        foreach (var q in other.Participants)
            if (first.Name is not null && q.Name is not null ? NameMatch.Same(first.Name, q.Name)
                : first.Name is null && q.Country == first.Country)
                return true;
        return false;
    }
}
