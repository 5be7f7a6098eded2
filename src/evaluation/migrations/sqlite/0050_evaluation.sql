-- Evaluation: grids (the shipped ones, copied from data/evaluation/grids at start with a NULL
-- pole, and the poles' own copies), assessments with their participants, argument log and
-- answers, evidence, social-utility campaigns, pole rounds and démarches.
CREATE TABLE eval_grids (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER REFERENCES poles(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    tool TEXT NOT NULL,
    title TEXT NOT NULL,
    definition TEXT NOT NULL,
    derived_from INTEGER REFERENCES eval_grids(id) ON DELETE SET NULL,
    source_file TEXT,
    hidden INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX eval_grids_shipped ON eval_grids(code, version) WHERE pole_id IS NULL;
CREATE UNIQUE INDEX eval_grids_pole ON eval_grids(pole_id, code, version) WHERE pole_id IS NOT NULL;
CREATE TABLE eval_demarches (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX eval_demarches_pole ON eval_demarches(pole_id, name);
CREATE TABLE eval_rounds (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    grid_id INTEGER NOT NULL REFERENCES eval_grids(id),
    title TEXT NOT NULL,
    year INTEGER NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX eval_rounds_pole ON eval_rounds(pole_id, year);
CREATE TABLE eval_round_members (
    round_id INTEGER NOT NULL REFERENCES eval_rounds(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, actor_id)
);
CREATE TABLE eval_assessments (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    grid_id INTEGER NOT NULL REFERENCES eval_grids(id),
    subject_kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    stage TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    previous_id INTEGER REFERENCES eval_assessments(id) ON DELETE SET NULL,
    round_id INTEGER REFERENCES eval_rounds(id) ON DELETE SET NULL,
    notes TEXT,
    revision INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX eval_assessments_pole ON eval_assessments(pole_id, held_on);
CREATE INDEX eval_assessments_subject ON eval_assessments(pole_id, subject_kind, subject_id);
CREATE INDEX eval_assessments_round ON eval_assessments(round_id);
CREATE TABLE eval_participants (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES eval_assessments(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    role TEXT,
    position INTEGER NOT NULL
);
CREATE INDEX eval_participants_assessment ON eval_participants(assessment_id, position);
CREATE TABLE eval_arguments (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES eval_assessments(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    item_code TEXT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES eval_participants(id),
    direction INTEGER NOT NULL,
    displacement REAL NOT NULL,
    text TEXT NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    UNIQUE (assessment_id, seq)
);
CREATE TABLE eval_answers (
    assessment_id INTEGER NOT NULL REFERENCES eval_assessments(id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    value_number REAL,
    value_text TEXT,
    priority INTEGER NOT NULL DEFAULT 0,
    significant INTEGER NOT NULL DEFAULT 0,
    comment TEXT,
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_code)
);
CREATE TABLE eval_evidence (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES eval_assessments(id) ON DELETE CASCADE,
    item_code TEXT,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    happened_on TEXT,
    url TEXT,
    note TEXT,
    file_name TEXT,
    content_type TEXT,
    file_bytes INTEGER,
    content TEXT,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX eval_evidence_assessment ON eval_evidence(assessment_id, id);
CREATE TABLE eval_campaigns (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    subject_kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    year INTEGER NOT NULL,
    base_grid_id INTEGER NOT NULL REFERENCES eval_grids(id),
    grid_id INTEGER NOT NULL REFERENCES eval_grids(id),
    assessment_id INTEGER NOT NULL REFERENCES eval_assessments(id),
    previous_id INTEGER REFERENCES eval_campaigns(id) ON DELETE SET NULL,
    steps TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX eval_campaigns_pole ON eval_campaigns(pole_id, year);
