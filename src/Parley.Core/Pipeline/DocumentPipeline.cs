using Parley.Documents;

namespace Parley.Pipeline;

/// <summary>A frozen, ordered list of components; build one with <see cref="PipelineBuilder"/>.</summary>
public sealed class DocumentPipeline
{
    private readonly IDocumentComponent[] _components;

    internal DocumentPipeline(IDocumentComponent[] components) => _components = components;

    public IReadOnlyList<IDocumentComponent> Components => _components;

    /// <param name="trace">Collect the components' explanations in <see cref="Document.Trace"/>.</param>
    public Document Run(RawArticle article, Temporal.PartialDate? publishedOverride = null, bool trace = false)
    {
        var doc = new Document(article, publishedOverride) { Trace = trace ? [] : null };
        foreach (var c in _components)
            c.Process(doc);
        return doc;
    }
}

/// <summary>Collects components in order; <see cref="Build"/> checks every requirement is met.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentComponent> _components = [];

    public PipelineBuilder Add(IDocumentComponent component)
    {
        _components.Add(component);
        return this;
    }

    public DocumentPipeline Build()
    {
        var available = new HashSet<string>(StringComparer.Ordinal) { Layers.Source };
        foreach (var c in _components)
        {
            var missing = c.Requires.Where(r => !available.Contains(r)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException(
                    $"Component '{c.Name}' requires {string.Join(", ", missing)}, which no earlier component assigns.");
            available.UnionWith(c.Assigns);
        }
        return new DocumentPipeline(_components.ToArray());
    }
}
