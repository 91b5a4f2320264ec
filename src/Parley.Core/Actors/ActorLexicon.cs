using Parley.Data;
using Parley.Segmentation;
using Parley.Text;

namespace Parley.Actors;

/// <summary>A gazetteer entry: a country, demonym, seat of power, organisation or city as the data files list it.</summary>
internal sealed class GazEntry
{
    public required MentionKind Kind { get; init; }

    /// <summary>ISO alpha-3 or organisation code.</summary>
    public required string Code { get; init; }

    public string? City { get; init; }

    /// <summary>The key's tokens as the data file writes them, for case checks.</summary>
    public required string[] Surface { get; init; }

    /// <summary>Also a common word or a person's name ("Jordan", "Chad"): only taken when nothing says otherwise.</summary>
    public bool Ambiguous { get; init; }
}

public enum RoleKind : byte
{
    /// <summary>A title or role held by one person: "Foreign Minister", "top envoy".</summary>
    Person,
    /// <summary>A role defined by another person: "counterpart".</summary>
    Relational,
    /// <summary>A body: "foreign ministry", "presidential office".</summary>
    Institution,
    /// <summary>A form of address: "Sheikh", "Mr".</summary>
    Honorific,
}

/// <summary>A title or role noun.</summary>
internal sealed class RoleEntry
{
    public required string Title { get; init; }

    public required RoleKind Kind { get; init; }

    /// <summary>Lower-case role words an earlier person's roles must contain for a bare mention of this role to be them.</summary>
    public required string[] Class { get; init; }

    public bool Plural { get; init; }

    /// <summary>An honorific that stands as the role when no title is given ("Sheikh").</summary>
    public bool KeepAsRole { get; init; }

    /// <summary>The key's tokens as the data file writes them: "PM", "HE" and "FM" match only in capitals.</summary>
    public required string[] Surface { get; init; }

    /// <summary><see cref="ActorLexicon.IsNational"/> once asked: 0 not yet, 1 no, 2 yes (the same answer from any thread).</summary>
    internal int National;

    /// <summary>The female and male cue words of <see cref="Title"/>, once counted: -1 not yet, else female + 1000 * male.</summary>
    internal int Cues = -1;
}

/// <summary>"the North" for North Korea: a word that, after "the", names <paramref name="Code"/> in a document that mentions one of <paramref name="Context"/>.</summary>
internal sealed record EllipticalCountry(string Word, string Code, string[] Context)
{
    public GazEntry Entry { get; } = new() { Kind = MentionKind.Country, Code = Code, Surface = [Word] };
}

/// <summary>A person of people.tsv.</summary>
internal sealed record KnownPerson(string Name, string? Country, string[] Roles);

/// <summary>
/// Every word list the actor recogniser reads, built once from data/ (countries, cities, organisations,
/// titles, people, and the actor cue files) into tries over tokens. Immutable after construction, so
/// <see cref="Default"/> is shared across threads.
/// </summary>
public sealed class ActorLexicon
{
    private static readonly Lazy<ActorLexicon> Shared = new(() => new ActorLexicon(DataFiles.ReadTsv), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The lexicon of the embedded data files.</summary>
    public static ActorLexicon Default => Shared.Value;

    // Keys as the data files write them, matched in any case: the recogniser checks case on the match.
    internal TokenTrie<GazEntry> Places { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal TokenTrie<RoleEntry> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, KnownPerson> People { get; } = new(StringComparer.Ordinal);

    /// <summary><see cref="People"/> by span.</summary>
    private readonly Dictionary<string, KnownPerson>.AlternateLookup<ReadOnlySpan<char>> _peopleBySpan;

    /// <summary>Rules out most keys that are not in <see cref="People"/> before hashing them.</summary>
    private readonly NameKeyFilter _peopleKeys = new(1 << 14);
    internal HashSet<string> Particles { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal string[] Prefixes { get; }
    internal string[] TitlePrefixes { get; }
    internal HashSet<string> Suffixes { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> InnerNames { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> RoleModifiers { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> Counts { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> NotName { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> TimeWords { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> BlocksActor { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> NameModifiers { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> OrgHeads { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> ClauseOpeners { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> FamilyFirst { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> ShapeCountries { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> ComplementEnds { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> NationalRanks { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> FemaleCues { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> MaleCues { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal HashSet<string> NameFollowers { get; } = new(StringComparer.Ordinal);

    /// <summary>Given names of female_names.tsv, in the case they are written.</summary>
    internal HashSet<string> GivenNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The words of each contact verb of actor_cues.tsv, longest first: "held talks with" before "met".</summary>
    internal List<string[]> ContactVerbs { get; } = [];
    internal Dictionary<string, string> TitleRanks { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal List<EllipticalCountry> Elliptical { get; } = [];

    /// <param name="read">Gives the rows of a data file by name, e.g. <see cref="DataFiles.ReadTsv"/>.</param>
    public ActorLexicon(Func<string, IReadOnlyList<TsvRow>> read)
    {
        LoadCountries(read("countries.tsv"));
        LoadCities(read("cities.tsv"));
        LoadOrganisations(read("organisations.tsv"));
        var titlePrefixes = new List<string>();
        LoadRoleNouns(read("role_nouns.tsv"), titlePrefixes);
        TitlePrefixes = titlePrefixes.ToArray();
        LoadTitles(read("titles.tsv"));
        LoadPeople(read("people.tsv"));
        _peopleBySpan = People.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in People.Keys)
            _peopleKeys.Add(key);
        var prefixes = new List<string>();
        foreach (var row in read("name_particles.tsv"))
        {
            var word = row["particle"];
            switch (row["kind"])
            {
                case "particle": Particles.Add(word); break;
                case "prefix": prefixes.Add(word); break;
                case "suffix": Suffixes.Add(word); break;
                case "inner": InnerNames.Add(word); break;
                default: throw Bad(row, "kind", "particle, prefix, suffix or inner");
            }
        }
        Prefixes = prefixes.ToArray();
        foreach (var row in read("actor_cues.tsv"))
        {
            var word = row["word"];
            switch (row["kind"])
            {
                case "country_name":
                    AddPlace(word, MentionKind.Country, Code(row), null, false);
                    continue;
                case "demonym":
                    AddPlace(word, MentionKind.Demonym, Code(row), null, false);
                    continue;
                case "elliptical":
                    Elliptical.Add(new EllipticalCountry(word, Code(row), row.List("context")));
                    continue;
                case "national_rank":
                    NationalRanks.Add(word);
                    continue;
                case "contact_verb":
                    ContactVerbs.Add(word.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    continue;
            }
            var set = row["kind"] switch
            {
                "not_name" => NotName,
                "time_word" => TimeWords,
                "blocks_actor" => BlocksActor,
                "name_modifier" => NameModifiers,
                "org_head" => OrgHeads,
                "clause_opener" => ClauseOpeners,
                "family_first" => FamilyFirst,
                "shape_country" => ShapeCountries,
                "complement_end" => ComplementEnds,
                "female_cue" => FemaleCues,
                "male_cue" => MaleCues,
                "name_follower" => NameFollowers,
                _ => throw Bad(row, "kind", "not_name, time_word, blocks_actor, org_head, name_modifier, clause_opener, family_first, shape_country, complement_end, female_cue, male_cue, contact_verb, name_follower, country_name, demonym, elliptical or national_rank"),
            };
            set.Add(word);
        }
        ContactVerbs.Sort(static (x, y) => y.Length.CompareTo(x.Length));
        foreach (var row in read("female_names.tsv"))
            GivenNames.Add(row["name"]);
    }

    private static string Code(TsvRow row) => row["code"] is { Length: > 0 } code ? code : throw Bad(row, "code", "a country code");

    /// <summary>Whether a title is one a country gives its own officials (a minister, a head of state), by its rank in titles.tsv.</summary>
    internal bool IsNational(RoleEntry role)
    {
        if (role.National == 0)
            role.National = ComputeNational(role) ? 2 : 1;
        return role.National == 2;
    }

    private bool ComputeNational(RoleEntry role)
    {
        if (TitleRanks.TryGetValue(role.Title, out var rank))
            return NationalRanks.Contains(rank);
        foreach (var c in role.Class)
            if (TitleRanks.TryGetValue(c, out rank) && NationalRanks.Contains(rank))
                return true;
        return false;
    }

    private static InvalidDataException Bad(TsvRow row, string column, string expected) =>
        new($"{row.File} line {row.Line}: column '{column}' is '{row[column]}', expected {expected}.");

    /// <summary>Adds a key given as text, tokenised the way documents are; <paramref name="keep"/> decides between an existing value and the new one.</summary>
    private static void AddKey<T>(TokenTrie<T> trie, string key, T value, Func<T, T, T> keep)
    {
        // News writes "People's" with either apostrophe; the data files use the ASCII one.
        if (key.Contains('\''))
            trie.Add(SurfaceTokens(key.Replace('\'', '\u2019')), value, keep);
        trie.Add(SurfaceTokens(key), value, keep);
    }

    private static string[] SurfaceTokens(string key)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(key, tokens);
        var words = new string[tokens.Count];
        for (int i = 0; i < words.Length; i++)
            words[i] = tokens[i].Span.Slice(key);
        return words;
    }

    // A key listed twice keeps the stronger reading: a country name beats a demonym ("US"), a
    // country or organisation beats a city of the same name.
    // A seat of power that is also a listed city keeps the city ("Washington, D.C." stands for the
    // US government and is the city Washington).
    private static GazEntry Stronger(GazEntry a, GazEntry b)
    {
        var (win, lose) = Priority(b.Kind) < Priority(a.Kind) ? (b, a) : (a, b);
        if (win.City is null && lose.City is not null && win.Kind == MentionKind.Metonym && win.Code == lose.Code)
            return new GazEntry { Kind = win.Kind, Code = win.Code, City = lose.City, Surface = win.Surface, Ambiguous = win.Ambiguous };
        return win;
    }

    private static int Priority(MentionKind kind) => kind switch
    {
        MentionKind.Country => 0,
        MentionKind.Organisation => 1,
        MentionKind.Metonym => 2,
        MentionKind.Demonym => 3,
        _ => 4,
    };

    private void AddPlace(string key, MentionKind kind, string code, string? city, bool ambiguous)
    {
        // "the Kremlin": the article is optional in text and the recogniser takes it itself.
        if (key.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            key = key[4..];
        AddKey(Places, key, new GazEntry { Kind = kind, Code = code, City = city, Surface = SurfaceTokens(key), Ambiguous = ambiguous }, Stronger);
    }

    private readonly Dictionary<string, string> _capitals = new(StringComparer.Ordinal);

    /// <summary>The capital of a country (its seat of government first), or null.</summary>
    public string? CapitalOf(string iso3) => _capitals.GetValueOrDefault(iso3);

    private void LoadCountries(IReadOnlyList<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var code = row["iso3"];
            // "yes" flags the row: some name in it is also a word, a person or another place. The
            // one-word names are the ones at risk ("Jordan", "Chad", "Korea", "Washington"); a
            // multiword name ("South Korea") or an acronym (checked for case anyway) is not.
            // A cell listing names instead flags exactly those.
            var cell = row["ambiguous"];
            bool rowFlag = cell is "yes" or "y" or "true" or "1";
            var listed = rowFlag ? [] : new HashSet<string>(row.List("ambiguous"), StringComparer.OrdinalIgnoreCase);
            bool Ambiguous(string name) => listed.Contains(name)
                || (rowFlag && !name.Contains(' ') && !name.Contains('.') && !Lexical.IsAcronym(name));
            var capitals = row.List("capital");
            if (capitals.Length > 0)
                _capitals[code] = capitals[0];
            foreach (var name in row.List("names"))
                AddPlace(name, MentionKind.Country, code, null, Ambiguous(name));
            foreach (var name in row.List("demonyms"))
                AddPlace(name, MentionKind.Demonym, code, null, listed.Contains(name));
            foreach (var name in capitals)
                AddPlace(name, MentionKind.Metonym, code, name, Ambiguous(name));
            // A seat of power stands in its capital: "the Kremlin" is in Moscow, "the Blue House" in Seoul.
            foreach (var name in row.List("metonyms"))
                AddPlace(name, MentionKind.Metonym, code, capitals.Length > 0 ? capitals[0] : null, Ambiguous(name));
        }
    }

    private void LoadCities(IReadOnlyList<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var city = row["city"];
            var code = row["country_iso3"];
            AddPlace(city, MentionKind.Place, code, city, false);
            foreach (var alias in row.List("aliases"))
                AddPlace(alias, MentionKind.Place, code, city, false);
        }
    }

    // member_titles is not read: a title alone ("Spokesperson", "Secretary-General") does not say which
    // organisation; the organisation's name next to it does, and that is a gazetteer match.
    private void LoadOrganisations(IReadOnlyList<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var code = row["code"];
            AddPlace(code, MentionKind.Organisation, code, null, false);
            foreach (var name in row.List("names"))
                AddPlace(name, MentionKind.Organisation, code, null, false);
        }
    }

    private void LoadRoleNouns(IReadOnlyList<TsvRow> rows, List<string> titlePrefixes)
    {
        foreach (var row in rows)
        {
            var role = row["role"];
            var kindCell = row["kind"];
            if (kindCell == "modifier")
            {
                RoleModifiers.Add(role);
                continue;
            }
            if (kindCell == "count")
            {
                Counts.Add(role);
                continue;
            }
            if (kindCell == "title_prefix")
            {
                titlePrefixes.Add(role);
                continue;
            }
            var kind = kindCell switch
            {
                "person" => RoleKind.Person,
                "relational" => RoleKind.Relational,
                "institution" => RoleKind.Institution,
                "honorific" => RoleKind.Honorific,
                _ => throw Bad(row, "kind", "person, relational, institution, honorific, modifier, count or title_prefix"),
            };
            var cls = row.List("class");
            bool keep = kind == RoleKind.Honorific && cls.Length == 1 && cls[0] == "role";
            AddRole(role, kind, keep ? [] : cls, keep);
        }
    }

    private void LoadTitles(IReadOnlyList<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var title = row["title"];
            // A word role_nouns.tsv calls a modifier ("chief" of "chief nuclear envoy") is not a title of its own.
            if (RoleModifiers.Contains(title))
                continue;
            var rank = row["rank"];
            var kind = rank == "honorific" ? RoleKind.Honorific : RoleKind.Person;
            AddRole(title, kind, [], false);
            TitleRanks.TryAdd(title, rank);
            foreach (var v in row.List("variants"))
            {
                AddRole(v, kind, [title.ToLowerInvariant()], false);
                TitleRanks.TryAdd(v, rank);
            }
        }
    }

    private void AddRole(string title, RoleKind kind, string[] cls, bool keepAsRole)
    {
        var lower = cls.Length > 0 ? Array.ConvertAll(cls, c => c.ToLowerInvariant()) : [title.ToLowerInvariant()];
        // The role nouns come first and win: "envoy" keeps its class even if titles.tsv lists it too.
        static RoleEntry First(RoleEntry a, RoleEntry b) => a;
        AddKey(Roles, title, new RoleEntry { Title = title, Kind = kind, Class = lower, KeepAsRole = keepAsRole, Surface = SurfaceTokens(title) }, First);
        if (kind is RoleKind.Honorific)
            return;
        var plural = Pluralise(title);
        if (plural is not null)
            AddKey(Roles, plural, new RoleEntry { Title = plural, Kind = kind, Class = lower, Plural = true, Surface = SurfaceTokens(plural) }, First);
    }

    /// <summary>"foreign minister" → "foreign ministers", "secretary of state" → "secretaries of state"; null when the title has no simple plural.</summary>
    internal static string? Pluralise(string title)
    {
        // The head noun is the word before " of " when there is one.
        int of = title.IndexOf(" of ", StringComparison.OrdinalIgnoreCase);
        int headEnd = of >= 0 ? of : title.Length;
        var head = title[..headEnd];
        if (head.EndsWith('.') || head.Length < 3 || Lexical.IsAcronym(head.AsSpan(head.LastIndexOf(' ') + 1)))
            return null;
        string plural = head.EndsWith('s') ? head + "es"
            : head.Length > 1 && head.EndsWith('y') && !"aeiou".Contains(head[^2]) ? head[..^1] + "ies"
            : head.EndsWith("man", StringComparison.Ordinal) ? head[..^3] + "men"
            : head + "s";
        return plural + title[headEnd..];
    }

    /// <summary>
    /// The people-list entry of a name as written, also without middle initials ("Antony J. Blinken") or
    /// with trailing names the list leaves out ("Gustavo Petro Urrego", "Mohammed bin Salman bin Abdulaziz al Saud").
    /// </summary>
    internal KnownPerson? FindPerson(string name) => FindPerson(name.AsSpan());

    /// <inheritdoc cref="FindPerson(string)"/>
    internal KnownPerson? FindPerson(ReadOnlySpan<char> name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var key = buffer[..Lexical.NormaliseName(name, buffer)];
        if (TryGetByKey(key, out var known))
            return known;
        int words = key.Count(' ') + 1;
        if (words < 3)
            return null;
        // Without its last words, longest first.
        var shorter = key;
        for (int n = words - 1; n >= 2; n--)
        {
            shorter = shorter[..shorter.LastIndexOf(' ')];
            if (TryGetByKey(shorter, out known))
                return known;
        }
        // Without its middle initials: the first and last words and the middle ones longer than a letter.
        Span<char> kept = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        int length = 0, keptWords = 0, index = 0;
        foreach (var range in key.Split(' '))
        {
            var word = key[range];
            if (index == 0 || index == words - 1 || word.Length > 1)
            {
                if (length > 0)
                    kept[length++] = ' ';
                word.CopyTo(kept[length..]);
                length += word.Length;
                keptWords++;
            }
            index++;
        }
        return keptWords < words && TryGetByKey(kept[..length], out known) ? known : null;
    }

    /// <summary>The people-list entry whose key is the name's (<see cref="Lexical.NormaliseName(ReadOnlySpan{char})"/>), exactly.</summary>
    internal bool TryGetPerson(ReadOnlySpan<char> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnownPerson? person)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        return TryGetByKey(buffer[..Lexical.NormaliseName(name, buffer)], out person);
    }

    private bool TryGetByKey(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnownPerson? person)
    {
        if (!_peopleKeys.MayContain(key))
        {
            person = null;
            return false;
        }
        return _peopleBySpan.TryGetValue(key, out person);
    }

    private void LoadPeople(IReadOnlyList<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var name = row["name"];
            var country = row["country"];
            var person = new KnownPerson(name, country.Length == 0 ? null : country, row.List("roles"));
            People.TryAdd(Lexical.NormaliseName(name), person);
            foreach (var alias in row.List("aliases"))
                People.TryAdd(Lexical.NormaliseName(alias), person);
        }
    }
}
