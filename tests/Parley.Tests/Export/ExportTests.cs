using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Parley.Consolidation;
using Parley.Export;
using Parley.Storage;
using Parley.Tests.Storage;

namespace Parley.Tests.Export;

public class ExportTests : IClassFixture<SampleStoreFixture>
{
    private readonly List<ConsolidatedEvent> _events;

    public ExportTests(SampleStoreFixture store)
    {
        using var s = ParleyStore.Open(store.Db);
        _events = s.All().ToList();
    }

    private ConsolidatedEvent Hanoi => _events.Single(e => e.Event.Location?.City == "Hanoi");

    private ConsolidatedEvent Call => _events.Single(e => e.Event.Mode == Parley.Events.ContactMode.Phone);

    [Fact]
    public void Jsonl_is_the_schema_event_plus_id_and_sources()
    {
        var w = new StringWriter();
        StoreJson.WriteAll(_events, w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(_events.Count, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            foreach (var field in new[] { "type", "status", "mode", "date", "participants", "location", "duration_minutes", "topics", "doc", "evidence", "id", "sources" })
                Assert.True(o.TryGetProperty(field, out _), field);
            foreach (var s in o.GetProperty("sources").EnumerateArray())
                foreach (var field in new[] { "doc", "url", "published", "evidence" })
                    Assert.True(s.TryGetProperty(field, out _), "sources." + field);
        }
        // The SCHEMA.md part is exactly what EventJson writes for the resolved event.
        var call = StoreJson.ToLine(Call);
        var plain = EventJson.ToLine(Call.Event);
        Assert.StartsWith("{\"id\":" + Call.Id + "," + plain[1..^1], call);
    }

    [Fact]
    public void Plover_records_follow_the_consult_conventions()
    {
        var w = new StringWriter();
        PloverExport.Write(_events, w);
        var records = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(_events.Count, records.Count);
        Assert.All(records, r => Assert.Equal("CONSULT", r.GetProperty("event_type").GetString()));

        var hanoi = records.Single(r => r.GetProperty("id").GetString() == "parley-" + Hanoi.Id);
        Assert.Equal("visit", hanoi.GetProperty("mode").GetString());
        Assert.Equal(["JPN", "PHL"], hanoi.GetProperty("actor").EnumerateArray().Select(a => a.GetProperty("code").GetString()).Order());
        Assert.Equal(["VNM"], hanoi.GetProperty("recipient").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal("2024-04-16", hanoi.GetProperty("event_date").GetString());
        Assert.Equal(2, hanoi.GetProperty("cite_info").GetArrayLength());
        Assert.Equal(2, hanoi.GetProperty("event_text").GetArrayLength());

        var call = records.Single(r => r.GetProperty("id").GetString() == "parley-" + Call.Id);
        Assert.Equal("phone", call.GetProperty("mode").GetString());
        Assert.Equal(0, call.GetProperty("recipient").GetArrayLength());
        Assert.Equal(2, call.GetProperty("actor").GetArrayLength());

        var planned = records.Single(r => r.GetProperty("context").GetArrayLength() == 1);
        Assert.Equal("future", planned.GetProperty("context")[0].GetString());
    }

    [Fact]
    public void Cameo_dyads_carry_04x_codes_by_mode_and_host()
    {
        var rows = CameoExport.Rows(Hanoi).ToDictionary(r => (r[2], r[3]), r => r[4]);
        Assert.Equal(6, rows.Count);
        Assert.Equal("042", rows[("JPN", "VNM")]);
        Assert.Equal("043", rows[("VNM", "JPN")]);
        Assert.Equal("044", rows[("JPN", "PHL")]);
        Assert.All(CameoExport.Rows(Call), r => Assert.Equal("041", r[4]));
        var planned = _events.Single(e => e.Event.Status == Parley.Events.EventStatus.Planned);
        Assert.All(CameoExport.Rows(planned), r => Assert.Equal("036", r[4]));
        var w = new StringWriter();
        CameoExport.Write(_events, w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Equal(CameoExport.Header.Length, l.TrimEnd('\r').Split('\t').Length));
    }

    [Theory]
    [InlineData(GexfNodes.Countries)]
    [InlineData(GexfNodes.Actors)]
    public void Gexf_is_well_formed_and_valid(GexfNodes nodes)
    {
        var w = new StringWriter();
        GexfExport.Write(_events, w, nodes);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema };
        settings.Schemas.Add(GexfExport.Namespace, Path.Combine(SharedFiles.RepoRoot, "tests", "Parley.Tests", "Export", "gexf-1.3-structure.xsd"));
        var errors = new List<string>();
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        var xml = new XmlDocument();
        using (var reader = XmlReader.Create(new StringReader(w.ToString()), settings))
            xml.Load(reader);
        Assert.Empty(errors);
        var ns = new XmlNamespaceManager(xml.NameTable);
        ns.AddNamespace("g", GexfExport.Namespace);
        var edges = xml.SelectNodes("//g:edge", ns)!.Cast<XmlElement>().ToList();
        if (nodes == GexfNodes.Countries)
        {
            // KOR–CHN: the call and the meeting, two contacts on two days.
            var korChn = Assert.Single(edges, e => e.GetAttribute("source") == "CHN" && e.GetAttribute("target") == "KOR");
            Assert.Equal("2", korChn.GetAttribute("weight"));
            Assert.Equal(["2024-03-08", "2024-03-20"], korChn.SelectNodes("g:spells/g:spell", ns)!.Cast<XmlElement>().Select(s => s.GetAttribute("start")));
            // the planned visit is not a contact yet; the visit is
            Assert.Equal("1", edges.Single(e => e.GetAttribute("source") == "BRA").GetAttribute("weight"));
        }
        else
        {
            Assert.Contains(xml.SelectNodes("//g:node", ns)!.Cast<XmlElement>(), n => n.GetAttribute("label") == "Kenji Arakawa (JPN)");
        }
    }

    [Fact]
    public void Gexf_that_breaks_the_structure_is_rejected_by_the_schema()
    {
        var bad = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes/><edges><edge id=\"0\" source=\"A\" target=\"B\" weight=\"heavy\"/></edges></graph></gexf>";
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema };
        settings.Schemas.Add(GexfExport.Namespace, Path.Combine(SharedFiles.RepoRoot, "tests", "Parley.Tests", "Export", "gexf-1.3-structure.xsd"));
        using var reader = XmlReader.Create(new StringReader(bad), settings);
        Assert.Throws<XmlSchemaValidationException>(() => { while (reader.Read()) { } });
    }

    [Fact]
    public async Task Parquet_reads_back_with_the_same_rows()
    {
        using var ms = new MemoryStream();
        await ParquetExport.WriteAsync(_events, ms);
        ms.Position = 0;
        var rows = await ParquetExport.ReadAsync(ms);
        Assert.Equal(_events.Count, rows.Count);
        var hanoi = rows.Single(r => r.Id == Hanoi.Id);
        Assert.Equal("JPN|PHL|VNM", string.Join("|", hanoi.Countries.Split('|').Order()));
        Assert.Equal(2, hanoi.Sources);
        Assert.Equal(new DateTime(2024, 4, 16), hanoi.DateFirst!.Value.Date);
    }

    [Fact]
    public void Csv_quotes_fields_with_commas_and_keeps_one_row_per_event()
    {
        var w = new StringWriter();
        CsvExport.Write(_events, w);
        var text = w.ToString();
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(_events.Count + 1, rows.Length);
        Assert.Contains("\"SEOUL, March 8 (Harbour Daily)", text);
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\"", string.Join(",", new[] { "a", "b,c", "say \"hi\"" }.Select(CsvExport.Escape)));
    }
}
