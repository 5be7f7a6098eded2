-- needs_codes keyed by code first, (pole, kind, code, record), with a secondary index by record,
-- as on SQLite (where the bulk import writes its codes in that key order); the same two
-- B-trees as before, the category lookups served by the primary key.
ALTER TABLE needs_codes DROP CONSTRAINT needs_codes_pkey;
ALTER TABLE needs_codes ADD PRIMARY KEY (pole_id, kind, code, record);
DROP INDEX needs_codes_code;
CREATE INDEX needs_codes_record ON needs_codes(record);
