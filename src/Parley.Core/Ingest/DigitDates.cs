using Parley.Temporal;

namespace Parley.Ingest;

/// <summary>The digit and calendar checks the metadata and URL date readers share.</summary>
internal static class DigitDates
{
    /// <summary>Whether the span is one or more ASCII digits.</summary>
    public static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (!char.IsAsciiDigit(c))
                return false;
        return s.Length > 0;
    }

    /// <summary>The value of a span of ASCII digits (checked by the caller).</summary>
    public static int Number(ReadOnlySpan<char> s)
    {
        int v = 0;
        foreach (char c in s)
            v = v * 10 + (c - '0');
        return v;
    }

    /// <summary>A day, when the year lies in [minYear, maxYear] and the month and day exist.</summary>
    public static bool TryDay(int y, int m, int d, int minYear, int maxYear, out PartialDate date)
    {
        date = default;
        if (y < minYear || y > maxYear || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            return false;
        date = PartialDate.OfDay(y, m, d);
        return true;
    }
}
