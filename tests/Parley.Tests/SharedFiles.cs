namespace Parley.Tests;

/// <summary>
/// Finds ../shared (the seeds, gold and dev sets) beside the repository. Tests that need it fail
/// loudly when it is missing: CI always has it, and a silent skip would hide a broken checkout.
/// </summary>
public static class SharedFiles
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Dir => Root.Value;

    public static string Seeds => Path.Combine(Dir, "seeds");

    public static IReadOnlyList<string> SeedFiles => Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal).ToList();

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Parley.slnx) above " + AppContext.BaseDirectory);
        }
    }

    private static string Find()
    {
        var shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        if (!Directory.Exists(Path.Combine(shared, "seeds")))
            throw new InvalidOperationException($"../shared is missing: expected the seeds at {shared}/seeds. These tests read the shared evaluation files; put shared/ beside the repository.");
        return shared;
    }
}
