using System.Runtime.InteropServices;
using Parley.Segmentation;
using Parley.Text;

namespace Parley.Actors;

internal sealed partial class ActorPass
{
    // One entry per entity: its drafts, and the words of its longest written name.
    private readonly List<List<Draft>> _entityDrafts = [];
    private readonly List<string[]> _entityWords = [];

    // Per entity: the index in its words of the last one that is no suffix ("Jr", "II"), as IsKey reads it.
    private readonly List<int> _entityLastWord = [];
    private readonly List<KnownPerson?> _entityKnown = [];
    private readonly Dictionary<string, int> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byFullNameSpan;
    private readonly NameKeyFilter _fullNameKeys = new(256);

    // Reused lists: an entity's drafts (entity e has the list at e) and the person drafts of each sentence.
    private readonly List<List<Draft>> _entityListPool = [];
    private List<Draft>[] _bySentence = [];

    /// <summary>The entity whose full name has the key of <paramref name="name"/> (<see cref="Lexical.NormaliseName(ReadOnlySpan{char})"/>), or -1.</summary>
    private int ByFullName(ReadOnlySpan<char> name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var key = buffer[..Lexical.NormaliseName(name, buffer)];
        return _fullNameKeys.MayContain(key) && _byFullNameSpan.TryGetValue(key, out int e) ? e : -1;
    }

    /// <summary>Files entity <paramref name="e"/> under the key of <paramref name="name"/>, unless an entity has it.</summary>
    private void AddFullName(ReadOnlySpan<char> name, int e)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var key = buffer[..Lexical.NormaliseName(name, buffer)];
        _fullNameKeys.Add(key);
        _byFullNameSpan.TryAdd(key, e);
    }

    private void EndResolve()
    {
        for (int e = 0; e < _entityDrafts.Count; e++)
            _entityDrafts[e].Clear();
        _entityDrafts.Clear();
        _entityWords.Clear();
        _entityLastWord.Clear();
        _entityKnown.Clear();
        _byFullName.Clear();
        _fullNameKeys.Clear();
        foreach (var list in _bySentence)
            list.Clear();
    }

    /// <summary>
    /// Text order: by start, the longer first, then in the order made. That is a total order (<see cref="Draft.Order"/>
    /// is unique), so any sort gives the same list; between sorts only a few drafts are added, so an insertion sort
    /// does, unless the list is far from sorted.
    /// </summary>
    private void SortDrafts()
    {
        var drafts = CollectionsMarshal.AsSpan(_drafts);
        int descents = 0;
        for (int i = 1; i < drafts.Length; i++)
            if (CompareDrafts(drafts[i - 1], drafts[i]) > 0)
                descents++;
        if (descents == 0)
            return;
        if (descents > 32)
        {
            drafts.Sort(CompareDrafts);
            return;
        }
        for (int i = 1; i < drafts.Length; i++)
        {
            var d = drafts[i];
            int j = i - 1;
            if (CompareDrafts(drafts[j], d) <= 0)
                continue;
            do
            {
                drafts[j + 1] = drafts[j];
                j--;
            }
            while (j >= 0 && CompareDrafts(drafts[j], d) > 0);
            drafts[j + 1] = d;
        }
    }

    private static int CompareDrafts(Draft x, Draft y) =>
        x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start)
        : x.Span.End != y.Span.End ? y.Span.End.CompareTo(x.Span.End)
        : x.Order.CompareTo(y.Order);

    private void Resolve()
    {
        SortDrafts();
        // Full names first, so that a surname before its full name ("Xi" in a headline) still finds it.
        foreach (var d in _drafts)
            if (d.Kind == MentionKind.Person && d.Words is { } w && (w.Length >= 2 || d.Known is not null))
                Attach(d, FindOrCreateFullName(d));
        UpdateEntityCountries();
        foreach (var d in _drafts)
        {
            if (d.Kind != MentionKind.Person || d.Entity >= 0 || d.Words is null)
                continue;
            int e = FindByKey(d.Words[0], d.Span.Start);
            // "The Jordanian king, Hussein," is not Saddam Hussein: a phrase country that contradicts the entity's.
            if (e >= 0 && d.CountryFromModifier && d.Country is not null && _doc.Entities[e].Country is { } other && other != d.Country)
                e = -1;
            Attach(d, e >= 0 ? e : NewEntity(d));
        }
        foreach (var d in _drafts)
            if (d.SameAs is { Entity: >= 0 } same && d.Entity < 0)
                Attach(d, same.Entity);
        UpdateEntityCountries();
        ScanNames();
        SortDrafts();
        UpdateEntityCountries();
        ResolveRoles();
        UpdateEntityCountries();
        SortDrafts();
        AssignGenders();
        ResolvePronouns();
        SortDrafts();
        UpdateEntityCountries();
        KinshipCountries();
        DatelineCountries();
    }

    /// <summary>
    /// A person with a national title ("Foreign Minister", "President") and no country, in a story datelined in a
    /// city ("MUSCAT: ...", "SOCHI (TASS) --"), is that city's country's: news names its own country's officials
    /// without it. Weaker than every other source, so used last.
    /// </summary>
    private void DatelineCountries()
    {
        if (DatelineCountry() is not { } code)
            return;
        for (int e = 0; e < _entityDrafts.Count; e++)
        {
            if (_doc.Entities[e].Country is not null)
                continue;
            foreach (var d in _entityDrafts[e])
            {
                if (d.National)
                {
                    _doc.Entities[e].Country = code;
                    break;
                }
            }
        }
    }

    /// <summary>The country of the dateline's city (<c>Document.Info.Dateline</c>), when it is a listed city or capital.</summary>
    private string? DatelineCountry()
    {
        var dateline = _doc.Info.Dateline;
        if (string.IsNullOrWhiteSpace(dateline))
            return null;
        var tokens = new List<Token>();
        Tokenizer.Tokenize(dateline, tokens);
        int n = _lex.Places.Match(dateline, tokens, 0, tokens.Count, out var entry, out _);
        return n == tokens.Count && entry is { City: not null, Kind: MentionKind.Place or MentionKind.Metonym } ? entry.Code : null;
    }

    /// <summary>
    /// A person of unknown country whose name has the Korean shape ("Choi Young-joon": family name, then a
    /// hyphenated given name) takes the country every other Korean-shaped name of the document has, when
    /// they all agree and that country is a shape_country of actor_cues.tsv (South Korea: its officials
    /// often appear bare, while North Korean ones nearly always carry a modifier). The weakest source, used last.
    /// </summary>
    private void KinshipCountries()
    {
        string? shared = null;
        bool conflict = false;
        for (int e = 0; e < _entityWords.Count; e++)
        {
            if (!IsKoreanShape(_entityWords[e]) || _doc.Entities[e].Country is not { } c)
                continue;
            conflict |= shared is not null && shared != c;
            shared = c;
        }
        if (shared is null || conflict || !_lex.ShapeCountries.Contains(shared))
            return;
        for (int e = 0; e < _entityWords.Count; e++)
            if (_doc.Entities[e].Country is null && IsKoreanShape(_entityWords[e]))
                _doc.Entities[e].Country = shared;
    }

    private static bool IsKoreanShape(string[] words)
    {
        if (words.Length != 2 || words[0].Length > 6)
            return false;
        var given = words[1];
        int hyphen = given.IndexOf('-');
        return hyphen > 0 && hyphen + 1 < given.Length && char.IsLower(given[hyphen + 1]) && given.IndexOf('-', hyphen + 1) < 0;
    }

    private int NewEntity(Draft d)
    {
        if (_entityDrafts.Count == _entityListPool.Count)
            _entityListPool.Add([]);
        _entityDrafts.Add(_entityListPool[_entityDrafts.Count]);
        _entityWords.Add(d.Words ?? []);
        _entityLastWord.Add(LastNameWord(d.Words ?? []));
        _entityKnown.Add(d.Known);
        // The name as the text writes it ("Recep Tayyip Erdogan", which the gold compares), unless the
        // text only gives a surname ("Biden") and the people list knows the full name.
        var name = d.Words is { Length: >= 2 } ? d.Name! : d.Known?.Name ?? d.Name ?? "";
        _doc.Entities.Add(new PersonEntity { Name = name });
        int e = _doc.Entities.Count - 1;
        AddFullName(d.Name, e);
        if (d.Known is not null)
            AddFullName(d.Known.Name, e);
        return e;
    }

    private int FindOrCreateFullName(Draft d)
    {
        if (d.Known is not null)
        {
            if (ByFullName(d.Known.Name) is >= 0 and var same)
                return same;
            for (int e = 0; e < _entityKnown.Count; e++)
                if (ReferenceEquals(_entityKnown[e], d.Known))
                    return e;
            if (d.Words!.Length == 1 && FindByKey(d.Words[0], d.Span.Start) is >= 0 and var byKey)
                return byKey; // "Petro" after "Gustavo Petro Urrego"
        }
        if (ByFullName(d.Name) is >= 0 and var k)
            return k;

        // "López Obrador" and "Andrés Manuel López Obrador": one name ends the other; "Gustavo Petro" and
        // "Gustavo Petro Urrego": one starts the other.
        var words = d.Words!;
        for (int e = 0; e < _entityWords.Count; e++)
        {
            var other = _entityWords[e];
            if (words.Length >= 2 && other.Length >= 2
                && (EndsWith(other, words) || EndsWith(words, other) || StartsWith(other, words) || StartsWith(words, other)))
                return e;
        }
        return NewEntity(d);
    }

    private static bool EndsWith(string[] longer, string[] shorter)
    {
        if (shorter.Length > longer.Length)
            return false;
        int off = longer.Length - shorter.Length;
        for (int i = 0; i < shorter.Length; i++)
            if (!longer[off + i].AsSpan().TrimEnd('.').Equals(shorter[i].AsSpan().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }

    /// <summary><see cref="EndsWith"/> with the shorter name as tokens of the text (the last one possessive or not).</summary>
    private bool EndsWithTokens(string[] longer, int first, int end, bool possessive)
    {
        int off = longer.Length - (end - first);
        for (int k = first; k < end; k++)
        {
            var w = Word(k);
            if (k == end - 1 && possessive)
                Lexical.StripPossessive(w, out w);
            if (!longer[off + k - first].AsSpan().TrimEnd('.').Equals(w.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    private static bool StartsWith(string[] longer, string[] shorter)
    {
        if (shorter.Length > longer.Length)
            return false;
        for (int i = 0; i < shorter.Length; i++)
            if (!longer[i].AsSpan().TrimEnd('.').Equals(shorter[i].AsSpan().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }

    private void Attach(Draft d, int e)
    {
        d.Entity = e;
        _entityDrafts[e].Add(d);
        var entity = _doc.Entities[e];
        if (d.Known is not null && _entityKnown[e] is null)
        {
            _entityKnown[e] = d.Known;
            if (_entityWords[e].Length < 2)
                entity.Name = d.Known.Name;
            AddFullName(d.Known.Name, e);
        }
        if (d.Words is { } w && w.Length > _entityWords[e].Length)
        {
            _entityWords[e] = w;
            _entityLastWord[e] = LastNameWord(w);
            if (w.Length >= 2)
                entity.Name = d.Name!;
            AddFullName(d.Name, e);
        }
        AddRole(entity, d.Role);
        if (d.MoreRoles is not null)
            foreach (var r in d.MoreRoles)
                AddRole(entity, r);
    }

    private static void AddRole(PersonEntity entity, string? role)
    {
        if (role is null)
            return;
        foreach (var r in entity.Roles)
            if (string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
                return;
        entity.Roles.Add(role);
    }

    /// <summary>
    /// Whether one word names the entity on its own: the last word of the name, or the first when the
    /// family name comes first ("Liu" of "Liu Xiaoming", "Noh" of "Noh Kyu-duk", "Tamim" of "Tamim bin Hamad").
    /// </summary>
    private bool IsKey(int e, ReadOnlySpan<char> word)
    {
        var words = _entityWords[e];
        if (words.Length == 0)
            return false;
        if (word.SequenceEqual(words[_entityLastWord[e]]))
            return true;
        if (words.Length == 1 || !word.SequenceEqual(words[0]))
            return false;
        var country = _doc.Entities[e].Country;
        if (country is not null && _lex.FamilyFirst.Contains(country))
            return true;
        var second = words[1];
        int hyphen = second.IndexOf('-');
        if (hyphen > 0 && hyphen + 1 < second.Length && char.IsLower(second[hyphen + 1]))
            return true; // the Korean "Kyu-duk" shape
        return _lex.Particles.Contains(second) && second.StartsWith('b') || second.StartsWith("ibn", StringComparison.Ordinal);
    }

    /// <summary>The index of the last word of a name that is no suffix: "Biden" of "Joseph Biden Jr.".</summary>
    private int LastNameWord(string[] words)
    {
        int last = words.Length - 1;
        while (last > 0 && _lex.Suffixes.Contains(words[last].TrimEnd('.')))
            last--;
        return last;
    }

    /// <summary>The entity a single word names: the most recent one mentioned before, else the only one.</summary>
    private int FindByKey(ReadOnlySpan<char> word, int position)
    {
        int best = -1, bestPos = -1, any = -1, count = 0;
        for (int e = 0; e < _entityDrafts.Count; e++)
        {
            if (!IsKey(e, word))
                continue;
            count++;
            any = e;
            foreach (var d in _entityDrafts[e])
                if (d.Span.Start < position && d.Span.Start > bestPos)
                {
                    bestPos = d.Span.Start;
                    best = e;
                }
        }
        return best >= 0 ? best : count == 1 ? any : -1;
    }

    private void UpdateEntityCountries()
    {
        for (int e = 0; e < _entityDrafts.Count; e++)
        {
            string? fromModifier = null, any = null;
            foreach (var d in _entityDrafts[e])
            {
                if (d.Country is null || d.IsPronoun)
                    continue;
                if (d.CountryFromModifier)
                {
                    fromModifier = d.Country;
                    break;
                }
                any ??= d.Country;
            }
            _doc.Entities[e].Country = fromModifier ?? _entityKnown[e]?.Country ?? any;
        }
    }

    /// <summary>Later mentions by full name or by a single name word ("Liu", "Sherman") outside any title phrase.</summary>
    private void ScanNames()
    {
        if (_entityDrafts.Count == 0)
            return;
        for (int s = 0; s < _doc.Sentences.Count; s++)
        {
            var sentence = _doc.Sentences[s];
            int b = sentence.EndToken;
            int next = sentence.FirstToken; // the first token after the last name run
            for (int c = FirstAtOrAfter(_capWords, next); c < _capWords.Count && _capWords[c] < b; c++)
            {
                int i = _capWords[c];
                if (i < next || _covered[i] || _gazStart[i] >= 0 || _roleStart[i] >= 0 || !NameRun(i, b, out int end, out bool possessive))
                    continue;
                var span = SpanOf(i, end);
                int e = ByFullName(span.AsSpan(_text));
                if (e < 0 && end - i == 1 && !(end < b && Has(end, WordFacts.NameModifier)))
                {
                    var w = Word(i);
                    if (possessive)
                        Lexical.StripPossessive(w, out w);
                    e = FindByKey(w, span.Start);
                }
                if (e < 0 && end - i >= 2)
                    e = FindByEnding(i, end, possessive);
                if (e >= 0)
                {
                    var d = AddPerson(i, end, possessive, s, null, lookUp: false);
                    Attach(d, e);
                }
                next = end;
            }
        }
    }

    /// <summary>
    /// "Al Busaidy" after "Badr bin Hamad al Busaidy", "López Obrador" after "Andrés Manuel López Obrador": the one
    /// entity whose name ends with these words (two or more), or -1.
    /// </summary>
    private int FindByEnding(int first, int end, bool possessive)
    {
        int found = -1;
        for (int e = 0; e < _entityWords.Count; e++)
        {
            if (_entityWords[e].Length <= end - first || !EndsWithTokens(_entityWords[e], first, end, possessive))
                continue;
            if (found >= 0)
                return -1;
            found = e;
        }
        return found;
    }

    /// <summary>"Beijing's top envoy", "the U.S. top diplomat", "the vice minister": the one person the role can be.</summary>
    private void ResolveRoles()
    {
        foreach (var d in _drafts)
        {
            if (d.Kind == MentionKind.Person && d.Owner is not null && d.Country is null)
            {
                // "Kim Tae-hyo, tapped as Yoon's deputy national security adviser": Yoon's country.
                int o = ByFullName(d.Owner);
                if (o < 0)
                    o = FindByKey(d.Owner, d.Span.Start);
                if (o >= 0 && o != d.Entity && _doc.Entities[o].Country is { } c)
                {
                    d.Country = c;
                    d.CountryFromModifier = true;
                }
                continue;
            }
            if (d.Kind != MentionKind.Role)
                continue;
            if (d.Owner is not null)
            {
                // "the Moon administration", "Yoon's deputy national security adviser": the owner's country.
                int o = ByFullName(d.Owner);
                if (o < 0)
                    o = FindByKey(d.Owner, d.Span.Start);
                if (o >= 0 && d.Country is null)
                    d.Country = _doc.Entities[o].Country;
                continue;
            }
            if (d.IsPlural || d.IsInstitution || d.Title is null)
                continue;
            bool relational = d.Title.Kind == RoleKind.Relational;
            if (relational && d.Country is null)
                continue;
            // "Foreign Minister Cho and his Japanese counterpart": the counterpart holds Cho's office, so a Japanese
            // prime minister named earlier is not who is meant.
            var offices = relational ? OfficesOfAnchor(d) : null;
            int before = -1, beforeCount = 0;
            for (int e = 0; e < _entityDrafts.Count; e++)
            {
                var entity = _doc.Entities[e];
                if (d.Country is not null && entity.Country != d.Country)
                    continue;
                if (!relational && !HasRoleOfClass(entity, _entityKnown[e], d.Title.Class))
                    continue;
                if (offices is not null && HoldsOtherOffice(entity, _entityKnown[e], offices))
                    continue;
                foreach (var m in _entityDrafts[e])
                    if (m.Span.Start < d.Span.Start)
                    {
                        beforeCount++;
                        before = e;
                        break;
                    }
            }
            // Only backwards: "the minister will meet Vice Minister Choi" is not Choi.
            int pick = beforeCount == 1 ? before : -1;
            if (pick < 0)
                continue;
            d.Kind = MentionKind.Person;
            d.Name = _doc.Entities[pick].Name;
            Attach(d, pick);
        }
    }

    /// <summary>
    /// The offices (role_aliases.tsv keys) of the person a relational role is relative to: the nearest person named
    /// before it in its sentence ("Foreign Minister Cho and his Japanese counterpart"); null when none is known.
    /// </summary>
    private List<string>? OfficesOfAnchor(Draft role)
    {
        Draft? anchor = null;
        foreach (var d in _drafts)
            if (d.Sentence == role.Sentence && d.Kind == MentionKind.Person && d.Entity >= 0 && !d.IsPronoun
                && d.Span.End <= role.Span.Start && (anchor is null || d.Span.Start > anchor.Span.Start))
                anchor = d;
        if (anchor is null)
            return null;
        var entity = _doc.Entities[anchor.Entity];
        List<string>? offices = null;
        foreach (var r in RolesOf(entity, _entityKnown[anchor.Entity]))
            if (Consolidation.RoleAliases.Default.OfficeKeyOf(r, entity.Country) is { } key)
                (offices ??= []).Add(key);
        return offices;
    }

    /// <summary>Whether every office the person is known by is none of <paramref name="offices"/> (a person of no known office holds no other).</summary>
    private static bool HoldsOtherOffice(PersonEntity entity, KnownPerson? known, List<string> offices)
    {
        bool any = false;
        foreach (var r in RolesOf(entity, known))
            if (Consolidation.RoleAliases.Default.OfficeKeyOf(r, entity.Country) is { } key)
            {
                if (offices.Contains(key))
                    return false;
                any = true;
            }
        return any;
    }

    /// <summary>The roles the document gives the person, else those of the people list.</summary>
    private static IReadOnlyList<string> RolesOf(PersonEntity entity, KnownPerson? known) =>
        entity.Roles.Count > 0 || known is null ? entity.Roles : known.Roles;

    /// <summary>Whether a role the document (or, failing it, the people list) gives the person contains one of the class words.</summary>
    private static bool HasRoleOfClass(PersonEntity entity, KnownPerson? known, string[] cls)
    {
        foreach (var role in entity.Roles)
            foreach (var c in cls)
                if (role.Contains(c, StringComparison.OrdinalIgnoreCase))
                    return true;
        if (known is not null)
            foreach (var role in known.Roles)
                foreach (var c in cls)
                    if (role.Contains(c, StringComparison.OrdinalIgnoreCase))
                        return true;
        return false;
    }

    /// <summary>
    /// "he", "she", "his", "her" opening a clause: the subject (first person mention) of the same sentence
    /// before it, or of the nearest of the three sentences before that mentions a person.
    /// </summary>
    private void ResolvePronouns()
    {
        if (_entityDrafts.Count == 0)
            return;
        if (_bySentence.Length < _doc.Sentences.Count)
        {
            int old = _bySentence.Length;
            Array.Resize(ref _bySentence, Math.Max(_doc.Sentences.Count, 2 * old));
            for (int i = old; i < _bySentence.Length; i++)
                _bySentence[i] = [];
        }
        var bySentence = _bySentence; // an empty list for a sentence without a person
        foreach (var d in _drafts)
            if (d.Kind == MentionKind.Person && d.Entity >= 0 && d.PartOf is null)
                bySentence[d.Sentence].Add(d);
        for (int s = 0; s < _doc.Sentences.Count; s++)
        {
            var sentence = _doc.Sentences[s];
            for (int c = FirstAtOrAfter(_pronouns, sentence.FirstToken); c < _pronouns.Count && _pronouns[c] < sentence.EndToken; c++)
            {
                int k = _pronouns[c];
                if (_covered[k])
                    continue;
                var w = Word(k);
                bool possessive = w.Equals("his", StringComparison.OrdinalIgnoreCase) || w.Equals("her", StringComparison.OrdinalIgnoreCase);
                bool objective = w.Equals("him", StringComparison.OrdinalIgnoreCase)
                    || (w.Equals("her", StringComparison.OrdinalIgnoreCase) && (k + 1 >= sentence.EndToken || !IsWord(k + 1)));
                Draft? antecedent = null;
                var gender = PronounGender(k);
                if (objective)
                {
                    antecedent = ObjectAntecedent(bySentence, s, k, gender);
                    possessive = false;
                }
                else
                {
                    if (!possessive && !w.Equals("he", StringComparison.OrdinalIgnoreCase) && !w.Equals("she", StringComparison.OrdinalIgnoreCase))
                        continue;
                    if (!OpensClause(k, sentence.FirstToken))
                        continue;
                    int quote = QuoteBefore(k, sentence.FirstToken);
                    if (quote >= 0)
                    {
                        // '"...," he said': the speaker is the person named last before the quotation opened.
                        int opening = QuoteOpening(quote);
                        antecedent = (gender == Gender.Female ? RecentWoman(bySentence, s, opening, -1) : null)
                            ?? LastPersonBefore(bySentence, s, opening, gender);
                        if (antecedent is null)
                            continue;
                    }
                    else
                    {
                        // "She" and "her" take the most recent woman when the text marks one; otherwise, and for "he",
                        // the subject (first person) of this sentence or of the nearest before, skipping the other sex.
                        int position = _tokens[k].Span.Start;
                        if (gender == Gender.Female)
                            antecedent = RecentWoman(bySentence, s, position, -1);
                        if (antecedent is null && bySentence[s] is { } here)
                            antecedent = FirstFitting(here, position, gender);
                        // "The Turkish foreign minister's trip ... went ahead, when he met ...": an unnamed office holder of
                        // this sentence is nearer than anyone named before it (the extractor reads him as that office).
                        if (antecedent is null && UnnamedHolderBefore(s, position))
                            continue;
                        for (int p = s - 1; antecedent is null && p >= 0 && p >= s - 3; p--)
                            if (bySentence[p] is { } earlier)
                                antecedent = FirstFitting(earlier, int.MaxValue, gender);
                    }
                }
                if (antecedent is null)
                    continue;
                var d = NewDraft();
                d.Span = _tokens[k].Span;
                d.Kind = MentionKind.Person;
                d.IsPronoun = true;
                d.IsPossessive = possessive;
                d.Name = _doc.Entities[antecedent.Entity].Name;
                Add(d, s);
                _covered[k] = true;
                Attach(d, antecedent.Entity);
                var list = bySentence[s];
                int at = 0;
                while (at < list.Count && list[at].Span.Start < d.Span.Start)
                    at++;
                list.Insert(at, d);
            }
        }
    }

    /// <summary>Whether sentence <paramref name="s"/> names, before <paramref name="position"/>, one unnamed holder of an office of a country.</summary>
    private bool UnnamedHolderBefore(int s, int position)
    {
        foreach (var d in _drafts)
            if (d.Sentence == s && d.Kind == MentionKind.Role && d.Span.Start < position && !d.IsPlural && !d.IsInstitution
                && d.Country is not null && d.PartOf is null && d.Title is { Kind: RoleKind.Person })
                return true;
        return false;
    }

    /// <summary>
    /// "him" or an object "her" at token <paramref name="k"/>: the most recent person before it who is not the
    /// subject of its clause ("López Obrador received him": not López Obrador; "... to lead him": still not him;
    /// "Hours after Blinken was sworn in, Kang held talks with him": Blinken), in this sentence or the three before.
    /// </summary>
    /// <remarks>
    /// The clause starts after the nearest comma or clause opener ("where", "and", "that") before the pronoun; its
    /// subject is its first person mention not in the possessive. A clause cut by a comma and holding no person
    /// ("López Obrador, who arrived on Friday, received him") has the sentence's first person as its subject; one
    /// opened by a clause opener ("..., where people waited for him") has no person subject, so it excludes no one.
    /// </remarks>
    private Draft? ObjectAntecedent(List<Draft>[] bySentence, int s, int k, Gender gender)
    {
        var sentence = _doc.Sentences[s];
        int position = _tokens[k].Span.Start;
        int start = sentence.FirstToken;
        bool opener = false;
        for (int p = k - 1; p >= sentence.FirstToken; p--)
        {
            if (_tokens[p].Kind == TokenKind.Punctuation && Word(p) is "," or ";" or ":" or "\u2014")
            {
                start = p + 1;
                break;
            }
            // "appointed as foreign minister": an opener before a title is a preposition.
            if (IsWord(p) && Has(p, WordFacts.ClauseOpener) && !(p + 1 < k && _roleStart[p + 1] >= 0))
            {
                start = p + 1;
                opener = true;
                break;
            }
        }
        int clauseStart = _tokens[Math.Min(start, k)].Span.Start;
        int subject = -1;
        if (bySentence[s] is { } here)
        {
            foreach (var d in here)
            {
                if (d.Span.Start >= position)
                    break;
                if (d.IsPossessive || d.Span.Start < clauseStart)
                    continue;
                subject = d.Entity;
                break;
            }
            if (subject < 0 && !opener)
            {
                foreach (var d in here)
                {
                    if (d.Span.Start >= position)
                        break;
                    if (!d.IsPossessive)
                    {
                        subject = d.Entity;
                        break;
                    }
                }
            }
        }
        if (gender == Gender.Female && RecentWoman(bySentence, s, position, subject) is { } woman)
            return woman;
        for (int p = s; p >= 0 && p >= s - 3; p--)
        {
            if (bySentence[p] is not { } list)
                continue;
            for (int i = list.Count - 1; i >= 0; i--)
            {
                var d = list[i];
                if (p == s && d.Span.Start >= position)
                    continue;
                if (d.Entity != subject && Fits(d.Entity, gender))
                    return d;
            }
        }
        return null;
    }

    /// <summary>The first person of a sentence's list before <paramref name="position"/> whom the pronoun may name.</summary>
    private Draft? FirstFitting(List<Draft> list, int position, Gender gender)
    {
        foreach (var d in list)
        {
            if (d.Span.Start >= position)
                return null;
            if (Fits(d.Entity, gender))
                return d;
        }
        return null;
    }

    private static bool IsQuote(ReadOnlySpan<char> w) => w is "\"" or "\u201C" or "\u201D";

    /// <summary>The closing quotation mark just before token <paramref name="k"/> (after an optional comma), or -1.</summary>
    private int QuoteBefore(int k, int first)
    {
        int p = k - 1;
        if (p >= first && Word(p) is ",")
            p--;
        return p >= 0 && IsQuote(Word(p)) && (p < first || Word(p) is not "\u201C") ? p : -1;
    }

    /// <summary>The character offset where the quotation closed at token <paramref name="close"/> opened.</summary>
    private int QuoteOpening(int close)
    {
        for (int p = close - 1; p >= 0 && p >= close - 400; p--)
            if (IsQuote(Word(p)))
                return _tokens[p].Span.Start;
        return _tokens[close].Span.Start;
    }

    private Draft? LastPersonBefore(List<Draft>[] bySentence, int s, int position, Gender gender)
    {
        for (int p = s; p >= 0 && p >= s - 4; p--)
        {
            if (bySentence[p] is not { } list)
                continue;
            for (int i = list.Count - 1; i >= 0; i--)
                if (list[i].Span.Start < position && Fits(list[i].Entity, gender))
                    return list[i];
        }
        return null;
    }

    private bool OpensClause(int k, int first)
    {
        int p = k - 1;
        while (p >= first && _tokens[p].Kind == TokenKind.Punctuation && Word(p) is "\"" or "\u201C" or "\u201D" or "'" or "\u2018")
            p--;
        if (p < first)
            return true;
        if (_tokens[p].Kind == TokenKind.Punctuation)
            return Word(p) is "," or ";" or ":" or "(" or "\u2014" or "-" || p < k - 1;
        return Has(p, WordFacts.ClauseOpener);
    }

    private void Emit()
    {
        for (int i = 0; i < _drafts.Count; i++)
            _drafts[i].Order = i;
        _doc.Mentions.EnsureCapacity(_drafts.Count);
        for (int e = 0; e < _entityDrafts.Count; e++)
            _doc.Entities[e].Mentions.EnsureCapacity(_entityDrafts[e].Count);
        foreach (var d in _drafts)
        {
            string? country = d.Country;
            string? name = d.Name;
            if (d.Entity >= 0)
            {
                var entity = _doc.Entities[d.Entity];
                name = entity.Name;
                country ??= entity.Country;
                entity.Mentions.Add(d.Order);
            }
            _doc.Mentions.Add(new ActorMention
            {
                Span = d.Span,
                Kind = d.Kind,
                Country = country,
                Name = name,
                Role = d.Role,
                City = d.City,
                Entity = d.Entity,
                PartOf = d.PartOf?.Order ?? -1,
                IsPronoun = d.IsPronoun,
                IsPossessive = d.IsPossessive,
                IsInstitution = d.IsInstitution,
                IsPlural = d.IsPlural,
            });
        }
    }
}
