using Parley.Documents;

namespace Parley.Tests.Publication;

public class LexiconTests
{
    [Theory]
    [InlineData("Sept", 9)]
    [InlineData("sep", 9)]
    [InlineData("NOV", 11)]
    [InlineData("May", 5)]
    [InlineData("Mayday", 0)]
    public void Month_names_and_abbreviations_come_from_data(string word, int month)
    {
        Assert.Equal(month, CalendarWords.Default.Month(word));
    }

    [Theory]
    [InlineData("Wed", 3)]
    [InlineData("Tuesday", 2)]
    [InlineData("Thurs", 4)]
    [InlineData("Seoul", 0)]
    public void Weekday_names_come_from_data(string word, int day)
    {
        Assert.Equal(day, CalendarWords.Default.Weekday(word));
    }

    [Fact]
    public void About_a_hundred_outlets_are_known_by_their_name_forms()
    {
        var outlets = OutletLexicon.Default;
        Assert.True(outlets.Count >= 150, $"{outlets.Count} name forms");
        Assert.Equal("Yonhap", outlets.Find("Yonhap News Agency")?.Name);
        Assert.Equal("wire", outlets.Find("(Kyodo)".Trim('(', ')'))?.Kind);
        Assert.Equal("Yonhap", outlets.FindAtStart("YonhapPublished : Nov. 1")?.Name);
        Assert.Equal("KBS World Radio", outlets.FindAtStart("KBS World Radio News.")?.Name);
        Assert.Null(outlets.FindAtStart("Indika Sri Aravinda"));
    }

    [Theory]
    [InlineData("YonhapPublished", LabelKind.Published, 9)]
    [InlineData("37Updated", LabelKind.Updated, 7)]
    [InlineData("Unpublished", LabelKind.None, 0)]
    public void Glued_date_labels_are_found(string word, LabelKind kind, int length)
    {
        Assert.Equal(length, PublicationLabels.Default.GluedDateLabelLength(word, out var k));
        Assert.Equal(kind, k);
    }
}
