using Parley.Ingest;

namespace Parley.Tests.Ingest;

/// <summary>The hand-written inputs in Fixtures/ingest, and a scratch folder for generated ones.</summary>
internal static class IngestFixtures
{
    public static string Dir => Path.Combine(SharedFiles.RepoRoot, "tests", "Parley.Tests", "Fixtures", "ingest");

    public static string File(string name) => Path.Combine(Dir, name);

    public static List<IngestItem> Read(IngestOptions? options, params string[] paths) => new ArticleReader(options).Read(paths).ToList();

    public static List<IngestItem> Read(params string[] paths) => Read(null, paths);
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
