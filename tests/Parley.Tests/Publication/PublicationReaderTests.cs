using Parley.Documents;
using Parley.Temporal;

namespace Parley.Tests.Publication;

public class PublicationReaderTests
{
    private static readonly PublicationReader Reader = new();

    private const string Body = "\nThe envoys of the two countries met in Vienna to discuss the stalled talks, the ministry said.";

    [Theory]
    [InlineData("Envoys meet in Vienna\nBy YonhapPublished : Nov. 1, 2021 - 15:35", "2021-11-01", "15:35")]
    [InlineData("Envoys meet in Vienna\nPublished : Nov. 1, 2021 - 15:35", "2021-11-01", "15:35")]
    [InlineData("Envoys meet in Vienna\n\nMay 3, 2022 - 09:30 By Yonhap", "2022-05-03", "09:30")]
    [InlineData("Beijing, 21 February 2022 (TDI): Ambassador Liu spoke by phone with his counterpart on the talks.", "2022-02-21", null)]
    [InlineData("Envoys meet\n\nWritten: 2021-01-27 15:55:37Updated: 2021-01-27 18:38:15", "2021-01-27", "15:55:37")]
    [InlineData("Envoys meet\n2021-01-27", "2021-01-27", null)]
    [InlineData("Envoys meet\n2021-01-27T15:55:37Z", "2021-01-27", "15:55:37")]
    [InlineData("Envoys meet\nUpdated: Jan 5, 2023", "2023-01-05", null)]
    [InlineData("Envoys meet\nPosted on March 3, 2020", "2020-03-03", null)]
    [InlineData("Envoys meet\nFeb 10, 2018, 2:24 AM ET", "2018-02-10", "02:24")]
    [InlineData("Envoys meet\nFeb 10, 2018, 2:24 PM ET", "2018-02-10", "14:24")]
    [InlineData("Envoys meet\n10 February 2018", "2018-02-10", null)]
    [InlineData("Envoys meet\nTuesday, 10 February 2018", "2018-02-10", null)]
    [InlineData("Envoys meet\nWed, 24 Jan 2024 - 07:24 GMT", "2024-01-24", "07:24")]
    [InlineData("Envoys meet\n17:56 JST, February 22, 2024", "2024-02-22", null)]
    [InlineData("Envoys meet\n18 October 2022 - 10:12 By Example Times", "2022-10-18", "10:12")]
    [InlineData("Envoys meet\nSept. 29, 2021", "2021-09-29", null)]
    [InlineData("Envoys meet\nSEPT. 29, 2021", "2021-09-29", null)]
    [InlineData("Envoys meet\nPublished: Oct 28, 2023 11:10 AM", "2023-10-28", "11:10")]
    [InlineData("Envoys meet\nDate: 25/12/2020", "2020-12-25", null)]
    [InlineData("Envoys meet\nDate: 12/25/2020", "2020-12-25", null)]
    [InlineData("TOKYO (Example News / Sputnik - 13th February, 2022) The foreign ministers of the two countries met on Saturday in Honolulu.", "2022-02-13", null)]
    [InlineData("CAIRO – 24 January 2024: The president received a phone call from his counterpart on Wednesday, officials said.", "2024-01-24", null)]
    [InlineData("Envoys meet\nUpdated: 2023-03-04\nPosted on March 3, 2020", "2020-03-03", null)] // published wins over updated
    [InlineData("Envoys meet\nFeb. 29, 2024", "2024-02-29", null)]
    public void The_publication_date_is_read_from_the_header(string header, string expected, string? time)
    {
        var info = Reader.Read(header + Body, new PublicationInfo());
        Assert.Equal(expected, info.Published?.ToString());
        Assert.Equal(time, info.PublishedTime);
        Assert.Equal(DateSource.Text, info.PublishedSource);
        Assert.Equal(info.Published, info.PublishedInText);
    }

    [Theory]
    // dates inside body sentences are event dates
    [InlineData("Envoys meet in Vienna\nThe leaders met on March 3, 2020 in Geneva to discuss the pact, officials said on Monday.")]
    [InlineData("Envoys meet in Vienna\nThe report was published on May 3, 2022 by the ministry after the envoys met in Vienna.")]
    [InlineData("A caption of the two leaders shaking hands at the palace in Seoul, South Korea, Feb. 10, 2018.")]
    // ambiguous numeric forms are not guessed
    [InlineData("Envoys meet\nDate: 02/10/2018")]
    // impossible dates
    [InlineData("Envoys meet\nFeb. 30, 2024")]
    [InlineData("Envoys meet\n2021-13-01")]
    // day and month without any year
    [InlineData("SEOUL, July 8 (Yonhap) -- The envoys met in Vienna to discuss the stalled talks, the ministry said.")]
    // "May" as a verb, a month and year only
    [InlineData("Envoys may 3 times meet\nFebruary 2022")]
    [InlineData("")]
    public void No_date_is_invented(string text)
    {
        var info = Reader.Read(text + Body, new PublicationInfo());
        Assert.Null(info.Published);
        Assert.Null(info.PublishedInText);
        Assert.Equal(DateSource.None, info.PublishedSource);
    }

    [Fact]
    public void A_labelled_date_line_is_read_anywhere()
    {
        string text = "Envoys meet" + Body + Body + "\n\nPosted on March 3, 2020 | Comments";
        Assert.Equal("2020-03-03", Reader.Read(text, new PublicationInfo()).Published?.ToString());
    }

    [Theory]
    [InlineData("SEOUL, July 8 (Yonhap) -- The envoys met in Vienna on Monday, the ministry said.", 2019, "2019-07-08")]
    [InlineData("MOSCOW, Sept 29 (Reuters) - The presidents met in Sochi for three hours, the Kremlin said.", 2021, "2021-09-29")]
    public void A_dateline_without_a_year_takes_the_year_from_metadata(string text, int year, string expected)
    {
        var found = Reader.Scan(text, PartialDate.OfYear(year));
        Assert.Equal(expected, found.Date?.Date?.ToString());
    }

    [Fact]
    public void A_dateline_without_a_year_takes_the_year_from_the_header()
    {
        string text = "Envoys meet\nPosted 2019-07-09\nSEOUL, July 8 (Yonhap) -- The envoys met in Vienna on Monday, the ministry said.";
        Assert.Equal("2019-07-09", Reader.Scan(text).Date?.Date?.ToString()); // the labelled date still wins
        string text2 = "Envoys meet at the 2019-07-09 forum\nSEOUL, July 8 (Yonhap) -- The envoys met in Vienna on Monday, the ministry said.";
        Assert.Equal("2019-07-08", Reader.Scan(text2).Date?.Date?.ToString());
    }

    [Theory]
    [InlineData(12, 31, "2021-01-02", 2020)]
    [InlineData(1, 2, "2020-12-30", 2021)]
    [InlineData(7, 8, "2019-07", 2019)]
    [InlineData(2, 29, "2021", 0)]
    public void The_year_of_a_day_and_month_is_the_one_closest_to_the_reference(int month, int day, string reference, int expected)
    {
        Assert.True(PartialDate.TryParse(reference, out var r));
        Assert.Equal(expected, PublicationReader.ResolveYear(month, day, r));
    }

    [Theory]
    [InlineData(DateSource.Metadata, "2021-11-02", "2021-11-02", DateSource.Metadata)]
    [InlineData(DateSource.Override, "2020-01-01", "2020-01-01", DateSource.Override)]
    [InlineData(DateSource.Url, "2021-11-02", "2021-11-02", DateSource.Url)] // the URL gave the day: kept
    [InlineData(DateSource.Url, "2021-11", "2021-11-01", DateSource.Text)] // the text is more precise and agrees
    [InlineData(DateSource.Url, "2021-10", "2021-10", DateSource.Url)] // the text disagrees with the URL: kept
    [InlineData(DateSource.Url, "2021", "2021-11-01", DateSource.Text)]
    public void Metadata_override_and_url_dates_are_not_replaced_by_a_less_precise_text(DateSource source, string given, string expected, DateSource expectedSource)
    {
        Assert.True(PartialDate.TryParse(given, out var g));
        var info = new PublicationInfo { Published = g, PublishedSource = source };
        var result = Reader.Read("Envoys meet\nPublished : Nov. 1, 2021 - 15:35" + Body, info);
        Assert.Equal(expected, result.Published?.ToString());
        Assert.Equal(expectedSource, result.PublishedSource);
        Assert.Equal("2021-11-01", result.PublishedInText?.ToString());
    }

    [Fact]
    public void A_url_month_resolves_the_year_of_a_dateline_and_gives_way_to_its_day()
    {
        var info = new PublicationInfo { Published = PartialDate.OfMonth(2020, 10), PublishedSource = DateSource.Url };
        var result = Reader.Read("Pompeo calls Kang\nSEOUL, Oct. 5 (Yonhap) -- The secretary called the minister, the ministry said.", info);
        Assert.Equal("2020-10-05", result.Published?.ToString());
        Assert.Equal(DateSource.Text, result.PublishedSource);
    }

    [Theory]
    [InlineData("Envoys meet\nBy YonhapPublished : Nov. 1, 2021 - 15:35", "Yonhap")]
    [InlineData("Envoys meet\nMay 3, 2022 - 09:30 By Yonhap", "Yonhap")]
    [InlineData("Beijing, 21 February 2022 (TDI): Officials met.", "The Diplomatic Insight")]
    [InlineData("SEOUL, July 8 (Yonhap) -- Officials met.", "Yonhap")]
    [InlineData("MOSCOW, Sept 29 (Reuters) - Officials met.", "Reuters")]
    [InlineData("SOCHI (TASS): Officials met.", "TASS")]
    [InlineData("BEIJING (Xinhua) -- Officials met.", "Xinhua")]
    [InlineData("TOKYO (Kyodo) -- Officials met.", "Kyodo")]
    [InlineData("NEW DELHI (ANI): Officials met.", "ANI")]
    [InlineData("WASHINGTON (AP) — Officials met.", "Associated Press")]
    [InlineData("ABU DHABI (WAM) -- Officials met.", "WAM")]
    [InlineData("PYONGYANG (KCNA) -- Officials met.", "KCNA")]
    [InlineData("Envoys meet\n\n  • Bloomberg\n\nOfficials met.", "Bloomberg")]
    [InlineData("Envoys meet\nBy The Associated Press\nOfficials met.", "Associated Press")]
    [InlineData("Envoys meet\nOfficials met on Monday in Vienna.\nThey will meet again. (Yonhap)", "Yonhap")]
    [InlineData("Envoys meet\nOfficials met on Monday in Vienna.\nKim Bum-soo, KBS World Radio News.", "KBS World Radio")]
    [InlineData("Envoys meet\nOfficials met on Monday in Vienna.\nThey discussed trade. — ONA", "ONA")]
    [InlineData("Envoys meet\nOfficials met on Monday in Vienna.\nThey will meet again. (Bernama)", "Bernama")]
    [InlineData("Envoys meet\nA caption of the leaders in Seoul, Feb. 10, 2018.The Associated Press\nOfficials met.", "Associated Press")]
    public void The_outlet_is_read_from_a_byline_or_credit(string text, string expected)
    {
        Assert.Equal(expected, Reader.Read(text, new PublicationInfo()).Outlet);
    }

    [Theory]
    [InlineData("Envoys meet\nOfficials met, according to Reuters.")]
    [InlineData("Envoys meet\nBy Indika Sri Aravinda\nOfficials met.")]
    [InlineData("Envoys meet\nNoh Kyu-duk (R) shakes hands with his counterpart in Seoul.\nOfficials met.")]
    public void A_name_in_a_sentence_is_not_a_credit(string text)
    {
        Assert.Null(Reader.Read(text, new PublicationInfo()).Outlet);
    }

    [Fact]
    public void Metadata_outlet_and_headline_win()
    {
        var info = new PublicationInfo { Outlet = "Example Daily", Headline = "Given headline" };
        var result = Reader.Read("Envoys meet in Vienna\nBy Yonhap" + Body, info);
        Assert.Equal("Example Daily", result.Outlet);
        Assert.Equal("Given headline", result.Headline);
    }

    [Theory]
    [InlineData("WASHINGTON -- South Korea's vice foreign minister held talks with his US counterpart.", "WASHINGTON")]
    [InlineData("SEOUL, July 8 (Yonhap) -- Officials met.", "SEOUL")]
    [InlineData("Beijing, 21 February 2022 (TDI): Officials met.", "Beijing")]
    [InlineData("MOSCOW, Sept 29 (Reuters) - Officials met.", "MOSCOW")]
    [InlineData("RIO DE JANEIRO — The foreign minister held a brief meeting with her counterpart.", "RIO DE JANEIRO")]
    [InlineData("CAIRO – 24 January 2024: The president received a phone call.", "CAIRO")]
    [InlineData("SOCHI (TASS): The presidents completed their talks.", "SOCHI")]
    [InlineData("Muscat: The foreign minister on Wednesday held a virtual meeting with his counterpart.", "Muscat")]
    [InlineData("Washington, DC (STL.News) The below is attributable to the spokesperson.", "Washington")]
    [InlineData("Headline of the story\nWASHINGTON -- Officials met.", "WASHINGTON")]
    public void The_dateline_city_is_read_as_written(string text, string expected)
    {
        Assert.Equal(expected, Reader.Read(text, new PublicationInfo()).Dateline);
    }

    [Theory]
    [InlineData("Anchor: The South Korean government was busy on this Wednesday, ensuring both allies agree.")]
    [InlineData("Wed, 24 Jan 2024 - 07:24 GMT")]
    [InlineData("Noh Kyu-duk (R), special representative, shakes hands with his counterpart.")]
    [InlineData("Moon Jae-in, center, shakes hands with Kim Yo Jong, left, during a meeting.")]
    [InlineData("Israel: Gaza talks resume")]
    [InlineData("Washington -- the talks resumed.")]
    [InlineData("Kim Bum-soo, KBS World Radio News.")]
    public void Captions_labels_and_headlines_are_not_datelines(string text)
    {
        Assert.Null(Reader.Read(text, new PublicationInfo()).Dateline);
    }

    [Theory]
    [InlineData("Send-free title: Envoys meet in Vienna to discuss talks\nBody text of the article that is long enough to be prose, the ministry said.", "Send-free title: Envoys meet in Vienna to discuss talks")]
    [InlineData("Politics\n\nSeoul and Tokyo agree on new talks\n\nWritten: 2021-01-27 15:55:37" + Body, "Seoul and Tokyo agree on new talks")]
    [InlineData("Pres. Kim Gets to Work at New Office\n" + Body, "Pres. Kim Gets to Work at New Office")]
    [InlineData("Trump says he sent Kim a 'very friendly letter'\n" + Body, "Trump says he sent Kim a 'very friendly letter'")]
    public void The_headline_is_the_first_title_like_line(string text, string expected)
    {
        Assert.Equal(expected, Reader.Read(text, new PublicationInfo()).Headline);
    }

    [Theory]
    [InlineData("The envoys of the two countries met in Vienna to discuss the stalled talks, the ministry said.\nA short line after")]
    [InlineData("By Indika Sri Aravinda\n" + Body)]
    [InlineData("  • A caption of the leaders in Moscow on Friday. | AGENCY / VIA WIRE\n" + Body)]
    [InlineData("This photo shows the minister arriving at the airport on Tuesday. (Foreign ministry)\n" + Body)]
    [InlineData("May 3, 2022 - 09:30 By Yonhap\n" + Body)]
    [InlineData("WASHINGTON -- Officials met in the capital.\n" + Body)]
    public void Bylines_captions_dates_and_prose_are_not_headlines(string text)
    {
        Assert.Null(Reader.Read(text, new PublicationInfo()).Headline);
    }
}
