-- The shared directory of organisations. Contacts (people) belong to the pole that
-- recorded them; actors are shared and linked to poles through actor_poles.
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    kind TEXT NOT NULL,
    legal_form TEXT,
    is_public INTEGER,
    siren TEXT,
    siret TEXT UNIQUE,
    rna TEXT UNIQUE,
    it_tax_code TEXT UNIQUE,
    level TEXT,
    nature TEXT,
    naf TEXT,
    commune TEXT,
    lat REAL,
    lon REAL,
    address TEXT,
    headcount INTEGER,
    fte REAL,
    website TEXT,
    email TEXT,
    phone TEXT,
    description TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX actors_name ON actors(name_folded, id);
CREATE INDEX actors_kind_lat ON actors(kind, lat);
CREATE INDEX actors_lat ON actors(lat);
CREATE INDEX actors_naf ON actors(naf);
CREATE INDEX actors_commune ON actors(commune);
CREATE INDEX actors_siren ON actors(siren);
CREATE TABLE actor_poles (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    PRIMARY KEY (actor_id, pole_id)
);
CREATE INDEX actor_poles_pole ON actor_poles(pole_id, actor_id);
-- Folded name words, for accent-insensitive prefix search on both backends.
CREATE TABLE actor_words (
    word TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    PRIMARY KEY (word, actor_id)
);
CREATE INDEX actor_words_actor ON actor_words(actor_id);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    function TEXT,
    email TEXT,
    phone TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX contacts_actor ON contacts(pole_id, actor_id);
