using Parley.Text;
using Xunit;

namespace Parley.Tests.Text;

public class TokenTrieTests
{
    private static TokenTrie<string> Trie()
    {
        var trie = new TokenTrie<string>();
        foreach (var phrase in new[] { "meet", "meet with", "met with", "held talks with", "held", "phone call" })
            trie.Add(phrase.Split(' '), phrase);
        return trie;
    }

    [Theory]
    [InlineData("they will meet with him", 2, 5)] // "meet with", the longer phrase
    [InlineData("they will meet him", 2, 4)] // "meet" alone
    [InlineData("they held talks with him", 1, 5)] // three tokens
    [InlineData("they held talks", 1, 3)] // "held talks" is no phrase, "held" is
    [InlineData("a phone", 1, 2)] // "phone" starts a phrase but is none
    [InlineData("a phone call", 1, 3)]
    [InlineData("meet with", 0, 1)] // the end cuts "meet with" to "meet"
    [InlineData("nothing here", 0, 2)] // no phrase starts with "nothing"
    public void Matching_from_the_first_words_node_is_the_same_as_matching_from_the_root(string sentence, int start, int end)
    {
        var trie = Trie();
        var tokens = sentence.Split(' ');
        int fromRoot = trie.LongestMatch(tokens, start, end, out var rootValue);
        int fromFirst = trie.LongestMatchFrom(trie.RootChild(tokens[start]), tokens, start, end, out var firstValue);
        Assert.Equal(fromRoot, fromFirst);
        Assert.Equal(rootValue, firstValue);
    }

    [Fact]
    public void A_word_that_starts_no_phrase_has_no_node_and_matches_nothing()
    {
        var trie = Trie();
        Assert.Null(trie.RootChild("talks")); // inside a phrase, never first
        Assert.NotNull(trie.RootChild("phone"));
        Assert.Equal(0, trie.LongestMatchFrom(null, ["talks", "with"], 0, 2, out var value));
        Assert.Null(value);
        Assert.Equal(3, trie.LongestMatch(["held", "talks", "with"], 0, 3, out var held));
        Assert.Equal("held talks with", held);
    }
}
