-- Project pathways (docs/pathways.md). Every row carries its pole; templates with no pole
-- are the shipped ones (data/pathways/templates), recorded at each version in use.
CREATE TABLE pathway_templates (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER REFERENCES poles(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    model TEXT NOT NULL,
    based_on TEXT,
    document TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX pathway_templates_version ON pathway_templates((COALESCE(pole_id, 0)), code, version);
CREATE TABLE pathway_projects (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    title_folded TEXT NOT NULL,
    summary TEXT,
    commune TEXT,
    naf TEXT,
    sector TEXT,
    legal_form TEXT,
    origin_kind TEXT NOT NULL,
    origin_ref INTEGER,
    origin_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    origin_note TEXT,
    template_id INTEGER NOT NULL REFERENCES pathway_templates(id),
    model TEXT NOT NULL,
    step TEXT NOT NULL,
    stage TEXT NOT NULL,
    status TEXT NOT NULL,
    step_entered_on TEXT NOT NULL,
    step_entered_day INTEGER NOT NULL,
    step_due_on TEXT,
    started_on TEXT NOT NULL,
    created_on TEXT,
    ceased_on TEXT,
    closed_on TEXT,
    actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Covering indexes for the portfolio dashboard's aggregates (one per GROUP BY).
CREATE INDEX pathway_projects_board ON pathway_projects(pole_id, model, stage, step, status);
CREATE INDEX pathway_projects_current ON pathway_projects(pole_id, status, model, stage, step_entered_day);
CREATE INDEX pathway_projects_created ON pathway_projects(pole_id, created_on, ceased_on);
CREATE INDEX pathway_projects_started ON pathway_projects(pole_id, started_on);
CREATE INDEX pathway_projects_closed ON pathway_projects(pole_id, closed_on, status);
CREATE INDEX pathway_projects_due ON pathway_projects(pole_id, status, step_due_on);
-- The kanban: one column (stage, status), longest in the step first.
CREATE INDEX pathway_projects_kanban ON pathway_projects(pole_id, stage, status, step_entered_day);
CREATE INDEX pathway_projects_title ON pathway_projects(pole_id, title_folded, id);
CREATE INDEX pathway_projects_actor ON pathway_projects(actor_id);
-- Promoters are personal data: read through pathways.promoters.read, each read logged.
CREATE TABLE pathway_promoters (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    pseudonymous INTEGER NOT NULL,
    role TEXT,
    under_30 INTEGER,
    contact TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX pathway_promoters_project ON pathway_promoters(project_id);
-- The transition log: who moved which project from where to where, when and why.
CREATE TABLE pathway_transitions (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    on_date TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    model TEXT NOT NULL,
    from_step TEXT NOT NULL,
    from_stage TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_step TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    to_status TEXT NOT NULL,
    leaves_step INTEGER NOT NULL,
    days_in_step INTEGER NOT NULL,
    note TEXT
);
CREATE INDEX pathway_transitions_project ON pathway_transitions(project_id, id);
CREATE INDEX pathway_transitions_stays ON pathway_transitions(pole_id, leaves_step, model, from_stage, days_in_step);
CREATE TABLE pathway_deliverables (
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    code TEXT NOT NULL,
    done_on TEXT NOT NULL,
    note TEXT,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (project_id, step, code)
);
CREATE TABLE pathway_mentors (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    commune TEXT,
    lat REAL,
    lon REAL,
    capacity INTEGER NOT NULL,
    experience_years INTEGER,
    active INTEGER NOT NULL,
    bio TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX pathway_mentors_routing ON pathway_mentors(pole_id, kind, active);
CREATE INDEX pathway_mentors_name ON pathway_mentors(pole_id, name_folded, id);
CREATE TABLE pathway_mentor_subjects (
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES pathway_mentors(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    family TEXT NOT NULL,
    PRIMARY KEY (mentor_id, subject)
);
CREATE INDEX pathway_mentor_subjects_family ON pathway_mentor_subjects(pole_id, family, mentor_id, subject);
CREATE TABLE pathway_mentor_sectors (
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES pathway_mentors(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    PRIMARY KEY (mentor_id, section)
);
CREATE INDEX pathway_mentor_sectors_section ON pathway_mentor_sectors(pole_id, section, mentor_id);
-- Confirmed pairings: a mentor or expert, or a tutor cooperative of the directory.
CREATE TABLE pathway_mentorships (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    mentor_id INTEGER REFERENCES pathway_mentors(id),
    tutor_actor_id INTEGER REFERENCES actors(id) ON DELETE CASCADE,
    objectives TEXT NOT NULL,
    started_on TEXT NOT NULL,
    ended_on TEXT,
    status TEXT NOT NULL,
    factors TEXT,
    confirmed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX pathway_mentorships_mentor ON pathway_mentorships(pole_id, status, mentor_id);
CREATE INDEX pathway_mentorships_tutor ON pathway_mentorships(pole_id, status, tutor_actor_id);
CREATE INDEX pathway_mentorships_project ON pathway_mentorships(project_id);
CREATE INDEX pathway_mentorships_mentor_projects ON pathway_mentorships(mentor_id, project_id);
CREATE TABLE pathway_actions (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    on_date TEXT NOT NULL,
    minutes INTEGER,
    subject TEXT,
    need TEXT,
    outcome TEXT,
    step TEXT NOT NULL,
    mentorship_id INTEGER REFERENCES pathway_mentorships(id) ON DELETE SET NULL,
    mentor_id INTEGER REFERENCES pathway_mentors(id) ON DELETE SET NULL,
    funder_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    funder_name TEXT,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX pathway_actions_project ON pathway_actions(project_id, on_date);
CREATE INDEX pathway_actions_mentorship ON pathway_actions(mentorship_id);
CREATE TABLE pathway_visits (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    done_on TEXT,
    origin TEXT NOT NULL,
    note TEXT,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX pathway_visits_project ON pathway_visits(project_id, due_on);
CREATE INDEX pathway_visits_open ON pathway_visits(pole_id, due_on) WHERE done_on IS NULL;
CREATE TABLE pathway_test_contracts (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    host_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL,
    followup_end_on TEXT,
    ended_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX pathway_test_contracts_project ON pathway_test_contracts(project_id);
CREATE INDEX pathway_test_contracts_open ON pathway_test_contracts(pole_id, end_on) WHERE ended_on IS NULL;
CREATE TABLE pathway_jobs (
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES pathway_projects(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    jobs INTEGER NOT NULL,
    fte REAL,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (project_id, year)
);
CREATE INDEX pathway_jobs_year ON pathway_jobs(pole_id, year, jobs, fte);
