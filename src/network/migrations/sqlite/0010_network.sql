-- Actor-system analysis (Fiche II-1 of the COORACE manual): Grille I, Grille II, relations
-- derived from operational data, and each pole's own relation natures.

-- A pole's own relation natures, beside the shipped ones (data/network/natures.csv).
CREATE TABLE network_natures (
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    weight REAL NOT NULL,
    colour TEXT NOT NULL,
    line TEXT NOT NULL,
    abbr_fr TEXT NOT NULL,
    abbr_it TEXT NOT NULL,
    abbr_en TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_it TEXT NOT NULL,
    label_en TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (pole_id, code)
);

-- Grille I: append-only entries, each signed and dated. An actor's card for a mission and a
-- year shows the latest entry of each field, with the earlier ones behind it.
CREATE TABLE network_logic_entries (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    mission TEXT NOT NULL,
    year INTEGER NOT NULL,
    field TEXT NOT NULL,
    text TEXT NOT NULL,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX network_logic_card ON network_logic_entries(pole_id, actor_id, mission, year, id);
CREATE INDEX network_logic_scope ON network_logic_entries(pole_id, year, mission, actor_id);

-- Grille II: the current assessment of how one actor relates to another, per year and mission.
CREATE TABLE network_relations (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    mission TEXT NOT NULL,
    from_actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    to_actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    nature TEXT NOT NULL,
    object TEXT,
    intensity INTEGER NOT NULL,
    note TEXT,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (pole_id, year, mission, from_actor, to_actor)
);
CREATE INDEX network_relations_scope ON network_relations(pole_id, year, mission);

-- Every version of every relation, deletions included; it outlives the relation.
CREATE TABLE network_relation_history (
    id INTEGER PRIMARY KEY,
    relation_id INTEGER NOT NULL,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    nature TEXT NOT NULL,
    object TEXT,
    intensity INTEGER NOT NULL,
    note TEXT,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX network_relation_history_relation ON network_relation_history(pole_id, relation_id, id);

-- Relations that operational data proves (a shared employee, co-contracting, mentoring,
-- membership of the same other pole): recomputed from their sources, never edited.
CREATE TABLE network_derived_relations (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    from_actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    to_actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    nature TEXT NOT NULL,
    object TEXT,
    detail TEXT NOT NULL,
    evidence_date TEXT,
    computed_at TEXT NOT NULL
);
CREATE INDEX network_derived_scope ON network_derived_relations(pole_id, year);
