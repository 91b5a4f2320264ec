using Parley.Documents;
using Parley.Pipeline;
using Parley.Segmentation;
using Xunit;

namespace Parley.Tests.Text;

public class TokenSpellingsTests
{
    private static Document Segmented(string text)
    {
        var doc = new Document(new RawArticle { Id = "t", Text = text, Kind = InputKind.PlainText, Origin = "t" });
        foreach (var c in ParleyPipeline.Default.Components)
            if (c.Name == "segmenter")
                c.Process(doc);
        return doc;
    }

    /// <summary>Makes <paramref name="table"/> the thread's until disposed; then the thread gets a new default one.</summary>
    private static Restore OnThisThread(TokenSpellings table)
    {
        TokenSpellings.UseOnThisThread(table);
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => TokenSpellings.UseOnThisThread(new TokenSpellings());
    }

    [Fact]
    public void A_spelling_has_one_id_and_another_case_is_another_spelling()
    {
        var table = new TokenSpellings();
        using var restore = OnThisThread(table);
        var doc = Segmented("Talks ended. talks resumed; Talks again.");
        var ids = table.Of(doc).ToArray();
        Assert.Equal(doc.Tokens.Count, ids.Length);
        Assert.Equal(ids[0], ids[6]); // "Talks" ... "Talks"
        Assert.NotEqual(ids[0], ids[3]); // "Talks" and "talks"
        Assert.Equal(ids[2], ids[^1]); // "." is one id wherever it stands
        Assert.Equal("Talks", table.Text(ids[0]));
        // Both spellings share one lower-case word.
        Assert.Same(table.Form(ids[0]), table.Form(ids[3]));
        Assert.Equal("talks", table.Form(ids[0]).Lower);
    }

    [Fact]
    public void The_ids_of_the_last_document_are_kept_and_another_document_gets_its_own()
    {
        var table = new TokenSpellings();
        using var restore = OnThisThread(table);
        var first = Segmented("Seoul hosted talks.");
        var second = Segmented("Talks in Lima ended early today.");
        Assert.Equal(second.Tokens.Count, table.Of(second).Length);
        var firstIds = table.Of(first).ToArray(); // looked up again: the table held the second document's
        Assert.Equal(["Seoul", "hosted", "talks", "."], firstIds.Select(table.Text));
        Assert.Equal(["Talks", "in", "Lima", "ended", "early", "today", "."], table.Of(second).ToArray().Select(table.Text));
    }

    [Fact]
    public void A_full_table_starts_over_between_documents_never_inside_one()
    {
        var table = new TokenSpellings(maxSpellings: 8);
        using var restore = OnThisThread(table);
        Segmented("one two three four five six");
        int generation = table.Generation;
        Assert.NotEqual(new TokenSpellings().Generation, generation); // no two tables share a generation
        var more = Segmented("seven eight nine ten eleven twelve");
        Assert.NotEqual(generation, table.Generation); // 6 + 6 spellings would not fit in 8
        var ids = table.Of(more).ToArray();
        Assert.Equal(["seven", "eight", "nine", "ten", "eleven", "twelve"], ids.Select(table.Text));
        Assert.Equal(Enumerable.Range(0, 6), ids);
        // A document longer than the table is still looked up whole, in one generation.
        var big = Segmented(string.Join(' ', Enumerable.Range(0, 20).Select(i => "w" + i)));
        Assert.Equal(20, table.Of(big).ToArray().Distinct().Count());
        Assert.Equal("w19", table.Text(table.Of(big)[19]));
    }

    [Fact]
    public void Words_that_share_head_tail_and_length_but_differ_inside_are_two_spellings()
    {
        // Words of up to twelve characters are matched on their first four, characters 4-7 and last four without
        // their string; a longer word with the same blocks, or one as long as another, must still be told apart.
        var table = new TokenSpellings();
        using var restore = OnThisThread(table);
        string[] words = ["abcde", "abcdf", "abcdwxyz", "abcdvxyz", "abcxwxyz", "abcd1wxyz", "abcd2wxyz", "abcd", "abce", "ab", "ba",
            "aaaaa", "aaaaaa", "aaaaaaaaa", "aaaaaaaaaa", "abcdefghwxyz", "abcdEfghwxyz", "abcdefgh1wxyz", "abcdefgh2wxyz", "abcdefghwxyz1",
            // The hash adds the blocks between head and tail: swapped blocks hash alike and only the key or the string tells.
            "abcdefghijklmnop", "abcdijklefghmnop", "abcdefghijklmnopqrst", "abcdefghmnopijklqrst", "abcdwxyz"];
        var doc = Segmented(string.Join(' ', words));
        var ids = table.Of(doc).ToArray();
        Assert.Equal(words, ids.Select(table.Text));
        Assert.Equal(words.Length - 1, ids.Distinct().Count()); // only the repeated "abcdwxyz" shares an id
        Assert.Equal(ids[2], ids[^1]);
    }
}
