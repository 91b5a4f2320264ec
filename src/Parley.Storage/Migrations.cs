namespace Parley.Storage;

/// <summary>
/// The schema, as numbered migrations applied in order when a store opens. A migration, once
/// released, never changes: a new version adds a new entry. Each runs in its own transaction together
/// with the row that records it in <c>schema_version</c>.
/// </summary>
internal static class Migrations
{
    public static readonly (int Version, string Description, string Sql)[] All =
    [
        (1, "documents, events, sources, evidence, participants, actors, links, full-text index", """
            CREATE TABLE documents (
                id          INTEGER PRIMARY KEY,
                doc         TEXT NOT NULL,              -- the document id (file name, JSONL id, feed guid)
                origin      TEXT,                       -- where it was read from
                hash        TEXT NOT NULL UNIQUE,       -- SHA-256 of the original text, hex
                url         TEXT,
                outlet      TEXT,
                headline    TEXT,
                published   TEXT,                       -- YYYY-MM-DD, YYYY-MM or YYYY
                kind        TEXT NOT NULL,
                original    TEXT NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE INDEX documents_doc ON documents(doc);

            -- One consolidated contact. `json` is the resolved event in the SCHEMA.md line format.
            CREATE TABLE events (
                id           INTEGER PRIMARY KEY,
                status       TEXT NOT NULL,
                mode         TEXT NOT NULL,
                date         TEXT,
                day          INTEGER NOT NULL,          -- first day of the date, else of the first source's publication (DateOnly.DayNumber)
                day_last     INTEGER NOT NULL,
                win_lo       INTEGER,                   -- the days the contact can have taken place in (for matching)
                win_hi       INTEGER,
                city         TEXT,
                loc_country  TEXT,
                countries    TEXT NOT NULL,             -- '|CHN|KOR|'
                source_count INTEGER NOT NULL,
                json         TEXT NOT NULL,
                disagreements TEXT
            );
            CREATE INDEX events_day ON events(day);

            -- Every unordered pair of participant countries (a < b): the index behind "contacts between A and B".
            CREATE TABLE event_pairs (
                a TEXT NOT NULL, b TEXT NOT NULL, day INTEGER NOT NULL, event_id INTEGER NOT NULL,
                PRIMARY KEY (a, b, day, event_id)
            ) WITHOUT ROWID;

            CREATE TABLE event_countries (
                country TEXT NOT NULL, day INTEGER NOT NULL, event_id INTEGER NOT NULL, n INTEGER NOT NULL,
                PRIMARY KEY (country, day, event_id)
            ) WITHOUT ROWID;
            CREATE INDEX event_countries_event ON event_countries(event_id);

            -- A document's report of an event. `report` is the event as that document told it
            -- (SCHEMA.md line); NULL means "identical to events.json" (a single-source event).
            CREATE TABLE sources (
                id          INTEGER PRIMARY KEY,
                event_id    INTEGER NOT NULL REFERENCES events(id),
                document_id INTEGER NOT NULL REFERENCES documents(id),
                date        TEXT,
                mode        TEXT NOT NULL,
                report      TEXT
            );
            CREATE INDEX sources_event ON sources(event_id);
            CREATE INDEX sources_document ON sources(document_id);

            CREATE TABLE evidence (
                id          INTEGER PRIMARY KEY,
                source_id   INTEGER NOT NULL REFERENCES sources(id),
                event_id    INTEGER NOT NULL,
                start       INTEGER NOT NULL,           -- offsets in documents.original, half-open
                end         INTEGER NOT NULL,
                text        TEXT NOT NULL
            );
            CREATE INDEX evidence_event ON evidence(event_id);

            CREATE TABLE actors (
                id      INTEGER PRIMARY KEY,
                name    TEXT NOT NULL,
                country TEXT NOT NULL,
                curated INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX actors_country ON actors(country);
            CREATE TABLE actor_names (
                actor_id INTEGER NOT NULL REFERENCES actors(id), name TEXT NOT NULL,
                PRIMARY KEY (actor_id, name)
            ) WITHOUT ROWID;
            CREATE TABLE actor_roles (
                actor_id INTEGER NOT NULL REFERENCES actors(id), key TEXT NOT NULL, role TEXT NOT NULL,
                first_day INTEGER, last_day INTEGER,
                PRIMARY KEY (actor_id, key, role)
            ) WITHOUT ROWID;

            CREATE TABLE participants (
                id       INTEGER PRIMARY KEY,
                event_id INTEGER NOT NULL REFERENCES events(id),
                actor_id INTEGER REFERENCES actors(id),
                name     TEXT,
                country  TEXT NOT NULL,
                role     TEXT
            );
            CREATE INDEX participants_event ON participants(event_id);

            -- Every actor any source of an event refers to (also unnamed references resolved by role).
            CREATE TABLE event_actors (
                actor_id INTEGER NOT NULL, day INTEGER NOT NULL, event_id INTEGER NOT NULL,
                PRIMARY KEY (actor_id, day, event_id)
            ) WITHOUT ROWID;
            CREATE INDEX event_actors_event ON event_actors(event_id, actor_id);

            -- A planned contact and the occurred one that fulfils it.
            CREATE TABLE event_links (
                planned_id  INTEGER NOT NULL REFERENCES events(id),
                occurred_id INTEGER NOT NULL REFERENCES events(id),
                kind        TEXT NOT NULL DEFAULT 'fulfils',
                PRIMARY KEY (planned_id, occurred_id)
            ) WITHOUT ROWID;
            CREATE INDEX event_links_occurred ON event_links(occurred_id);

            -- Full text over evidence and participant names; rowid = events.id.
            CREATE VIRTUAL TABLE event_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
            """),
        // Re-indexing an event (a new source joined it) deletes its pairs by event id: without this index each
        // delete read the whole table, so ingesting grew slower with every event stored.
        (2, "index of country pairs by event", """
            CREATE INDEX event_pairs_event ON event_pairs(event_id);
            """),
    ];
}
