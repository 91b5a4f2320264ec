using Parley.Data;

namespace Parley.Documents;

public enum LabelKind
{
    None,
    Published,
    Updated,
    NotDateline,
}

/// <summary>The header labels of data/publication_labels.tsv ("Published", "Updated", "Anchor"), built once.</summary>
public sealed class PublicationLabels
{
    private static readonly Lazy<PublicationLabels> Shared = new(() => new PublicationLabels(DataFiles.ReadTsv("publication_labels.tsv")));

    private readonly Dictionary<string, LabelKind>.AlternateLookup<ReadOnlySpan<char>> _kinds;
    private readonly string[] _dateLabels;
    private readonly int _minLength = int.MaxValue, _maxLength; // of all labels
    private readonly int _minDateLabelLength = int.MaxValue; // of the date labels
    private readonly string _dateLabelEnds; // the last characters of the date labels

    public PublicationLabels(IReadOnlyList<TsvRow> rows)
    {
        var map = new Dictionary<string, LabelKind>(StringComparer.OrdinalIgnoreCase);
        var dateLabels = new List<string>();
        foreach (var row in rows)
        {
            var kind = row["kind"] switch
            {
                "published" => LabelKind.Published,
                "updated" => LabelKind.Updated,
                "not_dateline" => LabelKind.NotDateline,
                var k => throw new FormatException($"{row.File}:{row.Line}: unknown kind '{k}' (expected published, updated or not_dateline)"),
            };
            string label = row["label"];
            if (!map.TryAdd(label, kind))
                continue;
            _minLength = Math.Min(_minLength, label.Length);
            _maxLength = Math.Max(_maxLength, label.Length);
            if (kind != LabelKind.NotDateline)
            {
                dateLabels.Add(label);
                _minDateLabelLength = Math.Min(_minDateLabelLength, label.Length);
            }
        }
        _kinds = map.GetAlternateLookup<ReadOnlySpan<char>>();
        _dateLabels = dateLabels.ToArray();
        _dateLabelEnds = new string(dateLabels.Where(l => l.Length > 0).Select(l => l[^1]).Distinct().ToArray());
    }

    public static PublicationLabels Default => Shared.Value;

    public LabelKind KindOf(ReadOnlySpan<char> word) =>
        word.Length >= _minLength && word.Length <= _maxLength && _kinds.TryGetValue(word, out var k) ? k : LabelKind.None;

    /// <summary>
    /// The date label a word ends with when a label was glued to the word before it
    /// ("YonhapPublished", "37Updated"): the label must start with a capital after a lowercase
    /// letter or a digit. Returns the label's length, or 0.
    /// </summary>
    public int GluedDateLabelLength(ReadOnlySpan<char> word, out LabelKind kind)
    {
        kind = LabelKind.None;
        // A glued label leaves at least one character before it and ends the word (compared ordinally).
        if (_minDateLabelLength > 0 && (word.Length <= _minDateLabelLength || !_dateLabelEnds.Contains(word[^1])))
            return 0;
        foreach (var label in _dateLabels)
        {
            int start = word.Length - label.Length;
            if (start <= 0 || !word.EndsWith(label, StringComparison.Ordinal))
                continue;
            if (char.IsUpper(word[start]) && (char.IsLower(word[start - 1]) || char.IsAsciiDigit(word[start - 1])))
            {
                kind = KindOf(label);
                return label.Length;
            }
        }
        return 0;
    }
}
