using Parley.Segmentation;

namespace Parley.Actors;

internal sealed partial class ActorPass
{
    /// <summary>
    /// Builds the phrase around the title starting at token <paramref name="h"/>: its country modifiers
    /// ("South Korea's", "Chinese", "US and South Korean"), its complement ("of the Republic of Korea",
    /// "for Korean Peninsula peace and security affairs") and its person, named after it ("Vice Minister
    /// Choi Young-joon", "his Chinese counterpart, Liu Xiaoming,") or before it as an apposition
    /// ("Noh Kyu-duk, the special representative ..."). Without a person it is a role mention.
    /// </summary>
    private void BuildPhrase(int h, int a, int b, int s)
    {
        var r = _roleEntry[h]!;
        int titleEnd = h + _roleLen[h];
        if (r.Kind == RoleKind.Honorific)
        {
            if (titleEnd < b && NameRun(titleEnd, b, out int he, out bool hp))
            {
                var d = AddPerson(titleEnd, he, hp, s, null);
                d.Title = r;
                d.Role = r.KeepAsRole ? SpanOf(h, titleEnd).Slice(_text) : null;
                MarkCovered(h, he);
            }
            return;
        }

        // "South Korea's First Vice Foriegn Minister": capitalised words the title list does not know,
        // between a country and a title, belong to the title.
        if (r.Kind == RoleKind.Person)
        {
            int x = h;
            while (x - 1 >= a && h - x < 4 && IsCapWord(x - 1) && _gazStart[x - 1] < 0 && _roleStart[x - 1] < 0 && !_covered[x - 1]
                   && !Has(x - 1, WordFacts.TimeWord) && !Has(x - 1, WordFacts.Possessive))
                x--; // "French National Assembly president": words that are no name ("Assembly") bridge too
            if (x < h && x - 1 >= a && _gazStart[x - 1] >= 0 && _gazEntry[_gazStart[x - 1]]!.Kind != MentionKind.Place)
                h = x;
        }

        // Modifiers, right to left.
        var mods = _scratch;
        mods.Clear();
        int ps = h, k = h - 1;
        bool lastPlace = false;
        int ownerStart = -1, ownerEnd = -1;
        while (k >= a && !_covered[k])
        {
            int g = _gazStart[k];
            if (g >= 0)
            {
                var ge = _gazEntry[g]!;
                if (ge.Kind == MentionKind.Place || (lastPlace && _gazPossessive[g]))
                    break;
                mods.Add(g);
                ps = g;
                k = g - 1;
                lastPlace = true;
                continue;
            }
            // "US and South Korean envoys": coordinated modifiers only for a plural role; one person has one
            // country ("Syria and Palestinian leader Yasser Arafat" is Syria, and Arafat the Palestinian).
            if (r.Plural && lastPlace && k - 1 >= a && _gazStart[k - 1] >= 0 && (Is(k, "and") || Is(k, ",") || Is(k, "&")))
            {
                k--;
                lastPlace = false;
                continue;
            }
            // "the two envoys", "both foreign ministers": a count belongs to a plural role's phrase.
            if (IsWord(k) && _roleStart[k] < 0 && (Has(k, WordFacts.RoleModifier) || (r.Plural && Has(k, WordFacts.Count))))
            {
                ps = k;
                k--;
                lastPlace = false;
                continue;
            }
            if (Is(k, "the") || Is(k, "a") || Is(k, "an") || Is(k, "his") || Is(k, "her") || Is(k, "their") || Is(k, "its") || Is(k, "our"))
            {
                ps = k;
                break;
            }
            // "Yoon's deputy national security adviser", "the Moon administration": a person owns the role.
            if (IsCapWord(k) && _roleStart[k] < 0 && (Has(k, WordFacts.Possessive) || (mods.Count == 0 && _lex.NameModifiers.Contains(r.Title))))
            {
                int st = k;
                while (st - 1 >= a && !_covered[st - 1] && (IsCapWord(st - 1) || IsInitial(st - 1, k + 1) || Word(st - 1) is ".") && _gazStart[st - 1] < 0 && _roleStart[st - 1] < 0)
                    st--;
                while (st < k && !(NameRun(st, k + 1, out int e, out _) && e == k + 1))
                    st++;
                if (NameRun(st, k + 1, out int oe, out _) && oe == k + 1)
                {
                    ownerStart = st;
                    ownerEnd = k + 1;
                    ps = st;
                    if (st > a && Is(st - 1, "the"))
                        ps = st - 1;
                }
            }
            break;
        }
        mods.Reverse(); // leftmost first

        // Complement, left to right.
        int ce = titleEnd;
        int complementCountry = -1;
        List<int>? complementCountries = null;
        // "Minister of Foreign Affairs and Expatriates", "Minister for Foreign Affairs and Trade": a title with its
        // own complement goes on through "and" and one capitalised word that is no place, title or name.
        if (titleEnd + 1 < b && Is(titleEnd, "and") && (r.Title.Contains(" of ", StringComparison.OrdinalIgnoreCase) || r.Title.Contains(" for ", StringComparison.OrdinalIgnoreCase))
            && IsCapWord(titleEnd + 1) && _gazStart[titleEnd + 1] < 0 && _roleStart[titleEnd + 1] < 0 && !_covered[titleEnd + 1]
            && (titleEnd + 2 >= b || !IsCapWord(titleEnd + 2)))
            ce = titleEnd += 2;
        if (titleEnd < b && IsLowerWord(titleEnd) && (Is(titleEnd, "of") || Is(titleEnd, "for") || Is(titleEnd, "on") || Is(titleEnd, "to") || Is(titleEnd, "from")))
        {
            if (r.Plural)
            {
                complementCountries = _scratch2;
                complementCountries.Clear();
            }
            ce = Complement(titleEnd, b, out complementCountry, complementCountries);
        }

        // A name after the phrase, or before it as an apposition.
        int ns = -1, ne = -1;
        bool namePossessive = false;
        bool apposition = false;
        bool aside = false;
        if (!r.Plural && r.Kind != RoleKind.Institution)
        {
            int q = ce;
            // "the president of the Sahrawi Arab Democratic Republic (also known as Western Sahara), Brahim Ghali":
            // an aside in brackets between the role and its name does not break the apposition.
            if (q < b && Is(q, "(") && ClosingBracket(q, b) is > 0 and var close && close + 1 < b && Is(close + 1, ","))
            {
                q = close + 1;
                aside = true;
            }
            bool comma = q < b && Is(q, ",");
            if (comma)
                q++;
            int beforeHonorific = q;
            while (q < b && _roleEntry[q] is { Kind: RoleKind.Honorific })
                q += _roleLen[q];
            // After a comma the name must close the apposition, unless a form of address or the people list says
            // it is a name: "Qatar's emir, Sheikh Hamad bin Khalifa al-Thani launched ...".
            if (q < b && !_covered[q] && !_headline && NameRun(q, b, out int e, out bool p, inner: true)
                && (!comma || ClosesAppositive(e, b) || q > beforeHonorific || _lex.FindPerson(SpanOf(q, e).AsSpan(_text)) is not null)
                && !RunsIntoProperNoun(e, b))
            {
                ns = q;
                ne = e;
                namePossessive = p;
            }
            else if (ClosesAppositive(ce, b) || (ps == h && IsCapWord(h) && ps - 1 >= a && Is(ps - 1, ",")))
            {
                // "X, the envoy for ..., held"; not "X, Beijing's envoy is". A bare capitalised title right after
                // "Name," is that name's title whatever follows: "Badr Albusaidi, Foreign Minister on Wednesday held".
                apposition = FindApposition(ps, a, out ns, out ne);
            }
        }

        int phraseEnd = ce;
        if (ns >= 0 && !apposition && mods.Count == 0 && complementCountry < 0 && ne + 1 < b && Is(ne, "of"))
        {
            // "Deputy Foreign Minister Ivan Petrenko of Ukraine"
            int g = Is(ne + 1, "the") && ne + 2 < b ? ne + 2 : ne + 1;
            if (_gazStart[g] == g && _gazEntry[g]!.Kind is not MentionKind.Place and not MentionKind.Demonym)
                complementCountry = g;
        }
        string? country = mods.Count > 0 ? _gazEntry[mods[0]]!.Code : complementCountry >= 0 ? _gazEntry[complementCountry]!.Code : null;
        bool fromModifier = mods.Count > 0 || complementCountry >= 0;
        int roleFrom = r.Kind == RoleKind.Relational && mods.Count > 0 ? mods[0] : h;
        // Every country of the phrase: the modifiers, then those of a plural title's complement.
        var countries = mods;
        if (complementCountries is not null)
            countries.AddRange(complementCountries);
        var roleSpan = SpanOf(roleFrom, phraseEnd);
        if (roleFrom == h)
            roleSpan = new Text.TextSpan(roleSpan.Start + TitlePrefixLength(h), roleSpan.End); // "then-President" is a President
        var roleText = roleSpan.Slice(_text);
        if (ns >= 0)
        {
            Draft person;
            if (apposition && _personEndingAt[ne] is { } existing)
            {
                person = existing;
                person.National |= _lex.IsNational(r);
                if (person.Role is null || person.Title is { Kind: RoleKind.Honorific })
                {
                    // A title beats a form of address: "Sayyid Badr ..., Foreign Minister" is the Foreign Minister.
                    if (person.Role is not null)
                        (person.MoreRoles ??= []).Add(person.Role);
                    person.Role = roleText;
                    person.Title = r;
                }
                else
                    (person.MoreRoles ??= []).Add(roleText);
                if (person.Country is null && country is not null)
                {
                    person.Country = country;
                    person.CountryFromModifier = fromModifier;
                }
            }
            else
            {
                person = AddPerson(ns, ne, namePossessive, s, null);
                person.Title = r;
                person.National = _lex.IsNational(r);
                person.Role = roleText;
                person.Country = country;
                person.CountryFromModifier = fromModifier;
            }
            if (ownerStart >= 0 && Has(ownerEnd - 1, WordFacts.Possessive))
            {
                var owner = SpanOf(ownerStart, ownerEnd).Slice(_text);
                person.Owner = owner[..^2];
            }
            MarkCovered(ps, phraseEnd);
            if (!apposition)
                MarkCovered(ps, ne);
            if (aside && ns > phraseEnd)
            {
                // The role stands apart from its name; it is a mention of the same person, so that a reader of
                // the role phrase alone ("hosting the president of ... (also known as ...)") finds them.
                var same = NewDraft();
                same.Span = SpanOf(ps, phraseEnd);
                same.Kind = MentionKind.Person;
                same.Role = roleText;
                same.Title = r;
                same.Country = country;
                same.CountryFromModifier = fromModifier;
                same.SameAs = person;
                Add(same, s);
            }
            foreach (var g in countries)
                AddPlaceDraft(g, s, person);
            if (complementCountry >= 0 && !countries.Contains(complementCountry) && !_gazEmitted[complementCountry])
            {
                AddPlaceDraft(complementCountry, s, person);
                if (!apposition && complementCountry > ne)
                    MarkCovered(ne, complementCountry + _gazLen[complementCountry]);
            }
            return;
        }

        MarkCovered(ps, phraseEnd);
        var span = SpanOf(ps, phraseEnd);
        if (r.Plural && countries.Count > 1)
        {
            // One role mention per country: "the foreign ministers of South Korea and China" is a KOR and a CHN mention.
            foreach (var g in countries)
            {
                var role = NewDraft();
                role.Span = span;
                role.Kind = MentionKind.Role;
                role.Country = _gazEntry[g]!.Code;
                role.Role = roleText;
                role.Title = r;
                role.IsPlural = true;
                role.CountryFromModifier = true;
                Add(role, s);
                AddPlaceDraft(g, s, role);
            }
            return;
        }
        var single = NewDraft();
        single.Span = span;
        single.Kind = MentionKind.Role;
        single.Country = country;
        single.CountryFromModifier = fromModifier;
        single.Role = roleText;
        single.Title = r;
        single.IsPlural = r.Plural;
        single.IsInstitution = r.Kind == RoleKind.Institution;
        single.Owner = ownerStart >= 0 ? SpanOf(ownerStart, ownerEnd).Slice(_text) : null;
        Add(single, s);
        if (single.Owner is not null && Lexical.StripPossessive(single.Owner, out var stem))
            single.Owner = stem.ToString();
        foreach (var g in countries)
            AddPlaceDraft(g, s, single);
        if (complementCountry >= 0 && !countries.Contains(complementCountry) && !_gazEmitted[complementCountry])
            AddPlaceDraft(complementCountry, s, single);
        if (ownerStart >= 0 && ownerEnd - ownerStart > 1 && !Has(ownerEnd - 1, WordFacts.Possessive))
        {
            // "the Moon Jae-in administration": the person is named, but as the owner of a body, not a participant.
            var owner = AddPerson(ownerStart, ownerEnd, false, s, null);
            owner.PartOf = single;
        }
    }

    /// <summary>The ")" closing the "(" at <paramref name="open"/> within twelve tokens, or -1.</summary>
    private int ClosingBracket(int open, int b)
    {
        for (int k = open + 1; k < b && k <= open + 12; k++)
        {
            if (Is(k, ")"))
                return k;
            if (Is(k, "(") || _covered[k])
                return -1;
        }
        return -1;
    }

    /// <summary>The words of a name run, not counting initials' stops and particles.</summary>
    private int NameWords(int first, int end)
    {
        int n = 0;
        for (int k = first; k < end; k++)
            if (IsCapWord(k))
                n++;
        return n;
    }

    /// <summary>"official Korean Central News Agency": the run stopped at a capitalised word that is not a name, so it is no name.</summary>
    private bool RunsIntoProperNoun(int e, int b) =>
        e < b && IsCapWord(e) && _gazStart[e] < 0 && _roleStart[e] < 0 && !Has(e, WordFacts.TimeWord) && !Has(e - 1, WordFacts.Possessive);

    private void MarkCovered(int first, int end)
    {
        for (int k = first; k < end; k++)
            _covered[k] = true;
    }

    /// <summary>
    /// The complement of a title from the preposition at <paramref name="j"/>: capitalised words, places and
    /// connectors, and lower-case words only when a word such as "affairs" closes them soon. Returns its end.
    /// </summary>
    private int Complement(int j, int b, out int ofCountry, List<int>? ofCountries)
    {
        int start = j, good = j;
        ofCountry = -1;
        while (j < b && j - start < 18)
        {
            int g = _gazStart[j];
            if (g == j)
            {
                var e = _gazEntry[g]!;
                bool afterOf = (j - 1 >= start && (Is(j - 1, "of") || Is(j - 1, "from"))) || (j - 2 >= start && (Is(j - 2, "of") || Is(j - 2, "from")) && Is(j - 1, "the"))
                    || (ofCountries is { Count: > 0 } && AfterListJoint(j, start));
                if (afterOf && e.Kind is MentionKind.Country or MentionKind.Demonym or MentionKind.Metonym or MentionKind.Organisation)
                {
                    if (ofCountry < 0)
                        ofCountry = g;
                    ofCountries?.Add(g);
                }
                j += _gazLen[g];
                good = j;
                if (_gazPossessive[g])
                {
                    // "chairman of the North's National Sports Guidance Committee": the place owns the capitalised
                    // words after it, which end the complement (and are no name).
                    while (j < b && IsCapWord(j) && _gazStart[j] < 0 && _roleStart[j] < 0 && !_covered[j])
                        j++;
                    good = j;
                    break;
                }
                // "special envoy for North Korea Sung Kim", "President of Turkey Recep Tayyip Erdogan": a name after
                // the place ends the complement — a listed person, or two name words or more after a country.
                if (j < b && IsCapWord(j) && NameRun(j, b, out int ne, out _) && (ne >= b || !IsCapWord(ne))
                    && ((e.Kind == MentionKind.Country && afterOf && NameWords(j, ne) >= 2)
                        || TryGetPerson(j, ne, out _)))
                    break;
                continue;
            }
            // "the defence ministers of the United States, Japan and the Philippines": a comma between countries.
            if (ofCountries is { Count: > 0 } && Is(j, ",") && j + 1 < b && (_gazStart[j + 1] == j + 1 || (j + 2 < b && Is(j + 1, "the") && _gazStart[j + 2] == j + 2)))
            {
                j++;
                continue;
            }
            if (!IsWord(j) || _covered[j])
                break;
            if (Has(j, WordFacts.TimeWord))
                break;
            if (IsCapWord(j))
            {
                j++;
                good = j;
                continue;
            }
            if (Is(j, "of") || Is(j, "for") || Is(j, "on") || Is(j, "and") || Is(j, "the") || Is(j, "to") || Is(j, "from"))
            {
                j++;
                continue;
            }
            int m = j;
            bool closes = false;
            for (; m < b && m < j + 5 && IsWord(m); m++)
            {
                // "... from Seoul and Washington held their first phone talks": a determiner means a clause.
                if (Is(m, "their") || Is(m, "his") || Is(m, "her") || Is(m, "its") || Is(m, "a") || Is(m, "an") || Is(m, "the"))
                    break;
                if (Has(m, WordFacts.ComplementEnd))
                {
                    closes = true;
                    break;
                }
            }
            if (!closes)
            {
                if (ofCountries is null && LowerTopicBeforeName(start, j, b) is > 0 and var nameStart)
                    good = nameStart;
                break;
            }
            j = m + 1;
            good = j;
        }
        if (ofCountries is null)
            good = SplitNameTail(start, good, b);
        return good;
    }

    /// <summary>
    /// "Special Envoy on Climate Change Rohan Mehta", "Minister of Economy and Finance Julien Le Maire": a complement
    /// of capitalised words swallows the name after it. Returns where the complement really ends: after its last
    /// word that is no name ("Affairs", "Committee"), before the family name of a Korean-shaped name ("Park
    /// Dong-wook"), before a listed given name, or else before the last two words (with a particle: "Le Maire");
    /// the complement must keep a word of its own, so "Minister of National Defense" stays whole.
    /// </summary>
    private int SplitNameTail(int start, int good, int b)
    {
        if (good >= b ? false : IsCapWord(good) && _gazStart[good] < 0)
            return good; // the capitalised run goes on past the complement
        int st = good;
        while (st - 1 > start && IsTailWord(st - 1))
            st--;
        if (good - st < 2)
            return good;
        int p = -1;
        for (int q = good - 1; q >= st && p < 0; q--)
            if (Has(q, WordFacts.NotName) || Has(q, WordFacts.ComplementEnd) || Has(q, WordFacts.OrgHead))
                p = q + 1;
        for (int q = st + 1; q < good && p < 0; q++)
            if (IsKoreanGiven(Word(q)))
                p = q - 1;
        for (int q = st; q < good && p < 0; q++)
            if (Has(q, WordFacts.GivenName))
                p = q;
        if (p < 0)
        {
            p = good - 2;
            while (p - 1 > st && Has(p, WordFacts.Particle))
                p--; // "Julien Le Maire"
        }
        // The complement keeps a word of its own, or ends in a place or body: "President of the Commission Ursula Lenz".
        bool kept = p > st || (st - 1 > start && _gazStart[st - 1] >= 0 && !_gazPossessive[_gazStart[st - 1]]);
        if (!kept || good - p < 2 || !NameRun(p, b, out int e, out bool possessive) || e != good || possessive || NameWords(p, good) < 2)
            return good;
        return p;
    }

    /// <summary>
    /// "special envoy for climate Dana Whitfield", "special representative on maritime security Zhou Lanfang": after
    /// "for" or "on", up to four lower-case words with no article or clause word, then a name of two words or more
    /// closed by a lower-case word or punctuation. Returns where the name starts, or 0.
    /// </summary>
    private int LowerTopicBeforeName(int start, int j, int b)
    {
        if (!(Is(start, "for") || Is(start, "on")))
            return 0;
        int m = j;
        while (m < b && m - j < 4 && IsLowerWord(m))
        {
            if (Is(m, "the") || Is(m, "a") || Is(m, "an") || Is(m, "his") || Is(m, "her") || Is(m, "their") || Is(m, "its")
                || Has(m, WordFacts.ClauseOpener) || Has(m, WordFacts.NameFollower) && !Is(m, "and"))
                return 0;
            m++;
        }
        if (m == j || m >= b || !IsCapWord(m) || _gazStart[m] >= 0 || _roleStart[m] >= 0 || _covered[m])
            return 0;
        if (!NameRun(m, b, out int e, out _) || NameWords(m, e) < 2 || (e < b && IsCapWord(e)))
            return 0;
        return m;
    }

    /// <summary>A plain capitalised word or a particle inside a capitalised complement: no place, title or possessive.</summary>
    private bool IsTailWord(int k) =>
        IsWord(k) && _gazStart[k] < 0 && _roleStart[k] < 0 && !_covered[k] && !Has(k, WordFacts.TimeWord)
        && (IsCapWord(k) || Has(k, WordFacts.Particle)) && !Has(k, WordFacts.Possessive);

    /// <summary>"Dong-wook": a hyphenated given name whose second part is in lower case, the Korean shape.</summary>
    private static bool IsKoreanGiven(ReadOnlySpan<char> w)
    {
        int hyphen = w.IndexOf('-');
        return hyphen > 0 && hyphen + 1 < w.Length && char.IsLower(w[hyphen + 1]) && w[(hyphen + 1)..].IndexOf('-') < 0;
    }

    /// <summary>"and" or "," before a country of a list, with an optional "the": "of Japan and the Philippines".</summary>
    private bool AfterListJoint(int j, int start)
    {
        int p = j - 1;
        if (p > start && Is(p, "the"))
            p--;
        return p >= start && (Is(p, "and") || Is(p, ","));
    }

    /// <summary>"Noh Kyu-duk, the special representative ...", "Noh Kyu-duk (R), special representative ...", "Kim Tae-hyo, tapped as ...".</summary>
    private bool FindApposition(int ps, int a, out int ns, out int ne)
    {
        ns = ne = -1;
        int c = ps - 1;
        if (c - 2 >= a && Is(c, "as") && IsLowerWord(c - 1) && Is(c - 2, ","))
            c -= 2;
        if (c - 1 < a || !Is(c, ","))
            return false;
        int end = c;
        if (end - 3 >= a && Is(end - 1, ")") && Is(end - 3, "("))
            end -= 3; // a caption's "(R)"
        if (_headline)
            return false;
        if (_personEndingAt[end] is { } existing)
        {
            ns = _tokens.FindIndex(a, t => t.Span.Start == existing.Span.Start);
            ne = end;
            return ns >= 0;
        }
        int st = end - 1;
        while (st - 1 >= a && !_covered[st - 1] && _gazStart[st - 1] < 0 && _roleStart[st - 1] < 0
               && (IsCapWord(st - 1) || Has(st - 1, WordFacts.Particle) || Word(st - 1) is "."))
            st--;
        for (; st < end; st++)
        {
            if (_covered[st])
                continue;
            if (NameRun(st, end, out int e, out bool p) && e == end && !p)
            {
                // The word before the name must not be a capitalised word the run refused (a headline, "The Moon").
                if (st > a && IsCapWord(st - 1) && _roleStart[st - 1] < 0 && _gazStart[st - 1] < 0 && !Has(st - 1, WordFacts.NotName))
                    return false;
                ns = st;
                ne = end;
                return true;
            }
        }
        return false;
    }
}
