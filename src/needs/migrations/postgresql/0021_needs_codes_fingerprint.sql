-- A fingerprint of each record's merged codes (kind, code, matched words, declared,
-- correction), written with the codes, so that the catalogue rewrites only the records whose
-- codes the rules now give differently (bench/needs/README.md); 0 means "not known yet".
ALTER TABLE needs_records ADD COLUMN codes_fingerprint BIGINT NOT NULL DEFAULT 0;
