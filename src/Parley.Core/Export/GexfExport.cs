using System.Globalization;
using System.Xml;
using Parley.Consolidation;
using Parley.Events;

namespace Parley.Export;

/// <summary>What the nodes of a GEXF graph stand for.</summary>
public enum GexfNodes
{
    Countries,
    Actors,
}

/// <summary>
/// A GEXF 1.3 graph for Gephi: countries (or named people) as nodes, occurred contacts as undirected
/// edges, one per pair, weighted by the number of contacts, with one spell per contact (its date's
/// first and last day) so Gephi's timeline can play them. Planned contacts are left out.
/// </summary>
public static class GexfExport
{
    public const string Namespace = "http://gexf.net/1.3";

    public static void Write(IEnumerable<ConsolidatedEvent> events, TextWriter output, GexfNodes nodes = GexfNodes.Countries)
    {
        var nodeLabels = new SortedDictionary<string, (string Label, string Country, int Contacts)>(StringComparer.Ordinal);
        var edges = new SortedDictionary<(string, string), Edge>();
        foreach (var c in events)
        {
            var e = c.Event;
            if (e.Status != EventStatus.Occurred)
                continue;
            var ends = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var p in e.Participants)
            {
                var (id, label) = nodes == GexfNodes.Countries || p.Name is null
                    ? (p.Country, p.Country)
                    : (p.Country + ":" + p.Name, $"{p.Name} ({p.Country})");
                if (!ends.Add(id))
                    continue;
                var known = nodeLabels.TryGetValue(id, out var n) ? n.Contacts : 0;
                nodeLabels[id] = (label, p.Country, known + 1);
            }
            var list = ends.ToList();
            for (int i = 0; i < list.Count; i++)
                for (int j = i + 1; j < list.Count; j++)
                {
                    var key = (list[i], list[j]);
                    if (!edges.TryGetValue(key, out var edge))
                        edges[key] = edge = new Edge();
                    edge.Weight++;
                    edge.Modes.Add(e.Mode.ToWire());
                    if (e.Date is { } d)
                        edge.Spells.Add((d.Earliest, d.Latest));
                }
        }

        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), OmitXmlDeclaration = false };
        using var w = XmlWriter.Create(output, settings);
        w.WriteStartDocument();
        w.WriteStartElement("gexf", Namespace);
        w.WriteAttributeString("version", "1.3");
        w.WriteStartElement("meta", Namespace);
        w.WriteElementString("creator", Namespace, "Parley");
        w.WriteElementString("description", Namespace,
            nodes == GexfNodes.Countries ? "Diplomatic contacts between countries" : "Diplomatic contacts between people");
        w.WriteEndElement();
        w.WriteStartElement("graph", Namespace);
        w.WriteAttributeString("defaultedgetype", "undirected");
        w.WriteAttributeString("mode", "dynamic");
        w.WriteAttributeString("timeformat", "date");
        WriteAttributes(w, "node", [("0", "country", "string"), ("1", "contacts", "integer")]);
        WriteAttributes(w, "edge", [("0", "contacts", "integer"), ("1", "modes", "string")]);
        w.WriteStartElement("nodes", Namespace);
        w.WriteAttributeString("count", nodeLabels.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (id, n) in nodeLabels)
        {
            w.WriteStartElement("node", Namespace);
            w.WriteAttributeString("id", id);
            w.WriteAttributeString("label", n.Label);
            w.WriteStartElement("attvalues", Namespace);
            WriteAttValue(w, "0", n.Country);
            WriteAttValue(w, "1", n.Contacts.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("edges", Namespace);
        w.WriteAttributeString("count", edges.Count.ToString(CultureInfo.InvariantCulture));
        int edgeId = 0;
        foreach (var ((a, b), edge) in edges)
        {
            w.WriteStartElement("edge", Namespace);
            w.WriteAttributeString("id", (edgeId++).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", a);
            w.WriteAttributeString("target", b);
            w.WriteAttributeString("weight", edge.Weight.ToString(CultureInfo.InvariantCulture));
            w.WriteStartElement("attvalues", Namespace);
            WriteAttValue(w, "0", edge.Weight.ToString(CultureInfo.InvariantCulture));
            WriteAttValue(w, "1", string.Join(",", edge.Modes));
            w.WriteEndElement();
            if (edge.Spells.Count > 0)
            {
                w.WriteStartElement("spells", Namespace);
                foreach (var (lo, hi) in edge.Spells)
                {
                    w.WriteStartElement("spell", Namespace);
                    w.WriteAttributeString("start", lo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteAttributeString("end", hi.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteAttributes(XmlWriter w, string cls, (string Id, string Title, string Type)[] attrs)
    {
        w.WriteStartElement("attributes", Namespace);
        w.WriteAttributeString("class", cls);
        foreach (var (id, title, type) in attrs)
        {
            w.WriteStartElement("attribute", Namespace);
            w.WriteAttributeString("id", id);
            w.WriteAttributeString("title", title);
            w.WriteAttributeString("type", type);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WriteAttValue(XmlWriter w, string key, string value)
    {
        w.WriteStartElement("attvalue", Namespace);
        w.WriteAttributeString("for", key);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }

    private sealed class Edge
    {
        public int Weight;
        public SortedSet<string> Modes { get; } = new(StringComparer.Ordinal);
        public SortedSet<(DateOnly, DateOnly)> Spells { get; } = [];
    }
}
