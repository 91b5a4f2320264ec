using Parley.Ingest;

namespace Parley.Tests.Ingest;

public class MetadataDateTests
{
    [Theory]
    [InlineData("2021-07-08", "2021-07-08", null)]
    [InlineData(" 2021-07-08 ", "2021-07-08", null)]
    [InlineData("2021-07-08T09:15:00+09:00", "2021-07-08", "09:15:00")]
    [InlineData("2021-07-08T23:30:00.000Z", "2021-07-08", "23:30:00")]
    [InlineData("2021-07-09T01:05+09:00", "2021-07-09", "01:05")] // the writer's day, not UTC's 8 July
    [InlineData("2021-07-08 09:15", "2021-07-08", "09:15")]
    [InlineData("2021/07/08", "2021-07-08", null)]
    [InlineData("20210708", "2021-07-08", null)]
    [InlineData("Thu, 08 Jul 2021 09:15:00 +0900", "2021-07-08", "09:15:00")]
    [InlineData("Thu, 08 Jul 2021 23:15:00 GMT", "2021-07-08", "23:15:00")]
    [InlineData("Thu, 08 Jul 2021 09:15:00 KST", "2021-07-08", "09:15:00")]
    [InlineData("July 8, 2021", "2021-07-08", null)]
    [InlineData("2022-05", "2022-05", null)]
    [InlineData("2022", "2022", null)]
    public void Parses_dates_as_written(string value, string expected, string? time)
    {
        Assert.True(MetadataDate.TryParse(value, out var date, out var t));
        Assert.Equal(expected, date.ToString());
        Assert.Equal(time, t);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2021-02-30")]
    [InlineData("2021-13-01")]
    [InlineData("1066-10-14")]
    [InlineData("99999999")]
    public void Refuses_what_is_not_a_date(string? value)
    {
        Assert.False(MetadataDate.TryParse(value, out _, out _));
    }
}
