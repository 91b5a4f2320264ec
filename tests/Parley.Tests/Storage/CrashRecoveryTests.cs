using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Parley.Cli.Commands;

namespace Parley.Tests.Storage;

/// <summary>
/// Kills a real `parley ingest` process in the middle of a run, then runs it again: every document must
/// end up stored exactly once, and the store must hold what an uninterrupted run stores.
/// </summary>
public class CrashRecoveryTests
{
    private static readonly string[] Countries = ["South Korea", "Japan", "China", "Vietnam", "Brazil", "Germany", "Kenya", "Canada"];

    /// <summary>Invented articles, each with a contact sentence and enough filler to take the pipeline a moment.</summary>
    private static void WriteArticles(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var filler = "Officials said the talks covered trade, energy and regional security, and both sides agreed to keep in close touch. ";
        for (int i = 0; i < count; i++)
        {
            var a = Countries[i % Countries.Length];
            var b = Countries[(i * 3 + 1) % Countries.Length];
            if (a == b)
                b = Countries[(i + 2) % Countries.Length];
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"The foreign minister of {a} met the foreign minister of {b} on Monday, the ministry said (story {i}).\n\n");
            for (int k = 0; k < 80; k++)
                sb.Append(filler);
            File.WriteAllText(Path.Combine(folder, $"article-{i:D4}.txt"), sb.ToString());
        }
    }

    private static long Scalar(string db, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static Process StartIngest(string folder, string db)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parley.dll"));
        psi.ArgumentList.Add("ingest");
        psi.ArgumentList.Add(folder);
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(db);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(psi)!;
    }

    [Fact]
    public void A_killed_ingest_leaves_a_consistent_store_and_the_next_run_completes_it()
    {
        const int N = 400;
        using var dir = new TempDir();
        var folder = dir.File("articles");
        WriteArticles(folder, N);
        var db = dir.File("killed.db");

        long storedAtKill;
        using (var child = StartIngest(folder, db))
        {
            // Wait until the first documents are committed, then kill without warning.
            var deadline = Stopwatch.StartNew();
            long seen = 0;
            while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited)
            {
                try
                {
                    seen = Scalar(db, "SELECT count(*) FROM documents");
                }
                catch (SqliteException)
                {
                    // not created yet
                }
                if (seen >= 5)
                    break;
                Thread.Sleep(5);
            }
            Assert.False(child.HasExited, "the ingest finished before it could be killed; make the articles bigger");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            storedAtKill = Scalar(db, "SELECT count(*) FROM documents");
        }
        Assert.InRange(storedAtKill, 5, N - 1);
        Assert.Equal("ok", IntegrityCheck(db));
        // Every stored document is whole: its sources all point to events that exist.
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM sources s LEFT JOIN events e ON e.id = s.event_id WHERE e.id IS NULL"));

        using (var rerun = StartIngest(folder, db))
        {
            var stdout = rerun.StandardOutput.ReadToEnd();
            rerun.WaitForExit();
            Assert.Equal(0, rerun.ExitCode);
            Assert.Contains($"documents: {N - storedAtKill} new, {storedAtKill} skipped, 0 failed", stdout);
        }
        Assert.Equal(N, Scalar(db, "SELECT count(*) FROM documents"));
        Assert.Equal(N, Scalar(db, "SELECT count(DISTINCT doc) FROM documents"));

        // The same as one uninterrupted run: no event duplicated, none lost.
        var reference = dir.File("reference.db");
        Assert.Equal(0, IngestCommand.Run([folder], reference, null, TextWriter.Null, TextWriter.Null));
        foreach (var table in new[] { "documents", "events", "sources", "evidence", "event_pairs", "event_links" })
            Assert.Equal(Scalar(reference, $"SELECT count(*) FROM {table}"), Scalar(db, $"SELECT count(*) FROM {table}"));
        Assert.Equal(Scalar(reference, "SELECT count(*) FROM sources"), Scalar(db, "SELECT coalesce(sum(source_count), 0) FROM events"));
    }

    private static string IntegrityCheck(string db)
    {
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }
}
