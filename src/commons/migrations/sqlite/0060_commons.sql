-- Collective tender responses (docs/commons.md): a public tender the pole's actors answer
-- together, its lots, the consortium and the social-clause insertion hours realised.
CREATE TABLE commons_tenders (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    buyer_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    buyer_name TEXT,
    title TEXT NOT NULL,
    title_folded TEXT NOT NULL,
    reference TEXT,
    procedure_kind TEXT,
    published_on TEXT,
    deadline_on TEXT,
    estimated_amount REAL,
    status TEXT NOT NULL,
    awarded_on TEXT,
    contract_start TEXT,
    contract_end TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX commons_tenders_pole ON commons_tenders(pole_id, status, deadline_on);
CREATE TABLE commons_lots (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    tender_id INTEGER NOT NULL REFERENCES commons_tenders(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    insertion_hours_required REAL NOT NULL,
    UNIQUE (tender_id, number)
);
CREATE TABLE commons_members (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    tender_id INTEGER NOT NULL REFERENCES commons_tenders(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    lots TEXT NOT NULL,
    share_percent REAL,
    insertion_hours_committed REAL NOT NULL,
    UNIQUE (tender_id, actor_id)
);
CREATE INDEX commons_members_pole ON commons_members(pole_id, tender_id);
CREATE TABLE commons_realised_hours (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES commons_members(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    hours REAL NOT NULL,
    note TEXT,
    UNIQUE (member_id, period)
);
