using Parley.Actors;
using Parley.Documents;

namespace Parley.Tests.Actors;

/// <summary>
/// Regression tests for title phrases, appositions, country inference and pronouns, on sentences written for
/// them (most people invented, so the country must come from the text rather than people.tsv).
/// </summary>
public class ActorPhraseTests
{
    private static ActorMention Person(Document doc, string name) =>
        doc.Mentions.FirstOrDefault(m => m.Kind == MentionKind.Person && m.Name == name && !m.IsPronoun)
        ?? throw new Xunit.Sdk.XunitException($"no person '{name}' in:\n{string.Join("\n", ActorKit.DescribeAll(doc))}");

    private static string Fact(Document doc, string name)
    {
        var m = Person(doc, name);
        return $"{m.Name}|{m.Country ?? "-"}|{m.Role ?? "-"}";
    }

    [Theory]
    // Title + "of <Country>" + name, for each conjunct, also with countries that are words or names elsewhere.
    [InlineData("The talks of President of the Russian Federation Vladimir Putin and President of Turkey Recep Tayyip Erdogan in Sochi ended late.",
        "Vladimir Putin|RUS|President of the Russian Federation", "Recep Tayyip Erdogan|TUR|President of Turkey")]
    [InlineData("Prime Minister of Georgia Irakli Beridze and President of Chad Ali Mahamat Saleh signed the accord.",
        "Irakli Beridze|GEO|Prime Minister of Georgia", "Ali Mahamat Saleh|TCD|President of Chad")]
    [InlineData("A call between Foreign Minister of Jordan Samir Haddad and his guest ended.",
        "Samir Haddad|JOR|Foreign Minister of Jordan")]
    public void A_title_of_a_country_gives_the_name_after_it_that_country(string sentence, params string[] expected)
    {
        var doc = ActorKit.Run(sentence);
        foreach (var e in expected)
            Assert.Equal(e, Fact(doc, e.Split('|')[0]));
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Person && m.Role is { } r && r.Contains(m.Name!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The president is hosting the president of the Sahrawi Arab Democratic Republic (also known as Western Sahara), Nasser Lamine, at his residence.",
        "Nasser Lamine|ESH|president of the Sahrawi Arab Democratic Republic")]
    [InlineData("She welcomed the foreign minister of Kenya (who arrived on Sunday), Amos Kiprop Otieno, in the capital.",
        "Amos Kiprop Otieno|KEN|foreign minister of Kenya")]
    public void An_aside_in_brackets_does_not_break_an_apposition(string sentence, string expected)
    {
        var doc = ActorKit.Run(sentence);
        var name = expected.Split('|')[0];
        Assert.Equal(expected, Fact(doc, name));
        // The role phrase itself is a mention of the same person, not a role of its own.
        var role = doc.Mentions.Single(m => doc.Slice(m.Span).StartsWith("the president of", StringComparison.Ordinal)
            || doc.Slice(m.Span).StartsWith("the foreign minister of", StringComparison.Ordinal));
        Assert.Equal(MentionKind.Person, role.Kind);
        Assert.Equal(name, role.Name);
    }

    [Theory]
    // A singular title takes one country: the nearest modifier, not a coordinated one before it.
    [InlineData("The envoy shuttled between Syria and Palestinian leader Omar Khalil.", "Omar Khalil|PSE|leader")]
    [InlineData("Talks between Egypt and Sudanese President Kamal Idris resumed.", "Kamal Idris|SDN|President")]
    public void A_singular_title_does_not_take_a_coordinated_country(string sentence, string expected)
    {
        var doc = ActorKit.Run(sentence);
        Assert.Equal(expected, Fact(doc, expected.Split('|')[0]));
        Assert.Contains(doc.Mentions, m => m.Kind == MentionKind.Country && m.PartOf < 0);
    }

    [Theory]
    // A form of address is the role when nothing else is given, and never hides the name.
    [InlineData("Sayyid Hamid bin Saif al Rawahi opened the session.", "Hamid bin Saif al Rawahi|-|Sayyid")]
    [InlineData("Sheikha Mariam bint Khalid al Nuaimi opened the session.", "Mariam bint Khalid al Nuaimi|-|Sheikha")]
    // A bare title right after "Name," is that name's title, whatever follows it.
    [InlineData("Sayyid Hamid bin Saif al Rawahi, Foreign Minister on Monday held a call with the press.", "Hamid bin Saif al Rawahi|-|Foreign Minister")]
    [InlineData("Hamid al Rawahi, Defence Minister also met the delegation.", "Hamid al Rawahi|-|Defence Minister")]
    // A country closing the apposition gives the name its country; "and Expatriates" stays in the title.
    [InlineData("He called Dr Karim al Haddad, Minister of Foreign Affairs and Expatriates of the Syrian Arab Republic.",
        "Karim al Haddad|SYR|Minister of Foreign Affairs and Expatriates of the Syrian Arab Republic")]
    [InlineData("She met Tom Hale, Minister for Foreign Affairs and Trade of New Zealand, in Wellington.",
        "Tom Hale|NZL|Minister for Foreign Affairs and Trade of New Zealand")]
    public void A_title_in_apposition_belongs_to_the_name_before_it(string sentence, string expected)
    {
        var doc = ActorKit.Run(sentence);
        Assert.Equal(expected, Fact(doc, expected.Split('|')[0]));
        // The title is no mention of anyone else.
        Assert.Single(doc.Entities);
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Role);
    }

    [Fact]
    public void A_bare_title_in_apposition_is_not_resolved_to_an_earlier_person()
    {
        var doc = ActorKit.Run(
            "Hamid al Rawahi, Foreign Minister on Monday held a video call with Ravi Menon, India's Minister for External Affairs. "
            + "Hamid al Rawahi, Foreign Minister also held a phone call with Dr Karim al Haddad, Minister of Foreign Affairs of Syria.");
        Assert.Equal(
            ["Hamid al Rawahi|-|Foreign Minister", "Ravi Menon|IND|Minister for External Affairs", "Hamid al Rawahi|-|Foreign Minister", "Karim al Haddad|SYR|Minister of Foreign Affairs of Syria"],
            ActorKit.People(doc));
    }

    [Fact]
    public void The_last_words_of_a_name_refer_back_to_it()
    {
        var doc = ActorKit.Run("Sayyid Hamid bin Saif al Rawahi arrived on Monday. Al Rawahi thanked the hosts.");
        var later = doc.Mentions.Last(m => m.Kind == MentionKind.Person);
        Assert.Equal("Al Rawahi", doc.Slice(later.Span));
        Assert.Equal("Hamid bin Saif al Rawahi", later.Name);
    }

    [Theory]
    // dateline | text | person | expected country
    [InlineData("MUSCAT", "Muscat: Hamid al Rawahi, Foreign Minister on Monday received the delegation.", "Hamid al Rawahi", "OMN")]
    [InlineData("Sochi", "SOCHI (TASS) -- Deputy Prime Minister Oleg Ivanov opened the forum.", "Oleg Ivanov", "RUS")]
    [InlineData("SEOUL", "SEOUL, Oct. 5 (Yonhap) -- Vice Foreign Minister Park Min-soo left for Tokyo.", "Park Min-soo", "KOR")]
    // A country in the text wins over the dateline.
    [InlineData("SEOUL", "SEOUL, Oct. 5 (Yonhap) -- Japanese Vice Foreign Minister Taro Sato arrived.", "Taro Sato", "JPN")]
    // No national title: the dateline says nothing about the person.
    [InlineData("MUSCAT", "Muscat: Sayyid Hamid al Rawahi spoke to reporters.", "Hamid al Rawahi", null)]
    [InlineData("MUSCAT", "Muscat: UN envoy Hamid al Rawahi spoke to reporters.", "Hamid al Rawahi", "UN")]
    // No dateline, or one that is no city.
    [InlineData(null, "Hamid al Rawahi, Foreign Minister on Monday received the delegation.", "Hamid al Rawahi", null)]
    [InlineData("Politics", "Hamid al Rawahi, Foreign Minister on Monday received the delegation.", "Hamid al Rawahi", null)]
    public void A_national_title_without_a_country_takes_the_dateline_country(string? dateline, string text, string name, string? country)
    {
        var doc = ActorKit.Run(text, "test", dateline);
        Assert.Equal(country, Person(doc, name).Country);
    }

    [Theory]
    [InlineData("North Korea fired a missile. Talks between the North and the South stalled.", "Country \"North Korea\" PRK", "Country \"the North\" PRK", "Country \"the South\" KOR")]
    [InlineData("Pyongyang fired a missile. The North's envoy left.", "Role \"The North's envoy\" PRK role=envoy")]
    [InlineData("Seoul protested. Tensions in the South China Sea rose, and the North Atlantic allies met.")]
    [InlineData("Seoul protested. Peace between the two Koreas is far off.")]
    // Without a Korea in the document, "the North" is no country.
    [InlineData("Rain fell in the North and the South of Italy.", "Country \"Italy\" ITA")]
    public void The_North_and_the_South_in_a_story_on_the_Koreas(string text, params string[] expected)
    {
        var doc = ActorKit.Run(text);
        var found = ActorKit.Actors(doc).Where(a => a.Contains("North", StringComparison.Ordinal) || a.Contains("South", StringComparison.Ordinal) || a.Contains("Italy", StringComparison.Ordinal));
        Assert.Equal(expected, found);
    }

    [Theory]
    [InlineData("Quatar's emir, Sheikh Salman bin Rashid al Marri, launched a mediation effort.", "Salman bin Rashid al Marri|QAT|emir")]
    [InlineData("Quatar's emir, Sheikh Salman bin Rashid al Marri launched a mediation effort.", "Salman bin Rashid al Marri|QAT|emir")]
    [InlineData("Soviet Foreign Minister Pavel Orlov flew to Geneva.", "Pavel Orlov|RUS|Foreign Minister")]
    [InlineData("The Jordanian king, Hussein, received Iraqi President Saddam Hussein.", "Saddam Hussein|IRQ|President")]
    [InlineData("President Francois Mitterand welcomed South African leader F.W. de Klerk.", "Francois Mitterand|FRA|President")]
    [InlineData("President Francois Mitterand welcomed South African leader F.W. de Klerk.", "F.W. de Klerk|ZAF|leader")]
    [InlineData("The talks with President Yoweri Museveni ended.", "Yoweri Museveni|UGA|President")]
    [InlineData("Before the summit, Sri Lankan officials met President Gotabaya Rajapaksa.", "Gotabaya Rajapaksa|LKA|President")]
    [InlineData("Arab League Secretary General Yusuf Kamal met the envoy.", "Yusuf Kamal|LAS|Secretary General")]
    [InlineData("French National Assembly president Marc Durand met the delegation.", "Marc Durand|FRA|National Assembly president")]
    public void Historical_and_misspelt_names(string sentence, string expected)
    {
        var doc = ActorKit.Run(sentence);
        Assert.Equal(expected, Fact(doc, expected.Split('|')[0]));
    }

    [Fact]
    public void Leaders_of_a_possessive_country_are_a_role_of_that_country()
    {
        var doc = ActorKit.Run("The delegation held talks with leaders of Romania's new government on Tuesday.");
        var role = doc.Mentions.Single(m => m.Kind == MentionKind.Role && m.PartOf < 0 && m.Role!.StartsWith("leaders", StringComparison.Ordinal));
        Assert.Equal("ROU", role.Country);
    }

    [Theory]
    // text | which "him" (0-based, in text order) | the person it names
    [InlineData("President Ana Ruiz welcomed her Peruvian counterpart Tomas Vega. Ruiz received him at the palace door to lead him inside.", 0, "Tomas Vega")]
    [InlineData("President Ana Ruiz welcomed her Peruvian counterpart Tomas Vega. Ruiz received him at the palace door to lead him inside.", 1, "Tomas Vega")]
    [InlineData("Chilean President Ana Ruiz was in Lima. Peruvian envoy Tomas Vega entered the palace, where a crowd was waiting for him.", 0, "Tomas Vega")]
    [InlineData("Minutes after Peruvian envoy Tomas Vega landed, Chilean Foreign Minister Ana Ruiz held talks with him.", 0, "Tomas Vega")]
    [InlineData("Peruvian envoy Tomas Vega arrived. Chilean Foreign Minister Ana Ruiz, who flew in on Sunday, met him.", 0, "Tomas Vega")]
    [InlineData("Peruvian diplomat Tomas Vega was in Santiago. Chilean Foreign Minister Ana Ruiz congratulated her counterpart for being appointed as foreign minister of Peru, wishing him luck.", 0, "Tomas Vega")]
    public void Him_is_not_the_subject_of_its_clause(string text, int nth, string name)
    {
        var doc = ActorKit.Run(text);
        var him = doc.Mentions.Where(m => m.IsPronoun && doc.Slice(m.Span) == "him").ElementAt(nth);
        Assert.Equal(name, him.Name);
    }
}
