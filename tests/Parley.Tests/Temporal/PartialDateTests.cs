using Parley.Temporal;

namespace Parley.Tests.Temporal;

public class PartialDateTests
{
    [Theory]
    [InlineData("2021-11-01", "2021-11-01", DatePrecision.Day)]
    [InlineData("2022-05", "2022-05", DatePrecision.Month)]
    [InlineData("2018", "2018", DatePrecision.Year)]
    [InlineData("2021-11-01T15:35:00", "2021-11-01", DatePrecision.Day)]
    public void Parses_and_prints_at_its_precision(string input, string printed, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(input, out var d));
        Assert.Equal(printed, d.ToString());
        Assert.Equal(precision, d.Precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-13")]
    [InlineData("21-11-01")]
    [InlineData("yesterday")]
    public void Refuses_what_is_not_a_date(string input) => Assert.False(PartialDate.TryParse(input, out _));

    [Fact]
    public void A_month_is_compatible_with_its_days_but_not_with_other_months()
    {
        var may = PartialDate.OfMonth(2022, 5);
        Assert.True(may.IsCompatibleWith(PartialDate.OfDay(2022, 5, 31)));
        Assert.False(may.IsCompatibleWith(PartialDate.OfDay(2022, 6, 1)));
        Assert.Equal(new DateOnly(2022, 5, 31), may.Latest);
    }
}
