using Parley.Consolidation;
using Parley.Events;
using Parley.Temporal;

namespace Parley.Tests.Consolidation;

public class ActorResolverTests
{
    private static readonly ActorResolver R = ActorResolver.Default;

    private static readonly ActorRecord[] Registry =
    [
        .. R.Curated(),
        new ActorRecord
        {
            Id = 100, Name = "Kim Sun-a", Country = "KOR",
            Roles = [new ActorRole("foreign minister", "foreign-minister", new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 1))],
        },
        new ActorRecord
        {
            Id = 101, Name = "Kim Dae-ho", Country = "KOR",
            Roles = [new ActorRole("defence minister", "defence-minister", new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 1))],
        },
    ];

    [Theory]
    [InlineData("Noh Kyu-duk", null, "2022-05-10", "Noh Kyu-duk")]
    [InlineData("Noh", null, "2022-05-10", "Noh Kyu-duk")]
    [InlineData("NOH KYU DUK", null, "2022-05-10", "Noh Kyu-duk")]
    [InlineData(null, "South Korea's top nuclear envoy", "2022-05-20", "Noh Kyu-duk")]
    [InlineData(null, "special representative for Korean Peninsula peace and security affairs", "2021-11-01", "Noh Kyu-duk")]
    // long after he left the post, the office is someone else's
    [InlineData(null, "South Korea's top nuclear envoy", "2024-03-08", null)]
    // a surname two people share: the role decides
    [InlineData("Kim", "Foreign Minister", "2024-03-01", "Kim Sun-a")]
    [InlineData("Kim", "defense minister", "2024-03-01", "Kim Dae-ho")]
    [InlineData("Kim", null, "2024-03-01", null)]
    // a name nobody has is nobody in the registry
    [InlineData("Seo Jae-won", "top nuclear envoy", "2022-05-10", null)]
    public void Resolves_names_short_names_and_descriptions(string? name, string? role, string date, string? expected)
    {
        PartialDate.TryParse(date, out var d);
        var found = R.Resolve(new Participant(name, "KOR", role), d, Registry);
        Assert.Equal(expected, found?.Name);
    }

    [Theory]
    [InlineData("South Korea's top nuclear envoy", "KOR", "kor-nuclear-envoy")]
    [InlineData("the chief nuclear negotiator", "KOR", "kor-nuclear-envoy")]
    [InlineData("top nuclear envoy", "JPN", "top nuclear envoy")]
    [InlineData("Vice Foreign Minister", "JPN", "deputy-foreign-minister")]
    [InlineData("Vice President", "USA", "vice-president")]
    [InlineData("President", "USA", "head-of-state")]
    [InlineData("the Deputy Prime Minister", "GBR", "deputy-head-of-government")]
    public void Role_keys_come_from_data(string role, string country, string key) =>
        Assert.Equal(key, R.Aliases.KeyOf(role, country));

    [Theory]
    [InlineData("Noh", "Noh Kyu-duk")]
    [InlineData("Noh Kyuduk", "Noh Kyu-duk")]
    [InlineData("Kim Jong-un", "Kimjongun")]
    [InlineData("WANG YI", "Wang Yi")]
    [InlineData("Lula da Silva", "Luiz Inácio Lula da Silva")]
    [InlineData("O'Brien", "OBrien")]
    [InlineData("José Pérez", "Jose Perez")]
    [InlineData("Recep Tayyip Erdoğan", "Erdogan")]
    [InlineData("Łukasz Kowalczyk", "Lukasz Kowalczyk")]
    [InlineData("Nguyễn Phú Trọng", "Nguyen Phu Trong")]
    [InlineData("Søren Gade", "Soren Gade")]
    public void Names_the_resolver_may_take_for_one_person_share_a_name_key(string a, string b)
    {
        // The store's registry index relies on it: an actor that shares no key with a name is never compared with it.
        Assert.True(NameMatch.Same(a, b));
        var keys = ActorResolver.NameKeys(a).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(ActorResolver.NameKeys(b), keys.Contains);
    }

    [Fact]
    public void Names_of_different_people_share_no_key()
    {
        Assert.DoesNotContain(ActorResolver.NameKeys("Kim Sun-a"), ActorResolver.NameKeys("Park Jin").ToHashSet().Contains);
    }

    [Fact]
    public void Every_name_pair_the_registry_matches_shares_a_key()
    {
        var names = Registry.SelectMany(a => a.AllNames).Distinct().ToList();
        foreach (var x in names)
            foreach (var y in names)
                if (NameMatch.Same(x, y))
                    Assert.Contains(ActorResolver.NameKeys(y), ActorResolver.NameKeys(x).ToHashSet().Contains);
    }

    [Fact]
    public void Names_compare_the_same_however_often_and_in_whatever_instance_they_come()
    {
        // Names are looked up by identity first, in a table of a few hundred slots: many more names than slots, each
        // asked about as several string instances, must give the answers their text gives.
        static string Letters(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));
        var names = Enumerable.Range(0, 2000).Select(i => $"Quen{Letters(i % 7)}tin Ab{Letters(i)}arov").ToList();
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < names.Count; i++)
            {
                var copy = new string(names[i].AsSpan()); // equal text, another instance
                Assert.True(NameMatch.Same(names[i], copy));
                Assert.True(NameMatch.Same(copy, "ab" + Letters(i) + "arov"));
                Assert.False(NameMatch.Same(names[i], names[(i + 1) % names.Count]));
                Assert.Equal("quen" + Letters(i % 7) + "tinab" + Letters(i) + "arov", NameMatch.Normalised(copy).Joined);
            }
    }

    [Fact]
    public void Accents_do_not_make_two_people_and_other_letters_still_count()
    {
        // Under invariant globalization string.Normalize does not decompose "ğ": the letters come from data/latin_letters.tsv.
        Assert.True(NameMatch.Same("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"));
        Assert.True(NameMatch.Same("Straße", "Strasse"));
        Assert.False(NameMatch.Same("Erdoğan", "Erdogen"));
        Assert.False(NameMatch.Same("Лавров", "Lavrov")); // another script is not transliterated
        Assert.Equal("g", Parley.Text.LatinLetters.PlainOf('ğ'));
        Assert.Null(Parley.Text.LatinLetters.PlainOf('g'));
    }
}
