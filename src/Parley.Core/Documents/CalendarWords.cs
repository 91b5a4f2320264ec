using System.Globalization;
using Parley.Data;

namespace Parley.Documents;

/// <summary>
/// Month and weekday names from data/months.tsv and data/weekdays.tsv, looked up case-insensitively
/// without allocating. Built once.
/// </summary>
public sealed class CalendarWords
{
    private static readonly Lazy<CalendarWords> Shared = new(() => new CalendarWords(
        DataFiles.ReadTsv("months.tsv"), DataFiles.ReadTsv("weekdays.tsv")));

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _months;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _weekdays;

    public CalendarWords(IReadOnlyList<TsvRow> months, IReadOnlyList<TsvRow> weekdays)
    {
        _months = Load(months, "month_number", 12).GetAlternateLookup<ReadOnlySpan<char>>();
        _weekdays = Load(weekdays, "day_number", 7).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static CalendarWords Default => Shared.Value;

    /// <summary>The month number (1–12) of a name or abbreviation without its period ("Sept", "November"), or 0.</summary>
    public int Month(ReadOnlySpan<char> word) => _months.TryGetValue(word, out int m) ? m : 0;

    /// <summary>The ISO weekday (1 = Monday) of a name or abbreviation ("Wed", "Tuesday"), or 0.</summary>
    public int Weekday(ReadOnlySpan<char> word) => _weekdays.TryGetValue(word, out int d) ? d : 0;

    private static Dictionary<string, int> Load(IReadOnlyList<TsvRow> rows, string numberColumn, int max)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!int.TryParse(row[numberColumn], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > max)
                throw new FormatException($"{row.File}:{row.Line}: {numberColumn} must be 1–{max}, not '{row[numberColumn]}'");
            foreach (var name in row.List("names"))
                map.TryAdd(name, n);
        }
        return map;
    }
}
