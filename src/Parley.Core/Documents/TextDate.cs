using System.Globalization;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Documents;

/// <summary>
/// A calendar date written in a text, with its span (including a time of day printed right after it).
/// <see cref="Year"/> is 0 when the text gives only day and month ("SEOUL, July 8 (Yonhap) --").
/// </summary>
public readonly record struct TextDate(TextSpan Span, int Year, int Month, int Day, string? Time)
{
    public bool HasYear => Year > 0;

    public PartialDate? Date => HasYear ? PartialDate.OfDay(Year, Month, Day) : null;
}

/// <summary>
/// Reads the date forms of news page headers, culture-invariantly: "Nov. 1, 2021", "May 3, 2022",
/// "21 February 2022", "13th February, 2022", "2021-01-27", "2021-01-27T15:55:37Z", "Feb 10, 2018,
/// 2:24 AM", "Sept 29" (no year). Numeric day/month forms ("02/10/2018") are read only when one
/// part is above 12, so the order is not a guess.
/// </summary>
public static class TextDateScanner
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>Every date in <c>text[range)</c>, left to right, not overlapping.</summary>
    public static List<TextDate> FindAll(string text, TextSpan range, CalendarWords words)
    {
        var found = new List<TextDate>();
        FindAll(text, range, words, found);
        return found;
    }

    /// <summary><see cref="FindAll(string, TextSpan, CalendarWords)"/> into a list to reuse (cleared first).</summary>
    public static void FindAll(string text, TextSpan range, CalendarWords words, List<TextDate> found)
    {
        found.Clear();
        // Every date form has ASCII digits: most lines have none and need no closer look.
        if (!range.AsSpan(text).ContainsAnyInRange('0', '9'))
            return;
        int i = range.Start;
        while (i < range.End)
        {
            if (IsWordStart(text, i) && TryReadAt(text, i, range.End, words, out var date))
            {
                found.Add(date);
                i = date.Span.End;
            }
            else
                i++;
        }
    }

    /// <summary>True when <see cref="FindAll(string, TextSpan, CalendarWords)"/> would find a date.</summary>
    public static bool ContainsDate(string text, TextSpan range, CalendarWords words)
    {
        if (!range.AsSpan(text).ContainsAnyInRange('0', '9'))
            return false;
        for (int i = range.Start; i < range.End; i++)
        {
            if (IsWordStart(text, i) && TryReadAt(text, i, range.End, words, out _))
                return true;
        }
        return false;
    }

    /// <summary>Reads a date that starts exactly at <paramref name="i"/> and ends before <paramref name="end"/>.</summary>
    public static bool TryReadAt(string s, int i, int end, CalendarWords words, out TextDate date)
    {
        date = default;
        if (i >= end)
            return false;
        int year, month, day, j;
        if (char.IsAsciiDigit(s[i]))
        {
            int n1 = ReadNumber(s, i, end, out int len1);
            j = i + len1;
            if (len1 == 4 && j + 1 < end && s[j] is '-' or '/' && char.IsAsciiDigit(s[j + 1]))
            {
                char sep = s[j];
                int m = ReadNumber(s, j + 1, end, out int lm);
                int k = j + 1 + lm;
                if (lm is < 1 or > 2 || k + 1 >= end || s[k] != sep || !char.IsAsciiDigit(s[k + 1]))
                    return false;
                int d = ReadNumber(s, k + 1, end, out int ld);
                if (ld is < 1 or > 2)
                    return false;
                (year, month, day, j) = (n1, m, d, k + 1 + ld);
            }
            else if (len1 is 1 or 2 && j + 1 < end && s[j] is '/' or '.' && char.IsAsciiDigit(s[j + 1]))
            {
                char sep = s[j];
                int n2 = ReadNumber(s, j + 1, end, out int l2);
                int k = j + 1 + l2;
                if (l2 is < 1 or > 2 || k + 1 >= end || s[k] != sep)
                    return false;
                int y = ReadNumber(s, k + 1, end, out int ly);
                if (ly != 4)
                    return false;
                if (n1 > 12 && n2 <= 12)
                    (day, month) = (n1, n2);
                else if (n2 > 12 && n1 <= 12)
                    (month, day) = (n1, n2);
                else
                    return false; // 02/10/2018: February 10 or 2 October? Not guessed.
                (year, j) = (y, k + 1 + ly);
            }
            else if (len1 is 1 or 2)
            {
                day = n1;
                j = SkipOrdinal(s, j, end);
                int k = SkipSpaces(s, j, end);
                if (k == j && (k >= end || s[k] != ','))
                    return false;
                if (k < end && s[k] == ',')
                    k = SkipSpaces(s, k + 1, end);
                month = ReadMonth(s, k, end, words, out int afterMonth);
                if (month == 0)
                    return false;
                j = afterMonth;
                year = ReadYearAfter(s, ref j, end);
            }
            else
                return false;
        }
        else if (char.IsUpper(s[i]))
        {
            month = ReadMonth(s, i, end, words, out j);
            if (month == 0)
                return false;
            int k = SkipSpaces(s, j, end);
            if (k == j || k >= end || !char.IsAsciiDigit(s[k]))
                return false;
            day = ReadNumber(s, k, end, out int ld);
            if (ld is < 1 or > 2)
                return false; // "May 2022" is a month, not a publication day
            j = SkipOrdinal(s, k + ld, end);
            if (j < end && char.IsLetterOrDigit(s[j]))
                return false;
            year = ReadYearAfter(s, ref j, end);
        }
        else
            return false;

        if (!IsValid(year, month, day))
            return false;
        if (j < end && char.IsAsciiDigit(s[j]))
            return false;
        string? time = ReadTime(s, j, end, out int afterTime);
        date = new TextDate(new TextSpan(i, time is null ? j : afterTime), year, month, day, time);
        return true;
    }

    /// <summary>True when <paramref name="i"/> starts a word or number (the character before is not a letter or digit).</summary>
    public static bool IsWordStart(string s, int i) =>
        char.IsLetterOrDigit(s[i]) && (i == 0 || !char.IsLetterOrDigit(s[i - 1]));

    private static bool IsValid(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1)
            return false;
        if (year == 0)
            return day <= DateTime.DaysInMonth(2000, month);
        return year is >= MinYear and <= MaxYear && day <= DateTime.DaysInMonth(year, month);
    }

    private static int ReadMonth(string s, int i, int end, CalendarWords words, out int after)
    {
        after = i;
        if (i >= end || !char.IsUpper(s[i]))
            return 0;
        int e = i;
        while (e < end && char.IsAsciiLetter(s[e]))
            e++;
        int month = words.Month(s.AsSpan(i, e - i));
        if (month == 0)
            return 0;
        if (e < end && s[e] == '.')
            e++;
        after = e;
        return month;
    }

    /// <summary>An optional ", 2021" or " 2021" after day and month; 0 when absent.</summary>
    private static int ReadYearAfter(string s, ref int j, int end)
    {
        int k = j;
        if (k < end && s[k] == ',')
            k++;
        k = SkipSpaces(s, k, end);
        if (k == j || k >= end || !char.IsAsciiDigit(s[k]))
            return 0;
        int y = ReadNumber(s, k, end, out int ly);
        if (ly != 4 || (k + ly < end && char.IsLetterOrDigit(s[k + ly])) || y is < MinYear or > MaxYear)
            return 0;
        j = k + ly;
        return y;
    }

    /// <summary>
    /// A time of day printed right after a date ("- 15:35", ", 2:24 AM", "T15:55:37Z", " 11:10 AM"),
    /// as "HH:mm" or "HH:mm:ss" on a 24-hour clock; null when there is none.
    /// </summary>
    private static string? ReadTime(string s, int j, int end, out int after)
    {
        after = j;
        int k = j;
        int limit = Math.Min(end, j + 5);
        while (k < limit && s[k] is ' ' or ',' or '-' or '–' or '—' or '|' or 'T' or '\u00A0')
            k++;
        if (k + 1 < end && s[k] is 'a' && s[k + 1] == 't' && k + 2 < end && s[k + 2] == ' ')
            k = SkipSpaces(s, k + 2, end);
        if (k >= end || !char.IsAsciiDigit(s[k]))
            return null;
        int h = ReadNumber(s, k, end, out int lh);
        int p = k + lh;
        if (lh is < 1 or > 2 || p + 2 >= end || s[p] != ':' || !char.IsAsciiDigit(s[p + 1]))
            return null;
        int m = ReadNumber(s, p + 1, end, out int lm);
        p += 1 + lm;
        if (lm != 2 || h > 23 || m > 59)
            return null;
        int sec = -1;
        if (p + 2 < end + 0 && s[p] == ':' && char.IsAsciiDigit(s[p + 1]))
        {
            int sv = ReadNumber(s, p + 1, end, out int ls);
            if (ls == 2 && sv <= 59)
            {
                sec = sv;
                p += 3;
            }
        }
        int q = SkipSpaces(s, p, end);
        if (TryMeridiem(s, q, end, out bool pm, out int afterMeridiem) && h is >= 1 and <= 12)
        {
            h = pm ? (h % 12) + 12 : h % 12;
            p = afterMeridiem;
        }
        if (p < end && s[p] == 'Z')
            p++;
        after = p;
        return sec >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h:D2}:{m:D2}:{sec:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{h:D2}:{m:D2}");
    }

    private static bool TryMeridiem(string s, int q, int end, out bool pm, out int after)
    {
        pm = false;
        after = q;
        if (q + 1 >= end)
            return false;
        char a = char.ToLowerInvariant(s[q]);
        if (a is not ('a' or 'p'))
            return false;
        var rest = s.AsSpan(q, end - q);
        int len = rest.StartsWith("a.m.", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("p.m.", StringComparison.OrdinalIgnoreCase) ? 4
            : rest.StartsWith("am", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pm", StringComparison.OrdinalIgnoreCase) ? 2
            : 0;
        if (len == 0 || (q + len < end && char.IsLetter(s[q + len])))
            return false;
        pm = a == 'p';
        after = q + len;
        return true;
    }

    private static int SkipOrdinal(string s, int j, int end)
    {
        if (j + 1 < end && (j + 2 >= end || !char.IsLetter(s[j + 2])))
        {
            var two = s.AsSpan(j, 2);
            if (two.Equals("st", StringComparison.OrdinalIgnoreCase) || two.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || two.Equals("rd", StringComparison.OrdinalIgnoreCase) || two.Equals("th", StringComparison.OrdinalIgnoreCase))
                return j + 2;
        }
        return j;
    }

    internal static int SkipSpaces(string s, int i, int end)
    {
        while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\u00A0'))
            i++;
        return i;
    }

    private static int ReadNumber(string s, int i, int end, out int length)
    {
        int v = 0;
        int k = i;
        while (k < end && char.IsAsciiDigit(s[k]) && k - i < 9)
        {
            v = (v * 10) + (s[k] - '0');
            k++;
        }
        length = k - i;
        return v;
    }
}
