using System.Globalization;

namespace Parley.Temporal;

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A calendar date known to a stated precision: "2018", "2022-05" or "2021-11-01". A month-precision
/// date is not the first of that month: there is no day at all.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
    }

    public int Year { get; }

    /// <summary>1–12, or 0 when the precision is <see cref="DatePrecision.Year"/>.</summary>
    public int Month { get; }

    /// <summary>1–31, or 0 when the precision is coarser than a day.</summary>
    public int Day { get; }

    public DatePrecision Precision { get; }

    public static PartialDate OfYear(int year) => new(year, 0, 0, DatePrecision.Year);

    public static PartialDate OfMonth(int year, int month) => new(year, month, 0, DatePrecision.Month);

    public static PartialDate OfDay(DateOnly date) => new(date.Year, date.Month, date.Day, DatePrecision.Day);

    public static PartialDate OfDay(int year, int month, int day) => OfDay(new DateOnly(year, month, day));

    /// <summary>The day, when the precision is a day.</summary>
    public DateOnly? AsDate => Precision == DatePrecision.Day ? new DateOnly(Year, Month, Day) : null;

    /// <summary>The first day the date can stand for (for ordering and range queries only).</summary>
    public DateOnly Earliest => new(Year, Math.Max(Month, 1), Math.Max(Day, 1));

    /// <summary>The last day the date can stand for.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, Month, Day),
    };

    /// <summary>True when one date could be the other at the coarser of the two precisions.</summary>
    public bool IsCompatibleWith(PartialDate other) => Earliest <= other.Latest && other.Earliest <= Latest;

    public static bool TryParse(string? s, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(s))
            return false;
        s = s.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length >= 10 && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
        {
            date = OfDay(d);
            return true;
        }
        if (s.Length == 7 && int.TryParse(s[..4], NumberStyles.None, inv, out int y) && s[4] == '-'
            && int.TryParse(s[5..], NumberStyles.None, inv, out int m) && m is >= 1 and <= 12)
        {
            date = OfMonth(y, m);
            return true;
        }
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out int yy))
        {
            date = OfYear(yy);
            return true;
        }
        return false;
    }

    public int CompareTo(PartialDate other)
    {
        int c = Earliest.CompareTo(other.Earliest);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };
}
