using System.Globalization;
using Parley.Temporal;

namespace Parley.Ingest;

/// <summary>
/// Parses the publication dates inputs hand over as metadata: <c>2021-07-08</c>,
/// <c>2021-07-08T09:15:00+09:00</c>, <c>2021-07-08 09:15</c>, <c>20210708</c>, RFC 822 feed dates
/// (<c>Thu, 08 Jul 2021 09:15:00 +0900</c>), <c>2022-05</c> and <c>2022</c>.
/// </summary>
/// <remarks>
/// The date and the time are the ones written, in the writer's own offset: a Seoul paper's
/// <c>2021-07-09T08:30+09:00</c> is 9 July, as its readers saw it, not 8 July in UTC.
/// </remarks>
public static class MetadataDate
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    /// <param name="time">"HH:mm" or "HH:mm:ss" when the value carries a time of day.</param>
    public static bool TryParse(string? value, out PartialDate date, out string? time)
    {
        date = default;
        time = null;
        if (string.IsNullOrWhiteSpace(value))
            return false;
        var s = value.AsSpan().Trim();

        // ISO 8601 and its near relatives: yyyy-MM-dd, then an optional 'T' or ' ' and HH:mm[:ss].
        if (s.Length >= 10 && DigitDates.AllDigits(s[..4]) && s[4] is '-' or '/' && DigitDates.AllDigits(s[5..7]) && s[7] == s[4] && DigitDates.AllDigits(s[8..10]))
        {
            if (!TryDay(DigitDates.Number(s[..4]), DigitDates.Number(s[5..7]), DigitDates.Number(s[8..10]), out date))
                return false;
            var rest = s[10..];
            if (rest.Length >= 6 && rest[0] is 'T' or 't' or ' ' && DigitDates.AllDigits(rest[1..3]) && rest[3] == ':' && DigitDates.AllDigits(rest[4..6]))
            {
                int h = DigitDates.Number(rest[1..3]), m = DigitDates.Number(rest[4..6]);
                if (h < 24 && m < 60)
                {
                    time = rest.Length >= 9 && rest[6] == ':' && DigitDates.AllDigits(rest[7..9]) && DigitDates.Number(rest[7..9]) < 60
                        ? rest[1..9].ToString()
                        : rest[1..6].ToString();
                }
            }
            return true;
        }
        // 20210708 (sailthru.date and friends), optionally followed by a time we do not trust.
        if (s.Length >= 8 && DigitDates.AllDigits(s[..8]) && (s.Length == 8 || !char.IsAsciiDigit(s[8])))
            return TryDay(DigitDates.Number(s[..4]), DigitDates.Number(s[4..6]), DigitDates.Number(s[6..8]), out date);
        if (s.Length is 7 or 4 && PartialDate.TryParse(s.ToString(), out date))
            return date.Year is >= MinYear and <= MaxYear;

        // RFC 822 / 1123 and other spelled-out dates. Named zones other than GMT/UTC are dropped
        // (an unknown "KST" would otherwise fail the whole value); the clock time stays as written.
        var text = s.ToString();
        if (!TryParseSpelled(text, out var dto))
        {
            int sp = text.LastIndexOf(' ');
            if (sp <= 0 || !IsLetters(text.AsSpan(sp + 1)) || !TryParseSpelled(text[..sp], out dto))
                return false;
        }
        if (!TryDay(dto.Year, dto.Month, dto.Day, out date))
            return false;
        if (text.Contains(':', StringComparison.Ordinal))
            time = dto.Second != 0 || CountColons(text) >= 2
                ? dto.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
                : dto.ToString("HH:mm", CultureInfo.InvariantCulture);
        return true;
    }

    private static bool TryParseSpelled(string text, out DateTimeOffset dto)
    {
        // A value without an offset is read as written (no local time zone, no clock).
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out dto);
    }

    private static int CountColons(string s)
    {
        int n = 0;
        foreach (char c in s)
            if (c == ':')
                n++;
        return n;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (!char.IsAsciiLetter(c))
                return false;
        return s.Length > 0;
    }



    private static bool TryDay(int y, int m, int d, out PartialDate date) => DigitDates.TryDay(y, m, d, MinYear, MaxYear, out date);
}
