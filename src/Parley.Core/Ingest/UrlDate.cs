using Parley.Temporal;

namespace Parley.Ingest;

/// <summary>
/// Reads a publication date from the shapes news sites put in their URLs, for when an input gives
/// no date of its own: <c>/2021/07/08/</c>, <c>/2022-10-18-slug</c>, <c>/20240222-170481</c>,
/// Yonhap's <c>AEN20210708003900325</c>, the Korea Herald's <c>ud=20200402…</c>, and month-only
/// <c>/2022/11/slug</c> or <c>/202310/</c>. Only plausible dates count (years 1990–2100, real
/// months and days), so article numbers such as <c>/news/665125.html</c> are not mistaken for dates.
/// </summary>
/// <remarks>
/// The URL is a weaker witness than a meta tag or feed date: a site may file an article under the
/// day it was first drafted. Readers use it only when the input carries no date.
/// </remarks>
public static class UrlDate
{
    private const int MinYear = 1990;
    private const int MaxYear = 2100;

    /// <summary>The most precise date the URL's path or query carries, day before month.</summary>
    public static bool TryParse(string? url, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrEmpty(url))
            return false;
        ReadOnlySpan<char> s = url;
        int scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            int slash = s[(scheme + 3)..].IndexOfAny('/', '?');
            if (slash < 0)
                return false;
            s = s[(scheme + 3 + slash)..];
        }
        int hash = s.IndexOf('#');
        if (hash >= 0)
            s = s[..hash];
        int q = s.IndexOf('?');
        var path = q >= 0 ? s[..q] : s;
        var query = q >= 0 ? s[(q + 1)..] : [];

        PartialDate? month = null;
        // Path segments, left to right; a day anywhere wins over a month.
        Span<Range> parts = stackalloc Range[64];
        int n = path.Split(parts, '/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < n; i++)
        {
            var seg = path[parts[i]];
            // /2021/07/08/ (also /2021/7/8/) and /2022/11/slug
            if (seg.Length == 4 && DigitDates.AllDigits(seg) && i + 1 < n)
            {
                var m = path[parts[i + 1]];
                if (m.Length is 1 or 2 && DigitDates.AllDigits(m))
                {
                    if (i + 2 < n && path[parts[i + 2]] is { Length: 1 or 2 } d && DigitDates.AllDigits(d)
                        && TryDay(DigitDates.Number(seg), DigitDates.Number(m), DigitDates.Number(d), out date))
                        return true;
                    if (month is null && TryMonth(DigitDates.Number(seg), DigitDates.Number(m), out var pm))
                        month = pm;
                }
            }
            // /2022-10-18-slug, /2023-09-17/
            if (seg.Length >= 10 && DigitDates.AllDigits(seg[..4]) && seg[4] is '-' or '_' && DigitDates.AllDigits(seg[5..7]) && seg[7] == seg[4]
                && DigitDates.AllDigits(seg[8..10]) && (seg.Length == 10 || !char.IsAsciiDigit(seg[10]))
                && TryDay(DigitDates.Number(seg[..4]), DigitDates.Number(seg[5..7]), DigitDates.Number(seg[8..10]), out date))
                return true;
            // /20240222-170481, /20210708.html; AEN20210708003900325 (Yonhap English), AKR… (Korean)
            var digits = seg;
            if (seg.Length >= 11 && (seg.StartsWith("AEN", StringComparison.Ordinal) || seg.StartsWith("AKR", StringComparison.Ordinal)))
                digits = seg[3..];
            else if (seg.Length > 8 && char.IsAsciiDigit(seg[8]))
                digits = [];
            if (digits.Length >= 8 && DigitDates.AllDigits(digits[..8]) && TryDay(DigitDates.Number(digits[..4]), DigitDates.Number(digits[4..6]), DigitDates.Number(digits[6..8]), out date))
                return true;
            // /page/202310/1300740.shtml (Global Times): a segment of exactly yyyyMM
            if (month is null && seg.Length == 6 && DigitDates.AllDigits(seg) && TryMonth(DigitDates.Number(seg[..4]), DigitDates.Number(seg[4..]), out var ym))
                month = ym;
        }

        // view.php?ud=20200402000123 (Korea Herald)
        foreach (var r in query.Split('&'))
        {
            var kv = query[r];
            if (kv.StartsWith("ud=", StringComparison.Ordinal) && kv.Length >= 11 && DigitDates.AllDigits(kv[3..11])
                && TryDay(DigitDates.Number(kv[3..7]), DigitDates.Number(kv[7..9]), DigitDates.Number(kv[9..11]), out date))
                return true;
        }

        if (month is { } found)
        {
            date = found;
            return true;
        }
        return false;
    }



    private static bool TryDay(int y, int m, int d, out PartialDate date) => DigitDates.TryDay(y, m, d, MinYear, MaxYear, out date);

    private static bool TryMonth(int y, int m, out PartialDate date)
    {
        date = default;
        if (y is < MinYear or > MaxYear || m is < 1 or > 12)
            return false;
        date = PartialDate.OfMonth(y, m);
        return true;
    }
}
