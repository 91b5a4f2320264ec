using System.Collections;
using System.Reflection;
using System.Runtime.Loader;

namespace Parley.Tests.Ingest;

/// <summary>
/// Plain text must not pay for HTML parsing: reading a .txt file leaves AngleSharp and SmartReader
/// unloaded. Runs the reader in its own load context so other tests' loads do not count.
/// </summary>
public class AssemblyLoadTests
{
    [Theory]
    [InlineData("a.txt", "The envoy arrived on Monday.", false)]
    [InlineData("a.jsonl", "{\"id\": \"x\", \"text\": \"The envoy arrived.\"}", false)]
    [InlineData("a.html", "<html><body><p>The envoy arrived on Monday.</p></body></html>", true)] // the control
    public void Html_libraries_load_only_for_html(string name, string content, bool expectLoaded)
    {
        using var tmp = new TempDir();
        var path = tmp.Write(name, content);
        var alc = new IsolatedContext(AppContext.BaseDirectory);
        try
        {
            var core = alc.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "Parley.Core.dll"));
            var readerType = core.GetType("Parley.Ingest.ArticleReader", throwOnError: true)!;
            var reader = Activator.CreateInstance(readerType, [null, null])!;
            var items = (IEnumerable)readerType.GetMethod("Read")!.Invoke(reader, [new[] { path }])!;
            int n = 0;
            foreach (var item in items)
            {
                n++;
                Assert.NotNull(item.GetType().GetProperty("Article")!.GetValue(item));
            }
            Assert.Equal(1, n);

            var loaded = alc.Assemblies.Select(a => a.GetName().Name).ToList();
            Assert.Contains("Parley.Core", loaded);
            Assert.Equal(expectLoaded, loaded.Contains("AngleSharp"));
            Assert.Equal(expectLoaded, loaded.Contains("SmartReader"));
        }
        finally
        {
            alc.Unload();
        }
    }

    private sealed class IsolatedContext(string dir) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var file = Path.Combine(dir, name.Name + ".dll");
            return File.Exists(file) && !name.Name!.StartsWith("System.", StringComparison.Ordinal) && name.Name != "System"
                ? LoadFromAssemblyPath(file)
                : null;
        }
    }
}
