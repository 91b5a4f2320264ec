using Parley.Segmentation;
using Parley.Text;

namespace Parley.Tests.Actors;

/// <summary>The case-insensitive, span-reading use of <see cref="TokenTrie{T}"/> that the actor gazetteers rely on.</summary>
public class GazetteerTrieTests
{
    private static TokenTrie<string> Build()
    {
        var trie = new TokenTrie<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in new[] { ("South Korea", "KOR"), ("Korea", "KOR?"), ("Foreign Minister", "fm"), ("U.S.", "USA") })
        {
            var tokens = new List<Token>();
            Tokenizer.Tokenize(key, tokens);
            trie.Add(tokens.Select(t => t.Span.Slice(key)).ToList(), value);
        }
        return trie;
    }

    [Theory]
    // text | start token | tokens matched | value | possessive
    [InlineData("South Korea held talks", 0, 2, "KOR", false)]
    [InlineData("south korea held talks", 0, 2, "KOR", false)]
    [InlineData("South Korea's envoy", 0, 2, "KOR", true)]
    [InlineData("South Korea\u2019s envoy", 0, 2, "KOR", true)]
    [InlineData("the Foreign Minister spoke", 1, 2, "fm", false)]
    [InlineData("South Africa", 0, 0, null, false)]
    [InlineData("the U.S. side", 1, 4, "USA", false)] // "U", ".", "S", "."
    public void Matches_the_longest_key_in_any_case(string text, int start, int length, string? value, bool possessive)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        int n = Build().Match(text, tokens, start, tokens.Count, out var found, out bool p);
        Assert.Equal(length, n);
        Assert.Equal(value, found);
        Assert.Equal(possessive, p);
    }

    [Fact]
    public void Keep_decides_between_values_of_one_key()
    {
        var trie = new TokenTrie<string>(StringComparer.OrdinalIgnoreCase);
        trie.Add(["Jordan"], "person");
        trie.Add(["jordan"], "country", (old, add) => add);
        trie.Add(["JORDAN"], "river");
        var tokens = new List<Token>();
        Tokenizer.Tokenize("Jordan", tokens);
        trie.Match("Jordan", tokens, 0, 1, out var value, out _);
        Assert.Equal("country", value);
        Assert.Equal(1, trie.Count);
    }

    [Fact]
    public void Skip_ignores_a_glued_prefix()
    {
        const string text = "then-Foreign Minister Kang";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        int first = tokens.FindIndex(t => t.Span.Slice(text).StartsWith("then", StringComparison.Ordinal));
        int n = Build().Match(text, tokens, first, tokens.Count, out var value, out _, skip: 5);
        Assert.Equal("fm", value);
        Assert.True(n >= 2);
    }
}
