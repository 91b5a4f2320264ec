using Parley.Actors;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Tests.Actors;

public class RegnalNameTests
{
    [Theory]
    [InlineData("Jordan's King Abdullah II met U.S. President Joe Biden at the White House.", "Abdullah II", "JOR")]
    [InlineData("Britain's King Charles III hosted Japanese Emperor Naruhito at Buckingham Palace.", "Charles III", "GBR")]
    [InlineData("Spain's King Felipe VI received Argentine President Javier Milei in Madrid.", "Felipe VI", "ESP")]
    public void A_regnal_number_ends_a_royal_name(string text, string name, string country)
    {
        var doc = ParleyPipeline.Default.Run(new RawArticle { Id = "t", Text = text, Kind = InputKind.PlainText, Origin = "t" });
        Assert.Contains(doc.Mentions, m => m.Kind == MentionKind.Person && m.Name == name && m.Country == country);
    }
}
