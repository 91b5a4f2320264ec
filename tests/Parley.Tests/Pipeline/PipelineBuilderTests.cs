using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Tests.Pipeline;

public class PipelineBuilderTests
{
    private sealed class Probe(string name, string[] requires, string[] assigns) : IDocumentComponent
    {
        public string Name => name;
        public IReadOnlyList<string> Requires => requires;
        public IReadOnlyList<string> Assigns => assigns;
        public void Process(Document doc) { }
    }

    [Fact]
    public void Build_refuses_a_component_that_reads_a_layer_nobody_wrote_before_it()
    {
        var builder = new PipelineBuilder()
            .Add(new Probe("events", [Layers.Actors], [Layers.Events]))
            .Add(new Probe("actors", [Layers.Source], [Layers.Actors]));
        var e = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("events", e.Message);
        Assert.Contains(Layers.Actors, e.Message);
    }

    [Fact]
    public void The_default_pipeline_is_in_a_valid_order() =>
        Assert.NotEmpty(ParleyPipeline.CreateBuilder().Build().Components);
}
