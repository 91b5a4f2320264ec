using Parley.Text;

namespace Parley.Tests.Text;

public class OffsetMapTests
{
    [Fact]
    public void Identity_maps_every_offset_to_itself()
    {
        var map = OffsetMap.Identity(10);
        Assert.Equal(7, map.ToOriginal(7));
        Assert.Equal(new TextSpan(2, 5), map.ToOriginal(new TextSpan(2, 5)));
    }

    [Theory]
    [InlineData("aaXXbbYYcc", new[] { 2, 4, 6, 8 }, "aabbcc")]
    [InlineData("XXabc", new[] { 0, 2 }, "abc")]
    [InlineData("abcXX", new[] { 3, 5 }, "abc")]
    [InlineData("aXXXb", new[] { 1, 3, 2, 4 }, "ab")] // overlapping cuts
    public void Removals_leave_a_text_whose_every_character_maps_back(string original, int[] cuts, string expected)
    {
        var spans = Enumerable.Range(0, cuts.Length / 2).Select(i => new TextSpan(cuts[2 * i], cuts[2 * i + 1]));
        var (clean, map) = OffsetMap.FromRemovals(original, spans);
        Assert.Equal(expected, clean);
        for (int i = 0; i < clean.Length; i++)
            Assert.Equal(clean[i], original[map.ToOriginal(i)]);
    }

    [Fact]
    public void A_span_that_ends_before_a_removed_run_does_not_swallow_it()
    {
        var (clean, map) = OffsetMap.FromRemovals("one REMOVED two", [new TextSpan(4, 12)]);
        Assert.Equal("one two", clean);
        var one = map.ToOriginal(new TextSpan(0, 3));
        Assert.Equal(new TextSpan(0, 3), one);
        var two = map.ToOriginal(new TextSpan(4, 7));
        Assert.Equal("two", two.Slice("one REMOVED two"));
    }
}
