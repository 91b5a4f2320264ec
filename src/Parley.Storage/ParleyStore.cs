using System.Globalization;
using Microsoft.Data.Sqlite;
using Parley.Consolidation;

namespace Parley.Storage;

/// <summary>
/// The embedded store: one SQLite file (WAL mode) holding documents, consolidated events with their
/// sources and evidence, the actor registry and a full-text index. Opening applies pending migrations
/// in order. Every document is written in one transaction, so a crash leaves either the whole
/// document with its events and merges, or nothing of it. Not thread-safe: one store per thread.
/// </summary>
public sealed partial class ParleyStore : IDisposable
{
    private readonly SqliteConnection _conn;

    private ParleyStore(SqliteConnection conn, ContactMatcher matcher, Consolidator consolidator, ActorResolver actors)
    {
        _conn = conn;
        Matcher = matcher;
        Consolidator = consolidator;
        Actors = actors;
    }

    public string Path { get; private init; } = "";

    public ContactMatcher Matcher { get; }

    public Consolidator Consolidator { get; }

    public ActorResolver Actors { get; }

    /// <summary>The schema version after opening.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Migrations.All[^1].Version;

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="StoreException">The file is not a Parley store, or is newer than this build.</exception>
    public static ParleyStore Open(string path, ContactMatcher? matcher = null, Consolidator? consolidator = null, ActorResolver? actors = null)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        var conn = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            conn.Open();
            Exec(conn, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
                // A checkpoint (the WAL copied back, with an fsync) every 40 MB of log rather than 4: an index page written by
                // many batches in between is copied once. Ingestion +15-20 %; the log is folded back when the store closes.
                + " PRAGMA wal_autocheckpoint = 10000;"
                // The journal of each article's savepoint (IngestBatch) in memory rather than in a temporary file: ~+10 % in alternated runs.
                + " PRAGMA temp_store = MEMORY;");
            var store = new ParleyStore(conn, matcher ?? ContactMatcher.Default, consolidator ?? Consolidator.Default, actors ?? ActorResolver.Default) { Path = path };
            store.Migrate();
            store.SeedCuratedActors();
            return store;
        }
        catch (SqliteException e)
        {
            conn.Dispose();
            throw new StoreException($"{path}: not a usable Parley store ({e.Message})", e);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    private void Migrate()
    {
        Exec(_conn, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)");
        int current = Convert.ToInt32(Scalar("SELECT coalesce(max(version), 0) FROM schema_version") ?? 0L, CultureInfo.InvariantCulture);
        if (current > LatestVersion)
            throw new StoreException($"{Path}: the store has schema version {current}, newer than this build of Parley knows ({LatestVersion}); upgrade Parley");
        foreach (var (version, description, sql) in Migrations.All)
        {
            if (version <= current)
                continue;
            using var tx = _conn.BeginTransaction();
            Exec(_conn, sql, tx);
            using var cmd = Command("INSERT INTO schema_version(version, description) VALUES ($v, $d)", tx);
            cmd.Parameters.AddWithValue("$v", version);
            cmd.Parameters.AddWithValue("$d", description);
            cmd.ExecuteNonQuery();
            tx.Commit();
            current = version;
        }
        SchemaVersion = current;
    }

    private void SeedCuratedActors()
    {
        var curated = Actors.Curated();
        using var tx = _conn.BeginTransaction();
        foreach (var a in curated)
        {
            using var find = Command("SELECT id FROM actors WHERE name = $n AND country = $c", tx);
            find.Parameters.AddWithValue("$n", a.Name);
            find.Parameters.AddWithValue("$c", a.Country);
            if (find.ExecuteScalar() is not null)
                continue;
            long id = InsertActor(a.Name, a.Country, curated: true, tx);
            foreach (var v in a.Variants)
                AddActorName(id, v, tx);
            foreach (var r in a.Roles)
                AddActorRole(id, r.Key, r.Role, r.First, r.Last, tx);
        }
        tx.Commit();
    }

    public void Dispose()
    {
        try
        {
            // Fold the WAL back into the main file so a copied .db is complete on its own.
            Exec(_conn, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
        }
        foreach (var cmd in _prepared.Values)
            cmd.Release();
        _prepared.Clear();
        _conn.Dispose();
    }

    // The statements ingestion runs for every event, each kept prepared: compiling one costs about as much as
    // running it, and an article runs a few hundred.
    private readonly Dictionary<string, PreparedCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// A command for <paramref name="sql"/> that stays prepared from one call to the next, its parameters cleared.
    /// Disposing it (a <c>using</c> at the call site) leaves it prepared; the store releases it when it closes.
    /// For statements of a fixed text only: each text is kept for the store's lifetime.
    /// </summary>
    internal SqliteCommand Prepared(string sql, SqliteTransaction? tx = null)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = new PreparedCommand { Connection = _conn, CommandText = sql };
            _prepared[sql] = cmd;
        }
        cmd.Transaction = tx;
        cmd.Parameters.Clear();
        return cmd;
    }

    private sealed class PreparedCommand : SqliteCommand
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released)
                base.Dispose(disposing);
        }
    }

    internal SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    internal object? Scalar(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    internal long Count(string table) => (long)(Scalar($"SELECT count(*) FROM {table}") ?? 0L);

    private static void Exec(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    internal SqliteTransaction BeginImmediate() => _conn.BeginTransaction(deferred: false);

    /// <summary>Counts of what the store holds.</summary>
    public StoreStats Stats() => new(Count("documents"), Count("events"), Count("sources"), Count("actors"), Count("event_links"));
}

public sealed record StoreStats(long Documents, long Events, long Sources, long Actors, long Links);

/// <summary>A store that cannot be opened or used; the message says which file and what to do.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
