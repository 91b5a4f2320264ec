using Parley.Text;
using Xunit;

namespace Parley.Tests.Text;

public class TextSearchTests
{
    [Theory]
    [InlineData("File Photo: the ministers", "file photo", true)]
    [InlineData("FILE PHOTO", "file photo", true)]
    [InlineData("a photograph", "photo", true)]
    [InlineData("pho to", "photo", false)]
    [InlineData("", "photo", false)]
    [InlineData("photo", "", true)]
    [InlineData("ph", "photo", false)]
    [InlineData("Deputy Foreign Minister", "minister", true)]
    [InlineData("Ministère", "ministry", false)]
    public void Finds_what_the_library_finds(string text, string pattern, bool expected)
    {
        Assert.Equal(expected, text.Contains(pattern, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, TextSearch.ContainsIgnoreCase(text, pattern));
    }

    [Fact]
    public void Agrees_with_the_library_on_mixed_scripts_and_confusable_letters()
    {
        // Letters that case-map near ASCII ones (long s, dotless i, Kelvin sign, Turkish İ) and others.
        const string alphabet = "aAsSiIkKoOtT \u017F\u0131\u0130\u212A\u00E9\u00C9\u03A3\u03C3-";
        string[] patterns = ["so", "is", "kit", "to", "ok", "s i", "tik", "Sk", "i-k"];
        var random = new Random(7);
        for (int n = 0; n < 4000; n++)
        {
            var chars = new char[random.Next(0, 12)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            foreach (var pattern in patterns)
                Assert.True(text.Contains(pattern, StringComparison.OrdinalIgnoreCase) == TextSearch.ContainsIgnoreCase(text, pattern),
                    $"'{text}' / '{pattern}'");
        }
    }
}
