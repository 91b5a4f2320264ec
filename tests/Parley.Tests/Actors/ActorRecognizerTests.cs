using Parley.Actors;

namespace Parley.Tests.Actors;

/// <summary>Sentences written for these tests; each row names what the recogniser must find.</summary>
public class ActorRecognizerTests
{
    private static ActorMention Person(Parley.Documents.Document doc, string name) =>
        doc.Mentions.FirstOrDefault(m => m.Kind == MentionKind.Person && m.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"no person '{name}' in:\n{string.Join("\n", ActorKit.DescribeAll(doc))}");

    [Theory]
    // name | country | role
    [InlineData("South Korean President Moon Jae-in met reporters on Monday.", "Moon Jae-in", "KOR", "President")]
    [InlineData("US Deputy Secretary of State Wendy Sherman arrived in Seoul.", "Wendy Sherman", "USA", "Deputy Secretary of State")]
    [InlineData("South Korea's First Vice Foreign Minister Choi Jong-kun left for Washington.", "Choi Jong-kun", "KOR", "First Vice Foreign Minister")]
    [InlineData("Russian Foreign Minister Andrei Kozyrev spoke first.", "Andrei Kozyrev", "RUS", "Foreign Minister")]
    [InlineData("The envoy later called Secretary of State Warren Christopher.", "Warren Christopher", "USA", "Secretary of State")]
    [InlineData("Noh held talks with his Chinese counterpart Liu Xiaoming in Beijing.", "Liu Xiaoming", "CHN", "Chinese counterpart")]
    [InlineData("Noh shook hands with his Chinese counterpart, Liu Xiaoming, before the talks.", "Liu Xiaoming", "CHN", "Chinese counterpart")]
    [InlineData("Noh Kyu-duk, the special representative for Korean Peninsula peace and security affairs, flew in.", "Noh Kyu-duk", "KOR", "special representative for Korean Peninsula peace and security affairs")]
    [InlineData("Liu Xiaoming, Beijing's special representative on Korean Peninsula affairs, was in Seoul.", "Liu Xiaoming", "CHN", "special representative on Korean Peninsula affairs")]
    [InlineData("Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi.", "Recep Tayyip Erdogan", "TUR", "President")]
    [InlineData("Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi.", "Vladimir Putin", "RUS", "President")]
    [InlineData("External Affairs Minister S. Jaishankar met Secretary of State Antony Blinken at the State Department.", "S. Jaishankar", "IND", "External Affairs Minister")]
    [InlineData("External Affairs Minister S. Jaishankar met Secretary of State Antony Blinken at the State Department.", "Antony Blinken", "USA", "Secretary of State")]
    [InlineData("UN Secretary-General António Guterres met European Council President Charles Michel on Friday.", "António Guterres", "UN", "Secretary-General")]
    [InlineData("UN Secretary-General António Guterres met European Council President Charles Michel on Friday.", "Charles Michel", "EU", "President")]
    [InlineData("Qatar's emir, Sheikh Tamim bin Hamad Al Thani, received the delegation in Doha.", "Tamim bin Hamad Al Thani", "QAT", "emir")]
    [InlineData("Sheikh Hamad bin Khalifa al-Thani opened the talks.", "Hamad bin Khalifa al-Thani", "QAT", "Sheikh")]
    [InlineData("Mexican President Andrés Manuel López Obrador welcomed his Colombian counterpart Gustavo Petro.", "Andrés Manuel López Obrador", "MEX", "President")]
    [InlineData("Mexican President Andrés Manuel López Obrador welcomed his Colombian counterpart Gustavo Petro.", "Gustavo Petro", "COL", "Colombian counterpart")]
    [InlineData("South African President Cyril Ramaphosa hosted Sahrawi President Brahim Ghali in Pretoria.", "Brahim Ghali", "ESH", "President")]
    [InlineData("South African President Cyril Ramaphosa hosted Sahrawi President Brahim Ghali in Pretoria.", "Cyril Ramaphosa", "ZAF", "President")]
    [InlineData("Then-President F.W. de Klerk received the ambassador.", "F.W. de Klerk", "ZAF", "President")]
    [InlineData("He met Liu Xiaoming, Special Representative of the Chinese Government on Korean Peninsula Affairs, in Beijing.", "Liu Xiaoming", "CHN", "Special Representative of the Chinese Government on Korean Peninsula Affairs")]
    [InlineData("Liu spoke with Noh Kyu-duk, Special Representative for Korean Peninsula Peace and Security Affairs of the Ministry of Foreign Affairs of the Republic of Korea.", "Noh Kyu-duk", "KOR", "Special Representative for Korean Peninsula Peace and Security Affairs of the Ministry of Foreign Affairs of the Republic of Korea")]
    [InlineData("The minister will meet with Vice Minister Choi Young-joon, followed by a lunch.", "Choi Young-joon", null, "Vice Minister")]
    [InlineData("Japanese Prime Minister Fumio Kishida's office said nothing.", "Fumio Kishida", "JPN", "Prime Minister")]
    // Invented people, so that the country must come from the phrase and not from people.tsv.
    [InlineData("Chilean Foreign Minister Ana Torres Vidal arrived.", "Ana Torres Vidal", "CHL", "Foreign Minister")]
    [InlineData("Kenya's Defence Minister Amos Kiprop Otieno toured the base.", "Amos Kiprop Otieno", "KEN", "Defence Minister")]
    [InlineData("The envoy met his Norwegian counterpart, Ola Nordmann, in Oslo.", "Ola Nordmann", "NOR", "Norwegian counterpart")]
    [InlineData("Tomas Berg, the ambassador of Sweden, spoke first.", "Tomas Berg", "SWE", "ambassador of Sweden")]
    [InlineData("Lena Koch, Berlin's special envoy for Ukraine, left.", "Lena Koch", "DEU", "special envoy for Ukraine")]
    [InlineData("The talks were led by Deputy Foreign Minister Ivan Petrenko of Ukraine.", "Ivan Petrenko", "UKR", "Deputy Foreign Minister")]
    public void Finds_a_titled_person(string sentence, string name, string? country, string role)
    {
        var doc = ActorKit.Run(sentence);
        var m = Person(doc, name);
        Assert.Equal(country, m.Country);
        Assert.Equal(role, m.Role);
        Assert.False(m.IsPronoun);
        Assert.Equal(name, doc.Entities[m.Entity].Name);
    }

    [Theory]
    [InlineData("Seoul's foreign ministry said the talks went well.")]
    [InlineData("The Moon administration hopes for talks.")]
    [InlineData("The talks will resume in May after Tuesday's holiday.")]
    [InlineData("Peace on the Korean Peninsula was the main topic.")]
    [InlineData("The Ministry of Foreign Affairs in Seoul issued a statement on Wednesday.")]
    [InlineData("Tensions rose after the Korean War ended in 1953.")]
    [InlineData("Monday's Meeting Ends Without Deal")]
    [InlineData("Park Gets Warm Welcome From Envoy Dale")]
    [InlineData("Photo released by the official Korean Central News Agency.")]
    [InlineData(".")]
    [InlineData("")]
    public void Finds_no_person(string sentence)
    {
        var doc = ActorKit.Run(sentence);
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Person);
        Assert.Empty(doc.Entities);
    }

    [Theory]
    // text | expected non-part mentions, in order
    [InlineData("Seoul's foreign ministry said.", "Role \"Seoul's foreign ministry\" KOR role=foreign ministry institution")]
    [InlineData("The top nuclear envoys of South Korea and China held a videoconference.",
        "Role \"The top nuclear envoys of South Korea and China\" KOR role=top nuclear envoys of South Korea and China plural",
        "Role \"The top nuclear envoys of South Korea and China\" CHN role=top nuclear envoys of South Korea and China plural")]
    [InlineData("The foreign ministers of South Korea and China met in Rome.",
        "Role \"The foreign ministers of South Korea and China\" KOR role=foreign ministers of South Korea and China plural",
        "Role \"The foreign ministers of South Korea and China\" CHN role=foreign ministers of South Korea and China plural",
        "Metonym \"Rome\" ITA city=Rome")]
    [InlineData("The chief South Korean and US nuclear envoys agreed.",
        "Role \"The chief South Korean and US nuclear envoys\" KOR role=nuclear envoys plural",
        "Role \"The chief South Korean and US nuclear envoys\" USA role=nuclear envoys plural")]
    [InlineData("The North Korean leader was absent.", "Role \"The North Korean leader\" PRK role=leader")]
    [InlineData("Peace on the Korean Peninsula and the two Koreas.")]
    [InlineData("Washington and Pyongyang traded barbs.", "Metonym \"Washington\" USA city=Washington", "Metonym \"Pyongyang\" PRK city=Pyongyang")]
    [InlineData("The talks in Washington, D.C. ended.", "Metonym \"Washington, D.C.\" USA city=Washington")]
    [InlineData("Officials from the UN and NATO met in Sochi.", "Role \"Officials from the UN and NATO\" UN role=Officials from the UN and NATO plural", "Role \"Officials from the UN and NATO\" NATO role=Officials from the UN and NATO plural", "Place \"Sochi\" RUS city=Sochi")]
    [InlineData("China's response worried the Kremlin.", "Country \"China's\" CHN", "Metonym \"the Kremlin\" RUS city=Moscow")]
    [InlineData("Let us wait, said US officials in the U.S. capital.", "Role \"US officials\" USA role=officials plural", "Country \"the U.S.\" USA")]
    [InlineData("Michael Jordan visited Jordan and Chad.", "Country \"Jordan\" JOR", "Country \"Chad\" TCD")]
    [InlineData("Georgia Meloni spoke.")]
    [InlineData("The Chinese Communist Party and the Korea Exchange Bank.")]
    [InlineData("The Chinese Foreign Ministry said.", "Role \"The Chinese Foreign Ministry\" CHN role=Foreign Ministry institution")]
    [InlineData("Ties between S. Korea and N. Korea, and the DPRK's envoy.", "Country \"S. Korea\" KOR", "Country \"N. Korea\" PRK", "Role \"the DPRK's envoy\" PRK role=envoy")]
    public void Finds_actors(string sentence, params string[] expected)
    {
        var doc = ActorKit.Run(sentence);
        Assert.Equal(expected, ActorKit.Actors(doc));
    }

    [Fact]
    public void Parts_of_a_phrase_point_to_their_head()
    {
        var doc = ActorKit.Run("Noh held talks with his Chinese counterpart Liu Xiaoming.");
        var chinese = doc.Mentions.Single(m => m.Kind == MentionKind.Demonym);
        Assert.Equal("Liu Xiaoming", doc.Mentions[chinese.PartOf].Name);
    }

    [Fact]
    public void Each_country_of_a_plural_role_points_to_its_own_role()
    {
        var doc = ActorKit.Run("The foreign ministers of South Korea and China met.");
        foreach (var c in doc.Mentions.Where(m => m.Kind == MentionKind.Country))
        {
            var head = doc.Mentions[c.PartOf];
            Assert.Equal(MentionKind.Role, head.Kind);
            Assert.Equal(c.Country, head.Country);
        }
    }

    [Fact]
    public void A_later_surname_and_a_bare_role_resolve_to_the_entity()
    {
        var doc = ActorKit.Run(
            "Liu Xiaoming, Beijing's special representative on Korean Peninsula affairs, arrived in Seoul. "
            + "South Korean envoy Noh Kyu-duk met him. Beijing's top envoy is also set to meet officials. "
            + "Liu said the talks were useful.");
        Assert.Equal(["Liu Xiaoming|CHN", "Noh Kyu-duk|KOR"], doc.Entities.Select(e => $"{e.Name}|{e.Country}"));
        var liu = doc.Entities[0];
        var texts = liu.Mentions.Select(i => doc.Slice(doc.Mentions[i].Span)).ToList();
        Assert.Contains("Beijing's top envoy", texts);
        Assert.Contains("Liu", texts);
        Assert.All(liu.Mentions, i => Assert.Equal("Liu Xiaoming", doc.Mentions[i].Name));
    }

    [Fact]
    public void Surnames_resolve_for_both_name_orders()
    {
        var doc = ActorKit.Run(
            "South Korea's First Vice Foreign Minister Choi Jong-kun and US Deputy Secretary of State Wendy Sherman met. "
            + "Choi and Sherman discussed Iran.");
        var later = doc.Mentions.Where(m => m.Kind == MentionKind.Person && doc.Sentences[1].Span.Contains(m.Span)).ToList();
        Assert.Equal(["Choi Jong-kun|KOR", "Wendy Sherman|USA"], later.Select(m => $"{m.Name}|{m.Country}"));
    }

    [Fact]
    public void The_top_diplomat_is_the_secretary_of_state_not_the_president()
    {
        var doc = ActorKit.Run(
            "US President Joe Biden spoke on Monday. Antony Blinken was sworn in as the U.S. Secretary of State. "
            + "The U.S. top diplomat agreed on the urgency of the issue.");
        var top = doc.Mentions.Single(m => doc.Slice(m.Span) == "The U.S. top diplomat");
        Assert.Equal(MentionKind.Person, top.Kind);
        Assert.Equal("Antony Blinken", top.Name);
    }

    [Fact]
    public void A_role_two_people_could_hold_stays_a_role()
    {
        var doc = ActorKit.Run(
            "Chinese Foreign Minister Wang Yi met Chinese Vice Foreign Minister Le Yucheng. The Chinese official said little.");
        var official = doc.Mentions.Single(m => doc.Slice(m.Span) == "The Chinese official");
        Assert.Equal(MentionKind.Role, official.Kind);
        Assert.Equal("CHN", official.Country);
        Assert.Equal(-1, official.Entity);
    }

    [Theory]
    [InlineData("Chinese envoy Liu Xiaoming visited Seoul on Tuesday. He met Noh Kyu-duk.", "He", "Liu Xiaoming")]
    [InlineData("In his first visit here, Ambassador Liu Xiaoming met officials. Later, he met the press.", "he", "Liu Xiaoming")]
    [InlineData("Chinese envoy Liu Xiaoming spoke. \"We are concerned,\" he said.", "he", "Liu Xiaoming")]
    [InlineData("Hours after Antony Blinken was sworn in, Foreign Minister Kang Kyung-wha held talks with him.", "him", "Antony Blinken")]
    [InlineData("Sherman welcomed the news, according to spokesman Ned Price. \"It matters,\" he said.", "he", "Ned Price")]
    public void Resolves_a_pronoun(string text, string pronoun, string name)
    {
        var doc = ActorKit.Run("Wendy Sherman is US Deputy Secretary of State. " + text);
        var m = doc.Mentions.Last(m => m.IsPronoun && doc.Slice(m.Span) == pronoun);
        Assert.Equal(MentionKind.Person, m.Kind);
        Assert.Equal(name, m.Name);
    }

    [Fact]
    public void A_pronoun_inside_a_clause_is_left_alone()
    {
        var doc = ActorKit.Run("Ambassador Liu Xiaoming visited Seoul. The minister told reporters he was pleased.");
        Assert.DoesNotContain(doc.Mentions, m => m.IsPronoun);
    }

    [Fact]
    public void A_full_name_modifying_administration_is_a_person_inside_an_institution()
    {
        var doc = ActorKit.Run("The liberal Moon Jae-in administration of South Korea says so.");
        var moon = Person(doc, "Moon Jae-in");
        var head = doc.Mentions[moon.PartOf];
        Assert.True(head.IsInstitution);
        Assert.Equal("KOR", head.Country);
    }

    [Fact]
    public void Spans_are_half_open_offsets_of_the_cleaned_text()
    {
        const string text = "Chinese President Xi Jinping's visit";
        var doc = ActorKit.Run(text);
        var xi = Person(doc, "Xi Jinping");
        Assert.Equal("Xi Jinping's", text[xi.Span.Start..xi.Span.End]);
        Assert.True(xi.IsPossessive);
        Assert.Equal(doc.Mentions.OrderBy(m => m.Span.Start).Select(m => m.Span), doc.Mentions.Select(m => m.Span));
    }

    [Theory]
    // A counterpart holds the office of the person it is relative to: an earlier compatriot of another office is not meant.
    [InlineData("Danish Prime Minister Mette Lund spoke on Monday. Estonian Foreign Minister Jaan Tamm and his Danish counterpart held talks.", null)]
    [InlineData("Danish Foreign Minister Lars Holm spoke on Monday. Estonian Foreign Minister Jaan Tamm and his Danish counterpart held talks.", "Lars Holm")]
    // The same office under another name ("top diplomat") is the same office.
    [InlineData("Denmark's top diplomat Lars Holm spoke on Monday. Estonian Foreign Minister Jaan Tamm and his Danish counterpart held talks.", "Lars Holm")]
    public void A_counterpart_is_only_someone_of_the_same_office(string text, string? name)
    {
        var doc = ActorKit.Run(text);
        var counterpart = doc.Mentions.Single(m => doc.Slice(m.Span) == "his Danish counterpart");
        Assert.Equal(name, counterpart.Name);
        Assert.Equal("DNK", counterpart.Country);
    }

    [Fact]
    public void Running_twice_gives_the_same_layers()
    {
        var doc = ActorKit.Run("Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi.");
        var first = ActorKit.DescribeAll(doc);
        new ActorRecognizer().Process(doc);
        Assert.Equal(first, ActorKit.DescribeAll(doc));
        Assert.Equal(2, doc.Entities.Count);
    }
}
