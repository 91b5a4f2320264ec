using Parley.Consolidation;
using Parley.Events;
using Parquet.Serialization;

namespace Parley.Storage;

/// <summary>One consolidated event as a flat Parquet row (pandas: <c>pd.read_parquet</c>; R: <c>arrow::read_parquet</c>).</summary>
public sealed class EventRow
{
    public long Id { get; set; }
    public string Status { get; set; } = "";
    public string Mode { get; set; } = "";
    /// <summary>YYYY-MM-DD, YYYY-MM or YYYY as reported; <see cref="DateFirst"/>/<see cref="DateLast"/> bound it.</summary>
    public string? Date { get; set; }
    public DateTime? DateFirst { get; set; }
    public DateTime? DateLast { get; set; }
    public string Countries { get; set; } = "";
    public string Participants { get; set; } = "";
    public string? LocationCity { get; set; }
    public string? LocationCountry { get; set; }
    public int? DurationMinutes { get; set; }
    public string Topics { get; set; } = "";
    public int Sources { get; set; }
    public string Docs { get; set; } = "";
    public string Urls { get; set; } = "";
    public long? FulfilledBy { get; set; }
    public string Evidence { get; set; } = "";
}

/// <summary>Writes events to a Parquet file with Parquet.Net; multi-valued cells are '|'-joined strings.</summary>
public static class ParquetExport
{
    public static EventRow ToRow(ConsolidatedEvent c)
    {
        var e = c.Event;
        return new EventRow
        {
            Id = c.Id,
            Status = e.Status.ToWire(),
            Mode = e.Mode.ToWire(),
            Date = e.Date?.ToString(),
            DateFirst = e.Date is { } d1 ? d1.Earliest.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            DateLast = e.Date is { } d2 ? d2.Latest.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            Countries = string.Join("|", e.Participants.Select(p => p.Country).Distinct(StringComparer.Ordinal)),
            Participants = string.Join("|", e.Participants.Select(p => p.Name is null ? p.Country : $"{p.Name} ({p.Country})")),
            LocationCity = e.Location?.City,
            LocationCountry = e.Location?.Country,
            DurationMinutes = e.DurationMinutes,
            Topics = string.Join("|", e.Topics),
            Sources = c.Sources.Count,
            Docs = string.Join("|", c.Sources.Select(s => s.Doc)),
            Urls = string.Join("|", c.Sources.Select(s => s.Url).Where(u => u is not null)),
            FulfilledBy = c.FulfilledBy,
            Evidence = e.Evidence.Count > 0 ? e.Evidence[0].Text : "",
        };
    }

    /// <summary>Writes all rows to <paramref name="output"/> (row groups of 100 000 rows).</summary>
    public static async Task WriteAsync(IEnumerable<ConsolidatedEvent> events, Stream output, CancellationToken ct = default)
    {
        var options = new Parquet.ParquetOptions { RowGroupSize = 100_000 };
        var rows = events.Select(ToRow).ToList();
        await ParquetSerializer.SerializeAsync(rows, output, options, cancellationToken: ct).ConfigureAwait(false);
    }

    public static async Task<IList<EventRow>> ReadAsync(Stream input, CancellationToken ct = default)
    {
        var result = await ParquetSerializer.DeserializeAsync<EventRow>(input, cancellationToken: ct).ConfigureAwait(false);
        return result.Data;
    }
}
