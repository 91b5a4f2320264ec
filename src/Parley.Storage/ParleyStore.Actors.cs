using Microsoft.Data.Sqlite;
using Parley.Consolidation;
using Parley.Events;
using Parley.Temporal;

namespace Parley.Storage;

public sealed partial class ParleyStore
{
    /// <summary>
    /// The registry actor a participant refers to (<see cref="ActorResolver"/>), recording the name
    /// variant and the role with the date seen. A named participant nobody matches becomes a new actor
    /// when <paramref name="create"/>; an unnamed one never does.
    /// </summary>
    private long? ResolveActor(Participant p, PartialDate? when, SqliteTransaction tx, bool create = true)
    {
        var registry = CachedActorsOf(p.Country, tx);
        // A named participant can only be an actor that shares a name key with it (ActorResolver.NameKeys); those are
        // the candidates, in registry order. An unnamed one is matched by office, among all.
        var found = Actors.Resolve(p, when, p.Name is null ? registry.List : registry.NamedLike(p.Name));
        long id;
        bool changed = false;
        if (found is not null)
            id = found.Id;
        else if (p.Name is not null && create)
        {
            id = InsertActor(p.Name, p.Country, curated: false, tx);
            changed = true;
        }
        else
            return null;
        // Writes only what the registry does not know yet: a name variant, a role, a wider date range.
        if (p.Name is not null && (found is null || !KnowsName(found, p.Name)))
        {
            AddActorName(id, p.Name, tx);
            changed = true;
        }
        if (p.Role is not null && Actors.Aliases.KeyOf(p.Role, p.Country) is { } key
            && (found is null || !KnowsRole(found, key, p.Role, when)))
        {
            AddActorRole(id, key, p.Role, when?.Earliest, when?.Latest, tx);
            changed = true;
        }
        if (changed)
            RereadCached(p.Country, id, tx);
        return id;
    }

    private static bool KnowsName(ActorRecord a, string name) =>
        string.Equals(a.Name, name, StringComparison.Ordinal) || a.Variants.Contains(name, StringComparer.Ordinal);

    private static bool KnowsRole(ActorRecord a, string key, string role, PartialDate? when)
    {
        foreach (var r in a.Roles)
        {
            if (!string.Equals(r.Key, key, StringComparison.Ordinal) || !string.Equals(r.Role, role, StringComparison.Ordinal))
                continue;
            if (when is null)
                return true;
            return r.First is { } f && r.Last is { } l && f <= when.Value.Earliest && when.Value.Latest <= l;
        }
        return false;
    }

    // The actors of each country as last read, so that ingesting a large crawl does not re-read a
    // country's whole registry for every participant. An actor this store writes is read again into its
    // country's entry (RereadCached); the whole cache goes when another connection has committed (PRAGMA
    // data_version) or a transaction or savepoint of this store was rolled back.
    private readonly Dictionary<string, CountryActors> _actorCache = new(StringComparer.Ordinal);
    private long _cachedDataVersion = -1;

    private CountryActors CachedActorsOf(string country, SqliteTransaction tx)
    {
        if (_actorCache.TryGetValue(country, out var hit))
            return hit;
        var actors = new CountryActors(ActorsOf(country, tx));
        _actorCache[country] = actors;
        return actors;
    }

    /// <summary>
    /// A country's registry as cached: the actors in id order, and an index from each name key
    /// (<see cref="ActorResolver.NameKeys"/>) to the actors one of whose names has it. Comparing a participant with every
    /// name of its country's registry was a quarter of ingestion's time, and grew with the registry.
    /// </summary>
    private sealed class CountryActors
    {
        private readonly Dictionary<string, List<ActorRecord>> _byKey = new(StringComparer.Ordinal);

        public CountryActors(List<ActorRecord> list)
        {
            List = list;
            foreach (var a in list)
                Index(a, add: true);
        }

        public List<ActorRecord> List { get; }

        /// <summary>The actors that share a name key with <paramref name="name"/>, in id order: all that may be that person.</summary>
        public List<ActorRecord> NamedLike(string name)
        {
            var found = new List<ActorRecord>();
            foreach (var key in ActorResolver.NameKeys(name))
                if (_byKey.TryGetValue(key, out var actors))
                    foreach (var a in actors)
                        if (!found.Contains(a))
                            found.Add(a);
            found.Sort((x, y) => x.Id.CompareTo(y.Id));
            return found;
        }

        /// <summary>Puts <paramref name="actor"/> in the list (by id) and the index, replacing the record of the same id.</summary>
        public void Put(ActorRecord actor)
        {
            int at = List.FindIndex(a => a.Id >= actor.Id);
            if (at >= 0 && List[at].Id == actor.Id)
            {
                Index(List[at], add: false);
                List[at] = actor;
            }
            else if (at >= 0)
                List.Insert(at, actor);
            else
                List.Add(actor);
            Index(actor, add: true);
        }

        private void Index(ActorRecord actor, bool add)
        {
            foreach (var name in actor.AllNames)
                foreach (var key in ActorResolver.NameKeys(name))
                {
                    if (!_byKey.TryGetValue(key, out var actors))
                        _byKey[key] = actors = [];
                    if (add && !actors.Contains(actor))
                        actors.Add(actor);
                    else if (!add)
                        actors.Remove(actor);
                }
        }
    }

    /// <summary>
    /// Reads one actor this store just wrote again into its country's cached list (kept in id order, as a fresh read
    /// gives it). Dropping the country's list instead made the next participant re-read the whole registry of
    /// the country: with new names in most articles, ingesting slowed down as the registry grew.
    /// </summary>
    private void RereadCached(string country, long id, SqliteTransaction tx)
    {
        if (!_actorCache.TryGetValue(country, out var cached))
            return;
        var fresh = ReadActors("a.id = $k", id, tx);
        if (fresh.Count == 0 || !string.Equals(fresh[0].Country, country, StringComparison.Ordinal))
        {
            _actorCache.Remove(country); // not what it was thought to be: read the country afresh when next asked
            return;
        }
        cached.Put(fresh[0]);
    }

    /// <summary>Drops the actor cache when another connection changed the store since it was filled.</summary>
    private void RefreshActorCache(SqliteTransaction tx)
    {
        using var cmd = Prepared("PRAGMA data_version", tx);
        long version = (long)cmd.ExecuteScalar()!;
        if (version != _cachedDataVersion)
        {
            _actorCache.Clear();
            _cachedDataVersion = version;
        }
    }

    private List<ActorRecord> ActorsOf(string country, SqliteTransaction? tx) => ReadActors("a.country = $k", country, tx);

    /// <summary>The actors <paramref name="where"/> selects (over <c>actors a</c>, with <c>$k</c> bound to <paramref name="key"/>), in id order, each with its names and roles in key order.</summary>
    private List<ActorRecord> ReadActors(string where, object key, SqliteTransaction? tx)
    {
        var byId = new Dictionary<long, (string Name, string Country, bool Curated, List<string> Names, List<ActorRole> Roles)>();
        var order = new List<long>();
        using (var cmd = Prepared($"SELECT a.id, a.name, a.curated, a.country FROM actors a WHERE {where} ORDER BY a.id", tx))
        {
            cmd.Parameters.AddWithValue("$k", key);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                byId[r.GetInt64(0)] = (r.GetString(1), r.GetString(3), r.GetInt64(2) != 0, [], []);
                order.Add(r.GetInt64(0));
            }
        }
        if (byId.Count == 0)
            return [];
        using (var cmd = Prepared($"SELECT n.actor_id, n.name FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE {where} ORDER BY n.actor_id, n.name", tx))
        {
            cmd.Parameters.AddWithValue("$k", key);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                byId[r.GetInt64(0)].Names.Add(r.GetString(1));
        }
        using (var cmd = Prepared($"SELECT o.actor_id, o.role, o.key, o.first_day, o.last_day FROM actor_roles o JOIN actors a ON a.id = o.actor_id WHERE {where} ORDER BY o.actor_id, o.key, o.role", tx))
        {
            cmd.Parameters.AddWithValue("$k", key);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                byId[r.GetInt64(0)].Roles.Add(new ActorRole(r.GetString(1), r.GetString(2),
                    r.IsDBNull(3) ? null : DateOnly.FromDayNumber((int)r.GetInt64(3)),
                    r.IsDBNull(4) ? null : DateOnly.FromDayNumber((int)r.GetInt64(4))));
        }
        return order.Select(id =>
        {
            var a = byId[id];
            return new ActorRecord
            {
                Id = id,
                Name = a.Name,
                Country = a.Country,
                Variants = a.Names.Where(n => !string.Equals(n, a.Name, StringComparison.Ordinal)).ToList(),
                Roles = a.Roles,
                Curated = a.Curated,
            };
        }).ToList();
    }

    private long InsertActor(string name, string country, bool curated, SqliteTransaction tx)
    {
        using var cmd = Prepared("INSERT INTO actors(name, country, curated) VALUES ($n, $c, $k) RETURNING id", tx);
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$c", country);
        cmd.Parameters.AddWithValue("$k", curated ? 1 : 0);
        long id = (long)cmd.ExecuteScalar()!;
        AddActorName(id, name, tx);
        return id;
    }

    private void AddActorName(long actorId, string name, SqliteTransaction tx)
    {
        using var cmd = Prepared("INSERT OR IGNORE INTO actor_names(actor_id, name) VALUES ($a, $n)", tx);
        cmd.Parameters.AddWithValue("$a", actorId);
        cmd.Parameters.AddWithValue("$n", name);
        cmd.ExecuteNonQuery();
        // The registry shows the fullest form of the name it has seen ("Noh Kyu-duk" over "Noh").
        using var upd = Prepared("UPDATE actors SET name = $n WHERE id = $a AND curated = 0 AND length(name) < length($n)", tx);
        upd.Parameters.AddWithValue("$a", actorId);
        upd.Parameters.AddWithValue("$n", name);
        upd.ExecuteNonQuery();
    }

    private void AddActorRole(long actorId, string key, string role, DateOnly? first, DateOnly? last, SqliteTransaction tx)
    {
        using var cmd = Prepared("""
            INSERT INTO actor_roles(actor_id, key, role, first_day, last_day) VALUES ($a, $k, $r, $f, $l)
            ON CONFLICT(actor_id, key, role) DO UPDATE SET
                first_day = CASE WHEN excluded.first_day IS NULL THEN first_day WHEN first_day IS NULL OR excluded.first_day < first_day THEN excluded.first_day ELSE first_day END,
                last_day  = CASE WHEN excluded.last_day IS NULL THEN last_day WHEN last_day IS NULL OR excluded.last_day > last_day THEN excluded.last_day ELSE last_day END
            """, tx);
        cmd.Parameters.AddWithValue("$a", actorId);
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$r", role);
        cmd.Parameters.AddWithValue("$f", first is { } f ? f.DayNumber : DBNull.Value);
        cmd.Parameters.AddWithValue("$l", last is { } l ? l.DayNumber : DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The registry: every actor (of one country when given), with names, roles and the number of events.</summary>
    public IReadOnlyList<ActorSummary> ListActors(string? country = null)
    {
        var countries = new List<string>();
        using (var cmd = Command(country is null ? "SELECT DISTINCT country FROM actors ORDER BY country" : "SELECT DISTINCT country FROM actors WHERE country = $c"))
        {
            if (country is not null)
                cmd.Parameters.AddWithValue("$c", country);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                countries.Add(r.GetString(0));
        }
        var result = new List<ActorSummary>();
        foreach (var c in countries)
            foreach (var a in ActorsOf(c, null))
            {
                using var cmd = Command("SELECT count(*) FROM event_actors WHERE actor_id = $a");
                cmd.Parameters.AddWithValue("$a", a.Id);
                result.Add(new ActorSummary(a, (long)cmd.ExecuteScalar()!));
            }
        return result.OrderBy(a => a.Actor.Country, StringComparer.Ordinal).ThenBy(a => a.Actor.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Ids of the actors a query names: by id ("#12"), or by name through the same-person rule.</summary>
    public IReadOnlyList<long> FindActors(string query)
    {
        if (query.StartsWith('#') && long.TryParse(query.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return [id];
        var ids = new List<long>();
        using var cmd = Command("SELECT actor_id, name FROM actor_names");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (NameMatch.Same(r.GetString(1), query) && !ids.Contains(r.GetInt64(0)))
                ids.Add(r.GetInt64(0));
        return ids;
    }
}

/// <summary>One registry entry and how many stored events it takes part in.</summary>
public sealed record ActorSummary(ActorRecord Actor, long Events);
