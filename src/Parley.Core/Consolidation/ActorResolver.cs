using Parley.Data;
using Parley.Events;
using Parley.Temporal;

namespace Parley.Consolidation;

/// <summary>An office an actor was seen holding, and the first and last days it was seen.</summary>
public sealed record ActorRole(string Role, string Key, DateOnly? First, DateOnly? Last);

/// <summary>One person in the registry: name, spellings seen, country, and roles with dates.</summary>
public sealed record ActorRecord
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public required string Country { get; init; }

    public IReadOnlyList<string> Variants { get; init; } = [];

    public IReadOnlyList<ActorRole> Roles { get; init; } = [];

    /// <summary>True when the actor comes from data/actors.tsv rather than from what was read.</summary>
    public bool Curated { get; init; }

    public IEnumerable<string> AllNames => Variants.Prepend(Name);
}

/// <summary>
/// Finds the registry actor a participant refers to. A named participant is matched by name within
/// its country (the same-person rule of <see cref="NameMatch"/>: "Noh" = "Noh Kyu-duk"); when a
/// short name fits several people, the role and date decide. An unnamed participant with a role is
/// matched by country + office (<see cref="RoleAliases"/>) + date: the one actor seen in that office
/// within <see cref="RoleWindowDays"/> of the contact ("South Korea's top nuclear envoy" in May 2022).
/// </summary>
public sealed class ActorResolver
{
    public ActorResolver(RoleAliases? aliases = null, int roleWindowDays = 120)
    {
        Aliases = aliases ?? RoleAliases.Default;
        RoleWindowDays = roleWindowDays;
    }

    public static ActorResolver Default { get; } = new();

    public RoleAliases Aliases { get; }

    public int RoleWindowDays { get; }

    /// <summary>The actor <paramref name="p"/> refers to among <paramref name="candidates"/> (actors of its country), or null.</summary>
    public ActorRecord? Resolve(Participant p, PartialDate? when, IEnumerable<ActorRecord> candidates)
    {
        var sameCountry = candidates.Where(a => string.Equals(a.Country, p.Country, StringComparison.Ordinal)).ToList();
        var roleKey = Aliases.KeyOf(p.Role, p.Country);
        if (p.Name is not null)
        {
            var plain = Plain(p.Name);
            var exact = sameCountry.Where(a => a.AllNames.Any(n => PlainOf(n) == plain)).ToList();
            if (exact.Count == 1)
                return exact[0];
            var byName = sameCountry.Where(a => a.AllNames.Any(n => NameMatch.Same(n, p.Name))).ToList();
            if (byName.Count == 1)
                return byName[0];
            if (byName.Count > 1 && roleKey is not null)
            {
                var byRole = byName.Where(a => HeldAt(a, roleKey, when)).ToList();
                if (byRole.Count == 1)
                    return byRole[0];
            }
            return null;
        }
        if (roleKey is null)
            return null;
        var holders = sameCountry.Where(a => HeldAt(a, roleKey, when)).ToList();
        return holders.Count == 1 ? holders[0] : null;
    }

    /// <summary>
    /// Keys of a name such that two names <see cref="Resolve"/> may take for the same person share one: its words and
    /// its joined form as <see cref="NameMatch"/> reads them ("Noh" in "Noh Kyu-duk"; "kimjongun" for "Kim Jong-un"
    /// and "Kimjongun"), and its plain form. A registry can be indexed by them, and a named participant then needs
    /// comparing only with the actors that share a key with its name, not with the whole country.
    /// </summary>
    public static IEnumerable<string> NameKeys(string name)
    {
        var (words, joined) = NameMatch.Normalised(name);
        foreach (var w in words)
            yield return w;
        yield return "\u0001" + joined; // prefixed, so the kinds stay apart (a collision would only widen the candidates)
        yield return "\u0002" + PlainOf(name);
    }

    /// <summary>True when the actor was seen in the office near the date (any time when either is unknown).</summary>
    public bool HeldAt(ActorRecord a, string roleKey, PartialDate? when)
    {
        foreach (var r in a.Roles)
        {
            if (!string.Equals(r.Key, roleKey, StringComparison.Ordinal))
                continue;
            if (when is not { } w)
                return true;
            var lo = r.First?.AddDays(-RoleWindowDays) ?? DateOnly.MinValue;
            var hi = r.Last?.AddDays(RoleWindowDays) ?? DateOnly.MaxValue;
            if (w.Latest >= lo && w.Earliest <= hi)
                return true;
        }
        return false;
    }

    /// <summary>The curated actors of data/actors.tsv.</summary>
    public IReadOnlyList<ActorRecord> Curated() => Curated(DataFiles.ReadTsv("actors.tsv"));

    public IReadOnlyList<ActorRecord> Curated(IEnumerable<TsvRow> rows) => rows.Select(r =>
    {
        PartialDate.TryParse(r["from"], out var from);
        bool hasTo = PartialDate.TryParse(r["to"], out var to);
        var role = r["role"];
        return new ActorRecord
        {
            Name = r["name"],
            Country = r["country"],
            Variants = r.List("variants"),
            Roles = role.Length == 0 ? [] :
                [new ActorRole(role, Aliases.KeyOf(role, r["country"])!, r["from"].Length > 0 ? from.Earliest : null, hasTo ? to.Latest : null)],
            Curated = true,
        };
    }).ToList();

    // The plain form of each registry name, worked out once: a participant is compared with every name of its
    // country's registry, and the store resolves a few participants per event.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PlainNames = new(StringComparer.Ordinal);

    private static string PlainOf(string name)
    {
        if (PlainNames.TryGetValue(name, out var plain))
            return plain;
        if (PlainNames.Count > 100_000)
            PlainNames.Clear(); // a bound on a long run's memory; the forms are worked out again as needed
        return PlainNames[name] = Plain(name);
    }

    private static string Plain(string name) => RoleAliases.Normalize(name).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
