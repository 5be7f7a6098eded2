-- needs_codes keyed by code first, (pole, kind, code, record), with a secondary index by record.
-- The readers that look codes up by category (search, groups, diagnostic) read the table's own
-- B-tree, and a bulk import writes its codes in that key order (appending at each code's end)
-- and builds one integer-keyed index after, instead of sorting every row on text keys for
-- needs_codes_code (bench/needs/README.md, "Fourth session").
CREATE TABLE needs_codes_by_code (
    record INTEGER NOT NULL REFERENCES needs_records(id) ON DELETE CASCADE,
    pole_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    matched TEXT NOT NULL DEFAULT '',
    declared INTEGER NOT NULL DEFAULT 0,
    correction TEXT,
    effective INTEGER NOT NULL,
    PRIMARY KEY (pole_id, kind, code, record)
) WITHOUT ROWID;
INSERT INTO needs_codes_by_code (record, pole_id, kind, code, matched, declared, correction,
                                 effective)
SELECT record, pole_id, kind, code, matched, declared, correction, effective FROM needs_codes;
DROP TABLE needs_codes;
ALTER TABLE needs_codes_by_code RENAME TO needs_codes;
CREATE INDEX needs_codes_record ON needs_codes(record);
