-- The needs observatory: intake records (personal data, read by the pole's counsellors only),
-- their codes, proposal groups, counsellors' decisions, figures, settings and calls.
-- Records and groups take their ids from needs_sequences, so that bulk imports can number
-- whole batches at once and group ids are never reused.
CREATE TABLE needs_sequences (
    name TEXT PRIMARY KEY,
    next_value INTEGER NOT NULL
);
INSERT INTO needs_sequences (name, next_value) VALUES ('record', 1), ('group', 1);
CREATE TABLE needs_records (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    interview_date TEXT,
    centre TEXT,
    counsellor TEXT,
    commune TEXT,
    person_key TEXT,
    age_band TEXT,
    situations TEXT NOT NULL DEFAULT '',
    need_text TEXT,
    need_codes TEXT NOT NULL DEFAULT '',
    proposal_text TEXT,
    coop_interest TEXT,
    sectors TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    -- need and proposal texts folded (lower case, no accents), for accent-insensitive search
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (pole_id, record_id)
);
CREATE INDEX needs_records_commune ON needs_records(pole_id, commune);
-- Every code of every record, rules, interview and corrections merged (rebuilt by each run of
-- the catalogue); `matched` holds the words the rules matched, separated by "|".
CREATE TABLE needs_codes (
    record INTEGER NOT NULL REFERENCES needs_records(id) ON DELETE CASCADE,
    pole_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    matched TEXT NOT NULL DEFAULT '',
    declared INTEGER NOT NULL DEFAULT 0,
    correction TEXT,
    effective INTEGER NOT NULL,
    PRIMARY KEY (record, kind, code)
) WITHOUT ROWID;
CREATE INDEX needs_codes_code ON needs_codes(pole_id, kind, code, effective, record);
-- Counsellors' corrections, kept apart from the rules' output so that they win over it on
-- every run.
CREATE TABLE needs_corrections (
    record INTEGER NOT NULL REFERENCES needs_records(id) ON DELETE CASCADE,
    pole_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    action TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (record, kind, code)
);
CREATE INDEX needs_corrections_pole ON needs_corrections(pole_id);
CREATE TABLE needs_groups (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    representative INTEGER NOT NULL,
    representative_text TEXT NOT NULL,
    custom_title TEXT,
    size INTEGER NOT NULL,
    manual INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX needs_groups_pole ON needs_groups(pole_id, size, id);
CREATE TABLE needs_group_members (
    group_id INTEGER NOT NULL REFERENCES needs_groups(id) ON DELETE CASCADE,
    record INTEGER NOT NULL REFERENCES needs_records(id) ON DELETE CASCADE,
    pole_id INTEGER NOT NULL,
    PRIMARY KEY (group_id, record)
) WITHOUT ROWID;
CREATE INDEX needs_group_members_record ON needs_group_members(record);
CREATE INDEX needs_group_members_pole ON needs_group_members(pole_id);
-- Merges and splits, keyed by the records' own ids (a JSON list of record_id strings).
CREATE TABLE needs_decisions (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    records TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    at TEXT NOT NULL
);
CREATE INDEX needs_decisions_pole ON needs_decisions(pole_id, id);
CREATE TABLE needs_settings (
    pole_id INTEGER PRIMARY KEY REFERENCES poles(id) ON DELETE CASCADE,
    min_cell_size INTEGER NOT NULL,
    similarity_threshold REAL NOT NULL,
    shingle_size INTEGER NOT NULL,
    hotspot_min_count INTEGER NOT NULL,
    hotspot_min_ratio REAL NOT NULL,
    updated_at TEXT NOT NULL
);
-- Figures the pole enters for the diagnostic's indicators (source "pole").
CREATE TABLE needs_figures (
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    level TEXT NOT NULL,
    territory TEXT NOT NULL,
    value REAL NOT NULL,
    source TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (pole_id, indicator, level, territory)
);
CREATE TABLE needs_runs (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    summary TEXT NOT NULL
);
CREATE INDEX needs_runs_pole ON needs_runs(pole_id, kind, id);
CREATE TABLE needs_calls (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    status TEXT NOT NULL,
    document TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX needs_calls_pole ON needs_calls(pole_id, id);
-- The need groups that justify a call, with what they were when the call was drafted (groups
-- change when proposals are rationalised again; the call keeps its evidence).
CREATE TABLE needs_call_groups (
    call_id INTEGER NOT NULL REFERENCES needs_calls(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    size INTEGER NOT NULL,
    record_ids TEXT NOT NULL,
    PRIMARY KEY (call_id, group_id)
);
CREATE INDEX needs_call_groups_group ON needs_call_groups(group_id);
