using Parley.Text;

namespace Parley.Documents;

/// <summary>
/// The dateline that opens a news story: "WASHINGTON --", "SEOUL, July 8 (Yonhap) --",
/// "Beijing, 21 February 2022 (TDI):", "MOSCOW, Sept 29 (Reuters) -", "SOCHI (TASS):",
/// "RIO DE JANEIRO —", "Muscat:". <see cref="City"/> is the place as written; <see cref="Head"/>
/// runs from the start of the line to the end of the separator and holds the dateline's date and
/// credit, if any.
/// </summary>
public readonly record struct Dateline(TextSpan City, TextSpan Head, TextSpan? Credit);

public static class DatelineParser
{
    private const int MaxCityWords = 4;
    private const int MaxCityChars = 30;
    private const int MaxCommaPart = 30;
    private const int MaxParen = 70;

    /// <summary>Reads a dateline at the start of <c>text[line)</c>.</summary>
    public static Dateline? Parse(string text, TextSpan line, PublicationLabels labels, CalendarWords calendar)
    {
        int end = line.End;
        int p = line.Start;
        int cityStart = p;
        int words = 0;
        bool allCaps = true;
        int cityEnd = p;
        while (p < end && words < MaxCityWords)
        {
            if (!char.IsUpper(text[p]))
                break;
            int w = p;
            while (w < end && (char.IsLetter(text[w]) || text[w] is '.' or '\'' or '’' || (text[w] == '-' && w + 1 < end && char.IsLetter(text[w + 1]))))
            {
                if (char.IsLower(text[w]))
                    allCaps = false;
                w++;
            }
            words++;
            cityEnd = w;
            if (w + 1 < end && text[w] == ' ' && char.IsUpper(text[w + 1]) && !IsSeparatorAt(text, w, end))
                p = w + 1;
            else
                break;
        }
        if (words == 0 || cityEnd - cityStart > MaxCityChars || cityEnd >= end)
            return null;
        // "Washington, DC" and "RIO DE JANEIRO" are fine; "By Indika", "Anchor:" or "Wed, 24 Jan" are not places.
        var first = FirstWord(text, cityStart, cityEnd);
        if (labels.KindOf(first) != LabelKind.None || calendar.Weekday(first) != 0 || calendar.Month(first) != 0)
            return null;
        var city = new TextSpan(cityStart, cityEnd);
        int q = cityEnd;
        TextSpan? credit = null;
        bool hasCommaPart = false;

        if (text[q] == ',')
        {
            int k = q + 1;
            int stop = Math.Min(end, q + 1 + MaxCommaPart);
            while (k < stop && text[k] != '(' && text[k] != ':' && !IsSeparatorAt(text, k, end))
                k++;
            if (k >= stop)
                return null;
            var part = text.AsSpan(q + 1, k - q - 1).Trim();
            if (part.IsEmpty || !AllWordsCapitalOrDigit(part))
                return null;
            hasCommaPart = true;
            q = k;
        }
        int open = TextDateScanner.SkipSpaces(text, q, end);
        if (open < end && text[open] == '(')
        {
            int close = text.IndexOf(')', open, Math.Min(end - open, MaxParen));
            if (close < 0)
                return null;
            credit = new TextSpan(open + 1, close);
            q = close + 1;
        }

        int headEnd = SeparatorEnd(text, q, end);
        if (headEnd < 0)
        {
            // "TOKYO (UrduPoint News / Sputnik - 13th February, 2022) Japanese ...",
            // "Washington, DC (STL.News) The below ...": a credit, then the story.
            int next = TextDateScanner.SkipSpaces(text, q, end);
            if (credit is not null && (allCaps || hasCommaPart) && next > q && next < end && char.IsUpper(text[next]))
                return new Dateline(city, new TextSpan(line.Start, q), credit);
            return null;
        }
        if (!hasCommaPart && credit is null)
        {
            if (text[headEnd - 1] == ':')
            {
                // "Muscat: Sayyid Badr ..." — a place and a colon before a long first paragraph.
                if (words > 3 || cityEnd != q || Cleaning.LineShape.WordCount(text.AsSpan(headEnd, end - headEnd), 8) < 8)
                    return null;
            }
            else if (!allCaps || cityEnd - cityStart < 3)
                return null; // a bare "Place --" is taken only in capitals
        }
        // "CAIRO – 24 January 2024: Israeli ..." — the date after the dash belongs to the dateline.
        int d = TextDateScanner.SkipSpaces(text, headEnd, end);
        if (d < end && TextDateScanner.TryReadAt(text, d, end, calendar, out var date))
        {
            int after = SeparatorEnd(text, date.Span.End, end);
            if (after > 0 && after - date.Span.End <= 3)
                headEnd = after;
        }
        return new Dateline(city, new TextSpan(line.Start, headEnd), credit);
    }

    /// <summary>" --", " —", " –", " - " or ":" at <paramref name="q"/> (after optional spaces): the end of the separator, else -1.</summary>
    private static int SeparatorEnd(string text, int q, int end)
    {
        int k = TextDateScanner.SkipSpaces(text, q, end);
        if (k >= end)
            return -1;
        if (text[k] == ':')
            return k + 1;
        if (k + 1 < end && text[k] == '-' && text[k + 1] == '-')
            return k + 2;
        if (k > q && (text[k] is '—' or '–' || (text[k] == '-' && k + 1 < end && text[k + 1] == ' ')))
            return k + 1;
        return -1;
    }

    private static bool IsSeparatorAt(string text, int k, int end) =>
        k < end && text[k] == ' ' && k + 1 < end && (text[k + 1] is '—' or '–' || (text[k + 1] == '-' && k + 2 < end && text[k + 2] is '-' or ' '));

    private static ReadOnlySpan<char> FirstWord(string text, int start, int end)
    {
        int e = start;
        while (e < end && char.IsLetter(text[e]))
            e++;
        return text.AsSpan(start, e - start);
    }

    private static bool AllWordsCapitalOrDigit(ReadOnlySpan<char> part)
    {
        bool atWordStart = true;
        foreach (char c in part)
        {
            if (c == ' ')
            {
                atWordStart = true;
                continue;
            }
            if (atWordStart && char.IsLower(c))
                return false;
            atWordStart = false;
        }
        return true;
    }
}
