using Parley.Storage;
using Parley.Tests.Consolidation;

namespace Parley.Tests.Storage;

/// <summary>A store holding the invented consolidation samples, built once per test class.</summary>
public sealed class SampleStoreFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public SampleStoreFixture()
    {
        Db = _dir.File("samples.db");
        using var store = ParleyStore.Open(Db);
        foreach (var doc in SampleArticles.Load())
            store.Ingest(doc, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public string Db { get; }

    public string Dir => _dir.Path;

    public void Dispose() => _dir.Dispose();
}
