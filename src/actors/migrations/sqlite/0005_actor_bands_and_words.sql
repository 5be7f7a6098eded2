-- Radius searches read latitude bands of 0.1 degree (about 11 km), each for a longitude range,
-- so that the index entries read are those of the bounding box rather than of a whole
-- latitude strip across the country. The indexes also hold the folded name, so that a text
-- filter is tested on the index entry, without reading the row. The application writes
-- lat_band = floor(lat * 10) with every actor (src/actors/actor_store.cpp).
ALTER TABLE actors ADD COLUMN lat_band INTEGER;
UPDATE actors SET lat_band = CAST(lat * 10 AS INTEGER) - (lat * 10 < CAST(lat * 10 AS INTEGER))
    WHERE lat IS NOT NULL;
DROP INDEX actors_kind_geo;
DROP INDEX actors_geo;
CREATE INDEX actors_kind_band ON actors(kind, lat_band, lon, lat, name_folded);
CREATE INDEX actors_band ON actors(lat_band, lon, lat, name_folded);
-- Name words keyed by (word, actor_id) alone: a rowid table kept a third B-tree per word
-- for bulk imports to write.
CREATE TABLE actor_words_keyed (
    word TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    PRIMARY KEY (word, actor_id)
) WITHOUT ROWID;
INSERT INTO actor_words_keyed (word, actor_id) SELECT word, actor_id FROM actor_words;
DROP TABLE actor_words;
ALTER TABLE actor_words_keyed RENAME TO actor_words;
CREATE INDEX actor_words_actor ON actor_words(actor_id);
