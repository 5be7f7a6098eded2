-- Shared-time employment (docs/sharedjobs.md): employer groups of a pole (GE or GEIQ actors),
-- their member firms, the members' needs, the group's workers (personal data: read under
-- sharedjobs.workers.read, access logged), composed plans and the hours ledger.
CREATE TABLE sj_groups (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    coefficient REAL NOT NULL,
    default_rate REAL NOT NULL,
    horizon_start TEXT NOT NULL,
    horizon_end TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (pole_id, actor_id)
);
CREATE TABLE sj_members (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES sj_groups(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    hourly_rate REAL,
    created_at TEXT NOT NULL,
    UNIQUE (group_id, actor_id)
);
CREATE TABLE sj_needs (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES sj_groups(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES sj_members(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    occupation TEXT NOT NULL,
    weekly_minutes INTEGER NOT NULL,
    windows TEXT NOT NULL,
    commune TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    splittable INTEGER NOT NULL,
    skills TEXT NOT NULL,
    agreement TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sj_needs_group ON sj_needs(group_id, id);
CREATE TABLE sj_workers (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES sj_groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    skills TEXT NOT NULL,
    availability TEXT NOT NULL,
    home_commune TEXT NOT NULL,
    target_minutes INTEGER NOT NULL,
    min_minutes INTEGER NOT NULL,
    max_travel_minutes INTEGER NOT NULL,
    max_employers INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sj_workers_group ON sj_workers(group_id, id);
-- A composed plan keeps its whole result (without worker names) and, for queries, one row per
-- assignment. The group's current plan is the one timetables, billing and the ledger read.
CREATE TABLE sj_plans (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES sj_groups(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    created_by INTEGER,
    engine TEXT NOT NULL,
    seconds REAL NOT NULL,
    value INTEGER NOT NULL,
    bound REAL NOT NULL,
    gap REAL NOT NULL,
    proven INTEGER NOT NULL,
    jobs INTEGER NOT NULL,
    unmet INTEGER NOT NULL,
    is_current INTEGER NOT NULL,
    result TEXT NOT NULL
);
CREATE INDEX sj_plans_group ON sj_plans(group_id, id);
CREATE TABLE sj_assignments (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    plan_id INTEGER NOT NULL REFERENCES sj_plans(id) ON DELETE CASCADE,
    worker_id INTEGER,
    need_id INTEGER,
    member_id INTEGER,
    day INTEGER NOT NULL,
    start_minute INTEGER NOT NULL,
    end_minute INTEGER NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL
);
CREATE INDEX sj_assignments_plan ON sj_assignments(plan_id, worker_id);
-- Realised hours per worker, member and month, against the current plan's planned hours.
CREATE TABLE sj_ledger (
    id INTEGER PRIMARY KEY,
    pole_id INTEGER NOT NULL REFERENCES poles(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES sj_groups(id) ON DELETE CASCADE,
    worker_id INTEGER NOT NULL REFERENCES sj_workers(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES sj_members(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    realised_minutes INTEGER NOT NULL,
    note TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER,
    UNIQUE (worker_id, member_id, month)
);
CREATE INDEX sj_ledger_group ON sj_ledger(group_id, month);
