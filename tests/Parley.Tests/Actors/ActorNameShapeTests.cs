using Parley.Actors;
using Parley.Documents;

namespace Parley.Tests.Actors;

/// <summary>
/// Names the title list does not introduce: "Name of Country" after a contact verb, bare names after a contact
/// verb, title tails the title list does not know, honorific-looking words inside a name, plural roles with
/// "the" in their country list, and pronoun gender. Every person here is invented.
/// </summary>
public class ActorNameShapeTests
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
    [InlineData("Vietnamese Foreign Minister Tran Quoc Bao received Kenji Arakawa of Japan and Maria Soledad Reyes of the Philippines at the Government Guest House.",
        "Kenji Arakawa|JPN|-", "Maria Soledad Reyes|PHL|-", "Tran Quoc Bao|VNM|Foreign Minister")]
    [InlineData("The president met with Oluwaseun Adeyemi of Nigeria on Friday.", "Oluwaseun Adeyemi|NGA|-")]
    [InlineData("She hosted Lars Eriksson of Sweden, Anna Kowalska of Poland and Pedro Alves of Portugal for dinner.",
        "Lars Eriksson|SWE|-", "Anna Kowalska|POL|-", "Pedro Alves|PRT|-")]
    [InlineData("The minister spoke with Hamid Karimov of Uzbekistan by phone.", "Hamid Karimov|UZB|-")]
    public void A_name_of_a_country_after_a_contact_verb_is_a_person_of_that_country(string sentence, params string[] expected)
    {
        var doc = ActorKit.Run(sentence);
        foreach (var e in expected)
            Assert.Equal(e, Fact(doc, e.Split('|')[0]));
        // The country is the person's, not an actor of its own.
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Country && m.PartOf < 0);
    }

    [Theory]
    // Not a person: an organisation's name, a name without a contact verb, a single word.
    [InlineData("Analysts at Morgan Stanley of Japan said the yen would fall.")]
    [InlineData("The Central Bank of Japan raised rates.")]
    [InlineData("He praised Toyota of Japan.")]
    public void A_name_of_a_country_without_a_contact_verb_or_with_one_word_is_no_person(string sentence)
    {
        var doc = ActorKit.Run(sentence);
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Person);
    }

    [Fact]
    public void A_bare_two_word_name_after_a_contact_verb_is_a_person()
    {
        var doc = ActorKit.Run("Seo Min-ho, South Korea's envoy, met Zhou Lanfang in Beijing on Wednesday. He also called Pieter Vos later.");
        Assert.Equal("Zhou Lanfang|-|-", Fact(doc, "Zhou Lanfang"));
        Assert.Equal("Pieter Vos|-|-", Fact(doc, "Pieter Vos"));
        Assert.Equal("Seo Min-ho|KOR|envoy", Fact(doc, "Seo Min-ho"));
    }

    [Fact]
    public void A_bare_name_after_a_contact_verb_is_the_person_named_earlier_with_a_title()
    {
        var doc = ActorKit.Run(
            "China's special representative on Korean Peninsula affairs Zhou Lanfang arrived on Monday. "
            + "Seo Min-ho met Zhou Lanfang in Beijing on Wednesday.");
        var mentions = doc.Mentions.Where(m => m.Kind == MentionKind.Person && m.Name == "Zhou Lanfang").ToList();
        Assert.Equal(2, mentions.Count);
        Assert.All(mentions, m => Assert.Equal("CHN", m.Country));
        Assert.Single(mentions.Select(m => m.Entity).Distinct());
    }

    [Theory]
    // Not a person: a thing received, a place visited, a capitalised run that goes on.
    [InlineData("The bill received Royal Assent on Monday.")]
    [InlineData("The delegation met Tuesday in Geneva.")]
    [InlineData("They met at Camp David.")]
    [InlineData("She called Foreign Affairs Committee members.")]
    public void A_capitalised_pair_after_a_contact_verb_is_not_always_a_person(string sentence)
    {
        var doc = ActorKit.Run(sentence);
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Person);
    }

    [Theory]
    // A title with a capitalised complement the title list does not know: the name is split off its end.
    [InlineData("India's Special Envoy on Climate Change Rohan Mehta met them.", "Rohan Mehta|IND|Special Envoy on Climate Change")]
    [InlineData("Japan's Special Envoy for Middle East Affairs Kenta Mori arrived.", "Kenta Mori|JPN|Special Envoy for Middle East Affairs")]
    [InlineData("Vice Minister for Political Affairs Sato Ryo met them.", "Sato Ryo|-|Vice Minister for Political Affairs")]
    [InlineData("Korea's Minister of Trade, Industry and Energy Park Dong-wook left.", "Park Dong-wook|KOR|Minister of Trade, Industry and Energy")]
    [InlineData("France's Minister of Economy and Finance Julien Le Maire spoke.", "Julien Le Maire|FRA|Minister of Economy and Finance")]
    [InlineData("The US Director of National Intelligence Karen Holt testified.", "Karen Holt|USA|Director of National Intelligence")]
    // A lower-case topic after "for" or "on" the title list does not know.
    [InlineData("China's special envoy on climate change Zhou Lanfang met the delegation.", "Zhou Lanfang|CHN|special envoy on climate change")]
    [InlineData("Britain's minister for trade Liam Doyle arrived.", "Liam Doyle|GBR|minister for trade")]
    // The brief's shapes, with people the people list does not know.
    [InlineData("China's special representative on Korean Peninsula affairs Zhou Lanfang met the delegation.",
        "Zhou Lanfang|CHN|special representative on Korean Peninsula affairs")]
    [InlineData("The US special envoy for North Korea Dana Whitfield arrived in Seoul.", "Dana Whitfield|USA|special envoy for North Korea")]
    [InlineData("South Korea's Special Representative for Korean Peninsula Peace and Security Affairs Park Seo-jun left.",
        "Park Seo-jun|KOR|Special Representative for Korean Peninsula Peace and Security Affairs")]
    public void A_name_after_a_title_tail_is_split_from_it(string sentence, string expected)
    {
        var doc = ActorKit.Run(sentence);
        Assert.Equal(expected, Fact(doc, expected.Split('|')[0]));
    }

    [Theory]
    // A capitalised complement with no name after it stays the title's.
    [InlineData("The Minister of National Defense said the drill would go ahead.", "Minister of National Defense")]
    [InlineData("The Secretary of Homeland Security met the press.", "Secretary of Homeland Security")]
    [InlineData("The Commissioner for Crisis Management was present.", "Commissioner for Crisis Management")]
    [InlineData("The Chairman of the Joint Staff Council said so.", "Chairman of the Joint Staff Council")]
    [InlineData("The ambassador to host Choi Young-il left.", "ambassador")]
    public void A_capitalised_complement_without_a_name_stays_the_role(string sentence, string role)
    {
        var doc = ActorKit.Run(sentence);
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Person);
        Assert.Contains(doc.Mentions, m => m.Kind == MentionKind.Role && m.Role == role);
    }

    [Theory]
    [InlineData("The foreign ministers of Japan and the Philippines met in Manila.", "JPN", "PHL")]
    [InlineData("The defence ministers of the United States, Japan and the Philippines spoke.", "USA", "JPN", "PHL")]
    [InlineData("The foreign ministers of South Korea and China met.", "KOR", "CHN")]
    public void A_plural_role_gives_one_mention_per_country_also_after_the(string sentence, params string[] countries)
    {
        var doc = ActorKit.Run(sentence);
        var roles = doc.Mentions.Where(m => m.Kind == MentionKind.Role).ToList();
        Assert.Equal(countries, roles.Select(m => m.Country));
        Assert.All(roles, m => Assert.True(m.IsPlural));
        Assert.Single(roles.Select(m => m.Span).Distinct());
    }

    [Theory]
    [InlineData("Somali President Hassan Abdi Sheikh Warsame arrived in Nairobi.", "Hassan Abdi Sheikh Warsame|SOM|President")]
    [InlineData("Somali President Ahmed Sheikh Nur arrived in Nairobi.", "Ahmed Sheikh Nur|SOM|President")]
    [InlineData("Afghan Deputy Prime Minister Abdul Mullah Rahim met them.", "Abdul Mullah Rahim|AFG|Deputy Prime Minister")]
    [InlineData("Pakistani Foreign Minister Imran Sayed Qadri left.", "Imran Sayed Qadri|PAK|Foreign Minister")]
    public void An_honorific_between_name_words_after_a_title_is_part_of_the_name(string sentence, string expected)
    {
        var doc = ActorKit.Run(sentence);
        Assert.Equal(expected, Fact(doc, expected.Split('|')[0]));
        Assert.Single(doc.Mentions, m => m.Kind == MentionKind.Person);
    }

    [Fact]
    public void An_honorific_before_a_name_is_still_a_form_of_address()
    {
        var doc = ActorKit.Run("Qatar's emir, Sheikh Faisal bin Nasser al-Kuwari, received them.");
        Assert.Equal("Faisal bin Nasser al-Kuwari", Person(doc, "Faisal bin Nasser al-Kuwari").Name);
    }

    private static string PronounTarget(Document doc, string pronoun, int nth = 0) =>
        doc.Mentions.Where(m => m.IsPronoun && doc.Slice(m.Span) == pronoun).ElementAt(nth).Name!;

    [Theory]
    // "she" and "her" skip a man named first for the woman named later.
    [InlineData("Prime Minister Daniel Okafor hosted Queen Amara of Lesotho. She thanked him.", "She", "Amara")]
    [InlineData("Vice Director Kim Su Hyang arrived on Friday. The talks were held by Kim's sister Kim Su Hyang with President Lee Tae-ho. She is in the South as her brother's special envoy.", "She", "Kim Su Hyang")]
    [InlineData("Vice Director Kim Su Hyang arrived on Friday. Kim Su Hyang, left, sister of the leader, met President Lee Tae-ho. She is in the South as her brother's special envoy.", "She", "Kim Su Hyang")]
    [InlineData("Foreign Minister Tomas Berg received Ms Ingrid Halvorsen. She arrived on Monday.", "She", "Ingrid Halvorsen")]
    [InlineData("Foreign Minister Tomas Berg received Maria Lindqvist. She arrived on Monday.", "She", "Maria Lindqvist")]
    [InlineData("Foreign Minister Tomas Berg received Maria Lindqvist. Her visit lasted two days.", "Her", "Maria Lindqvist")]
    // "he" skips a woman.
    [InlineData("Queen Amara of Lesotho hosted Prime Minister Daniel Okafor. He thanked her.", "He", "Daniel Okafor")]
    [InlineData("Foreign Minister Maria Lindqvist met Defence Minister Tomas Berg. He said the talks went well.", "He", "Tomas Berg")]
    // Without a cue either way, the subject as before.
    [InlineData("Foreign Minister Tomas Berg met Daniel Okafor. He said the talks went well.", "He", "Tomas Berg")]
    [InlineData("Foreign Minister Tomas Berg met Daniel Okafor. She said the talks went well.", "She", "Tomas Berg")]
    public void Pronouns_follow_the_gender_the_text_gives(string text, string pronoun, string name)
    {
        var doc = ActorKit.Run(text);
        Assert.Equal(name, PronounTarget(doc, pronoun));
    }

    [Theory]
    [InlineData("They talked at the Government Guest House in Hanoi.")]
    [InlineData("The Foreign Ministry Annex was closed for repairs.")]
    public void A_body_word_starting_a_building_name_is_no_role(string sentence)
    {
        var doc = ActorKit.Run(sentence);
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Role);
    }

    [Fact]
    public void A_body_word_before_a_title_is_still_a_role()
    {
        var doc = ActorKit.Run("Chinese Foreign Ministry Spokesperson Lin Haoran said so.");
        Assert.Equal("CHN", Person(doc, "Lin Haoran").Country);
    }

    [Theory]
    [InlineData("The two envoys met at the foreign ministry.", "The two envoys")]
    [InlineData("The envoys met at the foreign ministry.", "The envoys")]
    [InlineData("Later the ministers held a news conference.", "the ministers")]
    [InlineData("Both foreign ministers attended.", "Both foreign ministers")]
    public void A_plural_role_without_a_country_is_a_plural_role_mention(string sentence, string span)
    {
        var doc = ActorKit.Run(sentence);
        var m = doc.Mentions.First(x => x.Kind == MentionKind.Role && !x.IsInstitution);
        Assert.Equal(span, doc.Slice(m.Span));
        Assert.True(m.IsPlural);
        Assert.Null(m.Country);
    }
}
