using Parley.Actors;

namespace Parley.Tests.Actors;

/// <summary>The people of the shared seed articles (read from ../shared, never copied into the repository).</summary>
public class SeedActorTests
{
    private static Parley.Documents.Document Seed(string prefix)
    {
        var path = SharedFiles.SeedFiles.Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
        return ActorKit.Run(File.ReadAllText(path), Path.GetFileName(path));
    }

    [Theory]
    [InlineData("000", "Noh Kyu-duk|KOR", "Liu Xiaoming|CHN", "Moon Jae-in|KOR")]
    [InlineData("001", "Noh Kyu-duk|KOR", "Liu Xiaoming|CHN", "Yoon Suk-yeol|KOR", "Joe Biden|USA", "Kim Tae-hyo|KOR", "Choi Young-joon|KOR", "Lee In-young|KOR")]
    [InlineData("002", "Liu Xiaoming|CHN", "Noh Kyu-duk|KOR")]
    [InlineData("003", "Choi Jong-kun|KOR", "Wendy Sherman|USA", "Moon Jae-in|KOR", "Jake Sullivan|USA", "Chung Eui-yong|KOR", "Ned Price|USA", "Takeo Mori|JPN")]
    [InlineData("004", "Moon Jae-in|KOR", "Xi Jinping|CHN", "Joe Biden|USA", "Antony Blinken|USA", "Kang Kyung-wha|KOR")]
    public void Finds_the_people_of_a_seed(string seed, params string[] expected)
    {
        var doc = Seed(seed);
        Assert.Equal(expected, doc.Entities.Select(e => $"{e.Name}|{e.Country ?? "-"}"));
    }

    [Theory]
    [InlineData("001", "Beijing's top envoy", "Liu Xiaoming")]
    [InlineData("001", "Liu", "Liu Xiaoming")]
    [InlineData("003", "Choi", "Choi Jong-kun")]
    [InlineData("003", "Sherman", "Wendy Sherman")]
    [InlineData("003", "the vice minister", "Choi Jong-kun")]
    [InlineData("003", "South Korea's vice foreign minister", "Choi Jong-kun")]
    [InlineData("003", "his US counterpart", "Wendy Sherman")]
    [InlineData("004", "The U.S. top diplomat", "Antony Blinken")]
    [InlineData("004", "Xi", "Xi Jinping")]
    [InlineData("002", "Noh", "Noh Kyu-duk")]
    [InlineData("002", "his Republic of Korea counterpart", "Noh Kyu-duk")]
    public void Resolves_a_later_mention(string seed, string text, string name)
    {
        var doc = Seed(seed);
        var hits = doc.Mentions.Where(m => doc.Slice(m.Span) == text).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, m =>
        {
            Assert.Equal(MentionKind.Person, m.Kind);
            Assert.Equal(name, m.Name);
            Assert.Equal(name, doc.Entities[m.Entity].Name);
        });
    }

    [Fact]
    public void Seed_001_roles_are_kept_as_written()
    {
        var doc = Seed("001");
        var choi = doc.Entities.Single(e => e.Name == "Choi Young-joon");
        Assert.Contains("Vice Minister", choi.Roles);
        var lee = doc.Entities.Single(e => e.Name == "Lee In-young");
        Assert.Contains("Unification Minister", lee.Roles);
    }

    [Fact]
    public void Seed_000_envoys_of_two_countries_are_one_role_mention_each()
    {
        var doc = Seed("000");
        var first = doc.Sentences[2];
        var roles = doc.Mentions.Where(m => m.Kind == MentionKind.Role && m.IsPlural && first.Span.Contains(m.Span)).ToList();
        Assert.Equal(["KOR", "CHN"], roles.Select(m => m.Country));
        Assert.Contains(doc.Mentions, m => m.IsInstitution && m.Country == "KOR" && doc.Slice(m.Span) == "Seoul's foreign ministry");
    }

    [Fact]
    public void Korean_peninsula_and_war_are_not_korea()
    {
        foreach (var f in SharedFiles.SeedFiles)
        {
            var doc = ActorKit.Run(File.ReadAllText(f));
            foreach (var m in doc.Mentions.Where(m => m.Kind is MentionKind.Country or MentionKind.Demonym))
            {
                int end = m.Span.End;
                var after = doc.Text.AsSpan(end).TrimStart();
                Assert.False(after.StartsWith("Peninsula", StringComparison.OrdinalIgnoreCase) || after.StartsWith("War", StringComparison.Ordinal),
                    $"{Path.GetFileName(f)}: '{doc.Slice(m.Span)}' before '{after[..Math.Min(12, after.Length)]}'");
            }
        }
    }

    [Fact]
    public void Every_mention_offset_lies_in_its_sentence_and_the_text()
    {
        foreach (var f in SharedFiles.SeedFiles)
        {
            var doc = ActorKit.Run(File.ReadAllText(f));
            Assert.All(doc.Mentions, m =>
            {
                Assert.InRange(m.Span.Start, 0, m.Span.End - 1);
                Assert.InRange(m.Span.End, 1, doc.Text.Length);
                Assert.Contains(doc.Sentences, s => s.Span.Contains(m.Span));
                if (m.Entity >= 0)
                    Assert.Contains(doc.Mentions.IndexOf(m), doc.Entities[m.Entity].Mentions);
            });
        }
    }
}
