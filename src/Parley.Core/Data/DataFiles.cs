using System.Reflection;

namespace Parley.Data;

/// <summary>
/// Reads the lexicon and pattern files of data/, which ship embedded in the library. A TSV file
/// has '#' comment lines, one header row of column names, then rows; multi-valued cells use '|'.
/// </summary>
public static class DataFiles
{
    private static readonly Assembly Self = typeof(DataFiles).Assembly;

    /// <summary>The text of an embedded data file, e.g. "countries.tsv".</summary>
    public static string ReadText(string fileName)
    {
        using var stream = Self.GetManifestResourceStream("Parley.data." + fileName)
            ?? throw new FileNotFoundException($"data file '{fileName}' is not embedded in the library (is it in data/?)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The rows of an embedded TSV file, each keyed by its header's column names.</summary>
    public static IReadOnlyList<TsvRow> ReadTsv(string fileName) => ParseTsv(ReadText(fileName), fileName);

    public static IReadOnlyList<TsvRow> ParseTsv(string text, string fileName)
    {
        var rows = new List<TsvRow>();
        string[]? header = null;
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells.Select(c => c.Trim()).ToArray();
                continue;
            }
            rows.Add(new TsvRow(header, cells, fileName, lineNo));
        }
        return rows;
    }
}

/// <summary>One row of a data file.</summary>
public sealed class TsvRow
{
    private readonly string[] _header;
    private readonly string[] _cells;

    internal TsvRow(string[] header, string[] cells, string file, int line)
    {
        _header = header;
        _cells = cells;
        File = file;
        Line = line;
    }

    public string File { get; }

    public int Line { get; }

    /// <summary>The cell of a column, trimmed; empty when the row is short.</summary>
    public string this[string column]
    {
        get
        {
            int i = Array.IndexOf(_header, column);
            if (i < 0)
                throw new KeyNotFoundException($"{File}: no column '{column}'");
            return i < _cells.Length ? _cells[i].Trim() : "";
        }
    }

    /// <summary>The '|'-separated values of a column, without empties.</summary>
    public string[] List(string column) =>
        this[column].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
