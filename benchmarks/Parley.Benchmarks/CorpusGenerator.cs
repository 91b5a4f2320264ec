using System.Globalization;
using System.Text;
using Parley.Data;
using Parley.Documents;
using Parley.Temporal;

namespace Parley.Benchmarks;

/// <summary>
/// Writes invented English news articles about diplomacy, 500–800 words each, deterministically:
/// article <c>i</c> of seed <c>s</c> is always the same text, so a corpus of any size is generated on
/// the fly (twice if need be) and never stored. Each article has what a crawler hands over: menus,
/// share counters, a "MOST POPULAR" box and a cookie notice around a dateline, a byline and a body in
/// which people of data/people.tsv and invented ones meet, phone, video-call, visit and host each
/// other, plan to, or refuse to, among paragraphs about the economy and security.
/// </summary>
public sealed class CorpusGenerator
{
    private readonly int _seed;
    private readonly Country[] _countries;
    private readonly Dictionary<string, Person[]> _peopleByCountry;

    public CorpusGenerator(int seed)
    {
        _seed = seed;
        var countries = new List<Country>();
        foreach (var row in DataFiles.ReadTsv("countries.tsv"))
        {
            var names = row.List("names");
            var demonyms = row.List("demonyms");
            var capital = row["capital"];
            if (names.Length == 0 || demonyms.Length == 0 || capital.Length == 0)
                continue;
            countries.Add(new Country(row["iso3"], names[0], demonyms[0], capital));
        }
        _countries = countries.ToArray();
        var people = new Dictionary<string, List<Person>>(StringComparer.Ordinal);
        foreach (var row in DataFiles.ReadTsv("people.tsv"))
        {
            var roles = row.List("roles");
            var role = roles.Length > 0 ? RoleWords(roles[0]) : "";
            if (role.Length == 0 || role.Contains(" of ", StringComparison.Ordinal))
                continue;
            if (!people.TryGetValue(row["country"], out var list))
                people[row["country"]] = list = [];
            list.Add(new Person(row["name"], TitleCase(role)));
        }
        _peopleByCountry = people.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Articles <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1, generated one at a time.</summary>
    public IEnumerable<RawArticle> Articles(int count, int first = 0)
    {
        for (int i = first; i < first + count; i++)
            yield return Generate(i);
    }

    public RawArticle Generate(int index)
    {
        var rng = new Random(unchecked(_seed * 1_000_003 + index * 7919));
        var a = new Writer(this, rng);
        return a.Write(index);
    }

    private static string RoleWords(string role)
    {
        // "president 2009-2017" -> "president"; "foreign minister 2004-" -> "foreign minister".
        int end = role.Length;
        while (end > 0 && (char.IsDigit(role[end - 1]) || role[end - 1] is '-' or ' '))
            end--;
        return role[..end];
    }

    private static string TitleCase(string s)
    {
        var parts = s.Split(' ');
        for (int i = 0; i < parts.Length; i++)
            if (parts[i].Length > 0 && parts[i] is not ("of" or "for" or "and" or "the"))
                parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i][1..];
        return string.Join(' ', parts);
    }

    private sealed record Country(string Iso3, string Name, string Demonym, string Capital);

    private sealed record Person(string Name, string Role);

    /// <summary>One person as the article names them.</summary>
    private sealed record Actor(string Name, string Surname, string Role, Country Country);

    /// <summary>Writes one article: picks the cast and the dates, then fills templates until the word budget is spent.</summary>
    private sealed class Writer
    {
        private readonly CorpusGenerator _g;
        private readonly Random _rng;
        private readonly StringBuilder _sb = new(6000);
        private readonly Dictionary<string, string> _slots = new(StringComparer.Ordinal);
        private int _words;
        private DateOnly _published;

        public Writer(CorpusGenerator g, Random rng)
        {
            _g = g;
            _rng = rng;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

        private bool Chance(double p) => _rng.NextDouble() < p;

        public RawArticle Write(int index)
        {
            var published = _published = new DateOnly(2015, 1, 1).AddDays(_rng.Next(11 * 365));
            var host = Pick(_g._countries);
            Country guest, third;
            do
                guest = Pick(_g._countries);
            while (guest == host);
            do
                third = Pick(_g._countries);
            while (third == host || third == guest);
            var hostLeader = Leader(host);
            var hostMinister = Invented(host, Pick(MinisterRoles));
            var guestActor = Chance(0.5) ? Leader(guest) : Invented(guest, Pick(MinisterRoles));
            var thirdActor = Chance(0.4) ? Leader(third) : Invented(third, Pick(MinisterRoles));
            var outlet = Pick(Outlets);
            var reporter = InventedName();
            var city = Chance(0.8) ? host.Capital : Pick(Venues);
            var topic = Pick(Topics);

            Set("host", hostLeader.Name); Set("hostSur", hostLeader.Surname); Set("hostRole", hostLeader.Role);
            Set("min", hostMinister.Name); Set("minSur", hostMinister.Surname); Set("minRole", hostMinister.Role);
            Set("guest", guestActor.Name); Set("guestSur", guestActor.Surname); Set("guestRole", guestActor.Role);
            Set("third", thirdActor.Name); Set("thirdSur", thirdActor.Surname); Set("thirdRole", thirdActor.Role);
            Set("hostCountry", host.Name); Set("hostDem", host.Demonym); Set("hostCap", host.Capital);
            Set("guestCountry", guest.Name); Set("guestDem", guest.Demonym); Set("guestCap", guest.Capital);
            Set("thirdCountry", third.Name); Set("thirdDem", third.Demonym); Set("thirdCap", third.Capital);
            Set("city", city); Set("topic", topic); Set("topic2", Pick(Topics)); Set("org", Pick(Organisations));
            Set("outlet", outlet); Set("reporter", reporter);
            Set("weekday", published.AddDays(-_rng.Next(1, 6)).DayOfWeek.ToString());
            Set("nextWeekday", published.AddDays(_rng.Next(1, 6)).DayOfWeek.ToString());
            Set("futureDate", LongDate(published.AddDays(_rng.Next(7, 120))));
            Set("month", CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(published.AddMonths(_rng.Next(1, 5)).Month));

            // The page around the story.
            int menu = _rng.Next(3, 9);
            for (int i = 0; i < menu; i++)
                Line(Pick(MenuItems));
            _sb.Append('\n');
            var headline = Fill(Pick(Headlines));
            Set("headline", headline);
            Line(headline);
            _sb.Append('\n');
            Line(Fill(Pick(Bylines)));
            Line(Fill(Pick(DateLines)).Replace("{date}", LongDate(published), StringComparison.Ordinal)
                .Replace("{time}", $"{_rng.Next(0, 24):00}:{_rng.Next(0, 60):00}", StringComparison.Ordinal));
            if (Chance(0.7))
                Line(Fill(Pick(ShareLines)));
            _sb.Append('\n');

            // The story: a dated lead, then paragraphs until the budget is spent.
            int budget = _rng.Next(500, 801);
            _words = 0;
            var lead = Fill(Pick(Leads));
            Paragraph($"{host.Capital.ToUpperInvariant()}, {ShortDate(published)} ({outlet}) — {lead}");
            bool popular = false, advert = false;
            while (_words < budget)
            {
                double r = _rng.NextDouble();
                string[] pool = r < 0.30 ? Contacts : r < 0.42 ? Planned : r < 0.50 ? Negatives
                    : r < 0.62 ? Quotes : r < 0.82 ? Economy : Security;
                int sentences = _rng.Next(2, 5);
                var p = new StringBuilder();
                string? last = null;
                for (int s = 0; s < sentences && _words + CountWords(p) < budget + 40; s++)
                {
                    var template = Pick(s == 0 ? pool : Chance(0.5) ? pool : Filler);
                    if (template == last)
                        continue;
                    last = template;
                    if (s > 0)
                        p.Append(' ');
                    p.Append(Fill(template));
                }
                Paragraph(p.ToString());
                if (!popular && _words > budget / 2)
                {
                    popular = true;
                    Line("MOST POPULAR");
                    int k = _rng.Next(3, 6);
                    for (int i = 0; i < k; i++)
                        Line(Fill(Pick(Headlines)));
                    _sb.Append('\n');
                }
                if (!advert && _words > budget / 3 && Chance(0.3))
                {
                    advert = true;
                    Line(Fill(Pick(Interruptions)));
                    _sb.Append('\n');
                }
            }
            int tail = _rng.Next(2, 5);
            for (int i = 0; i < tail; i++)
                Line(Fill(Pick(Footers)));

            var slug = string.Join('-', headline.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
                .Replace(",", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            return new RawArticle
            {
                Id = $"bench-{index:D7}",
                Text = _sb.ToString(),
                Kind = InputKind.JsonLines,
                Origin = "bench",
                Url = Chance(0.7) ? $"https://www.{outlet.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)}.example/world/{published:yyyy/MM/dd}/{slug}" : null,
                Outlet = Chance(0.5) ? outlet : null,
                Published = Chance(0.85) ? PartialDate.OfDay(published) : null,
            };
        }

        private Actor Leader(Country c)
        {
            if (_g._peopleByCountry.TryGetValue(c.Iso3, out var known) && Chance(0.7))
            {
                var p = Pick(known);
                var parts = p.Name.Split(' ');
                return new Actor(p.Name, parts[^1], p.Role, c);
            }
            return Invented(c, Pick(LeaderRoles));
        }

        private Actor Invented(Country c, string role)
        {
            var name = InventedName();
            return new Actor(name, name[(name.LastIndexOf(' ') + 1)..], role, c);
        }

        private string InventedName() => $"{Pick(GivenNames)} {Pick(Surnames)}";

        private void Set(string key, string value) => _slots[key] = value;

        private void Line(string text)
        {
            _sb.Append(text).Append('\n');
        }

        private void Paragraph(string text)
        {
            _sb.Append(text).Append("\n\n");
            _words += CountWords(text);
        }

        private static int CountWords(StringBuilder sb)
        {
            int n = 0;
            bool inWord = false;
            foreach (var chunk in sb.GetChunks())
                foreach (var ch in chunk.Span)
                {
                    bool w = !char.IsWhiteSpace(ch);
                    if (w && !inWord)
                        n++;
                    inWord = w;
                }
            return n;
        }

        private static int CountWords(string s)
        {
            int n = 0;
            bool inWord = false;
            foreach (var ch in s)
            {
                bool w = !char.IsWhiteSpace(ch);
                if (w && !inWord)
                    n++;
                inWord = w;
            }
            return n;
        }

        /// <summary>Replaces every {slot} of a template; unknown slots stay as written.</summary>
        private string Fill(string template)
        {
            if (!template.Contains('{', StringComparison.Ordinal))
                return template;
            var sb = new StringBuilder(template.Length + 64);
            int i = 0;
            while (i < template.Length)
            {
                int open = template.IndexOf('{', i);
                if (open < 0)
                {
                    sb.Append(template, i, template.Length - i);
                    break;
                }
                int close = template.IndexOf('}', open);
                sb.Append(template, i, open - i);
                var key = template[(open + 1)..close];
                sb.Append(Fresh(key) ?? (_slots.TryGetValue(key, out var v) ? v : template[open..(close + 1)]));
                i = close + 1;
            }
            return sb.ToString();
        }

        /// <summary>Numbers and past dates are drawn anew at each use, so an article does not repeat one figure.</summary>
        private string? Fresh(string key) => key switch
        {
            "n" => _rng.Next(2, 40).ToString(CultureInfo.InvariantCulture),
            "bn" => (_rng.Next(5, 900) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
            "pct" => (_rng.Next(1, 95) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
            "hours" => _rng.Next(1, 5).ToString(CultureInfo.InvariantCulture),
            "pastDate" => LongDate(_published.AddDays(-_rng.Next(7, 200))),
            _ => null,
        };

        private static string LongDate(DateOnly d) =>
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month)} {d.Day}, {d.Year}";

        private static string ShortDate(DateOnly d) =>
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(d.Month)}. {d.Day}";
    }

    // ---- Templates. All of this text is invented for the benchmark. ----

    private static readonly string[] LeaderRoles = ["President", "Prime Minister", "Chancellor", "Vice President"];

    private static readonly string[] MinisterRoles =
    [
        "Foreign Minister", "Defence Minister", "Trade Minister", "Finance Minister", "Energy Minister",
        "Deputy Foreign Minister", "National Security Adviser", "special envoy", "ambassador",
    ];

    private static readonly string[] Outlets =
    [
        "Meridian Herald", "Capital Wire", "Global Ledger", "Northern Dispatch", "Harbour Times", "Continental Post",
        "Evening Courier", "Daily Compass",
    ];

    private static readonly string[] Venues = ["Geneva", "Vienna", "Singapore", "Doha", "Istanbul", "Brussels", "Oslo", "Nairobi"];

    private static readonly string[] Organisations =
    [
        "United Nations", "NATO", "European Union", "African Union", "ASEAN", "G20", "World Bank",
        "International Monetary Fund",
    ];

    private static readonly string[] Topics =
    [
        "trade", "energy security", "maritime security", "climate finance", "migration", "regional stability",
        "grain exports", "debt relief", "counter-terrorism", "nuclear non-proliferation", "infrastructure investment",
        "fisheries", "public health", "cyber security", "critical minerals",
    ];

    private static readonly string[] GivenNames =
    [
        "Amara", "Tomasz", "Lina", "Kwame", "Sofia", "Hiroshi", "Mehmet", "Ana", "Rashid", "Ingrid", "Chidi", "Mei",
        "Pavel", "Lucia", "Arjun", "Yusuf", "Elena", "Kofi", "Nadia", "Javier", "Sun-hee", "Oleksandr", "Fatima",
        "Mateus", "Aigerim", "Tariq", "Hana", "Bongani", "Camille", "Dmitri", "Priya", "Esteban", "Leila", "Jonas",
        "Thandiwe", "Kenji", "Ayesha", "Marek", "Nkechi", "Rafael", "Yara", "Sven", "Zainab", "Luis", "Anh",
    ];

    private static readonly string[] Surnames =
    [
        "Okafor", "Kowalczyk", "Haddad", "Mensah", "Lindqvist", "Tanaka", "Yilmaz", "Ferreira", "Rahman", "Berger",
        "Nwosu", "Zhao", "Novak", "Moretti", "Sharma", "Demir", "Petrova", "Asante", "Karimi", "Ortega", "Park",
        "Kovalenko", "Al-Mansouri", "Silva", "Nurlanova", "Qureshi", "Sato", "Dlamini", "Laurent", "Volkov", "Iyer",
        "Castillo", "Farouk", "Eriksen", "Mbeki", "Watanabe", "Siddiqui", "Horvat", "Obi", "Mendes", "Khoury", "Nyberg",
        "Bello", "Navarro", "Nguyen",
    ];

    private static readonly string[] MenuItems =
    [
        "Skip to content", "Menu", "Home", "World", "Politics", "Business", "Opinion", "Search", "Sign in", "Subscribe",
        "Newsletters", "Latest", "Video", "Africa", "Asia", "Europe", "Americas", "Middle East",
    ];

    private static readonly string[] Headlines =
    [
        "{guestDem} and {hostDem} leaders pledge closer ties on {topic}",
        "{host} hosts {guestSur} as talks turn to {topic}",
        "{guestCountry}'s {guestRole} arrives in {hostCap} for two-day visit",
        "{minSur} and {thirdSur} discuss {topic2} by phone",
        "Analysis: what {hostCountry} wants from {guestCountry}",
        "{hostDem} markets rise {pct}% on hopes of {topic} deal",
        "{thirdCountry} cancels planned visit amid row over {topic}",
        "Why the {org} summit matters for {guestCountry}",
    ];

    private static readonly string[] Bylines =
    [
        "By {reporter}", "By {reporter}, {outlet} correspondent", "{reporter} | {outlet}", "By {reporter} and staff writers",
        "Reporting by {reporter}; editing by the {outlet} world desk",
    ];

    private static readonly string[] DateLines =
    [
        "Published {date}", "Published {date} {time} GMT", "Updated {date}, {time}", "{date}", "Posted on {date} at {time}",
    ];

    private static readonly string[] ShareLines =
    [
        "Share {n}", "{n} comments", "Tweet", "Share on Facebook", "{n} shares", "Save article", "Listen to this article",
    ];

    private static readonly string[] Leads =
    [
        "{guestDem} {guestRole} {guest} met {hostDem} {hostRole} {host} in {city} on {weekday} for talks on {topic}, the first such meeting in {n} months.",
        "{hostRole} {host} hosted {guestRole} {guest} of {guestCountry} in {city} on {weekday}, with both sides promising to deepen cooperation on {topic}.",
        "{hostDem} {minRole} {min} held talks with {guestDem} {guestRole} {guest} on {weekday}, officials said, as the two governments sought to ease tensions over {topic}.",
        "{guestRole} {guest} of {guestCountry} visited {hostCap} on {weekday} and met {hostRole} {host}, a government statement said.",
        "{hostRole} {host} spoke by phone with {thirdDem} {thirdRole} {third} on {weekday} about {topic}, according to a readout from the presidency.",
    ];

    private static readonly string[] Contacts =
    [
        "{hostRole} {host} met {guestDem} {guestRole} {guest} at the presidential palace on {weekday}.",
        "{minSur} held talks with {guestSur} in {city} on {pastDate}, the ministry said in a statement.",
        "On {weekday}, {host} phoned {thirdDem} {thirdRole} {third} to discuss {topic2}.",
        "{guestSur} also spoke by telephone with {thirdRole} {third} of {thirdCountry} on {weekday}.",
        "The two leaders held a video call on {weekday}, their second in a month, according to officials in {hostCap}.",
        "{minRole} {min} hosted a delegation from {thirdCountry} led by {thirdRole} {third} on {pastDate}.",
        "{guestSur} visited {hostCountry} in {month} last year and met {hostSur} in {hostCap}.",
        "{thirdDem} {thirdRole} {third} met {hostSur} on the sidelines of the {org} meeting in {city} on {pastDate}.",
        "During the visit, {guestSur} also met {minRole} {min} and business leaders in {city}.",
        "{host} and {third} talked by video link on {weekday} for about {hours} hours, the {hostDem} side said.",
        "{hostSur} received {guestSur} at the foreign ministry, where the two signed a memorandum on {topic}.",
        "{guestDem} and {hostDem} officials met in {city} on {pastDate} to prepare the ground for the visit.",
    ];

    private static readonly string[] Planned =
    [
        "{hostSur} is expected to visit {guestCap} in {month}, officials said.",
        "{minSur} will meet {thirdRole} {third} in {thirdCap} on {futureDate}, the ministry announced.",
        "The two sides agreed that {guestSur} would host {hostSur} in {guestCountry} later this year.",
        "{thirdRole} {third} plans to travel to {hostCap} next month for talks on {topic}.",
        "A follow-up meeting between {minSur} and {guestSur} is scheduled for {nextWeekday}.",
        "{hostSur} is due to speak by phone with {thirdSur} on {nextWeekday}, a spokesperson said.",
    ];

    private static readonly string[] Negatives =
    [
        "{thirdRole} {third} refused to meet {hostSur}, citing the dispute over {topic2}.",
        "{thirdCountry} cancelled a visit by {thirdSur} to {hostCap} that had been planned for {month}.",
        "{guestSur} did not meet {thirdSur}, despite reports that a meeting was being arranged.",
        "A planned call between {hostSur} and {thirdSur} was called off at the last minute, diplomats said.",
        "{thirdSur} declined an invitation to visit {hostCountry}, the {thirdDem} foreign ministry said.",
    ];

    private static readonly string[] Quotes =
    [
        "\"We had a frank and constructive discussion,\" {hostSur} told reporters after the talks.",
        "\"Our countries share a long history, and we intend to build on it,\" {guestSur} said.",
        "\"There is no alternative to dialogue,\" {minSur} said at a news conference in {city}.",
        "A spokesperson for {guestSur} described the talks as \"productive\" but gave no details.",
        "\"We will not accept any solution imposed from outside,\" {thirdSur} said in a televised address.",
    ];

    private static readonly string[] Economy =
    [
        "Trade between {hostCountry} and {guestCountry} reached ${bn} billion last year, up {pct}% from the year before.",
        "Economists expect growth in {hostCountry} to slow to {pct}% this year as export demand weakens.",
        "The central bank in {hostCap} kept its main interest rate unchanged at {pct}% last month.",
        "Investors have been watching {topic} closely, with bond yields rising {pct} percentage points since January.",
        "{guestDem} companies have pledged ${bn} billion in investment in ports, railways and power plants.",
        "Inflation has eased to {pct}%, but food and fuel prices remain high for many households.",
        "The finance ministry said it would present a revised budget to parliament in {month}.",
    ];

    private static readonly string[] Security =
    [
        "Security forces have been on alert along the border after a series of incidents earlier this year.",
        "Analysts say the talks are unlikely to resolve long-standing differences over {topic2}.",
        "The {org} has called on all parties to show restraint and return to negotiations.",
        "Naval patrols in the region have increased, and {n} vessels were stopped for inspection last month.",
        "Human rights groups urged both governments to put civilian protection at the top of the agenda.",
        "Officials said cooperation on {topic} would include joint exercises and intelligence sharing.",
    ];

    private static readonly string[] Filler =
    [
        "The meeting came at a delicate moment for the region.",
        "Neither side gave a timetable.",
        "Details of the agreement were not made public.",
        "Diplomats said more work was needed before a deal could be signed.",
        "The opposition criticised the government's handling of the issue.",
        "Officials in {hostCap} declined to comment further.",
        "Ties between the two countries have warmed since {n} years of frosty relations ended.",
        "Both sides said they wanted to expand cooperation on {topic2} and education.",
    ];

    private static readonly string[] Interruptions =
    [
        "Advertisement", "Read more: {headline}", "Related: How {topic} shapes the region", "Continue reading below",
        "Sign up for our daily briefing",
    ];

    private static readonly string[] Footers =
    [
        "We use cookies to improve your experience on our site. By continuing you agree to our cookie policy.",
        "Accept all cookies", "© {outlet}. All rights reserved.", "Follow us on Twitter and Facebook",
        "Terms of use | Privacy policy | Contact us", "Share this article", "Topics: {topic}, diplomacy, {hostCountry}",
    ];
}
