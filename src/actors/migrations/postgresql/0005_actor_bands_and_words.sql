-- Radius searches read latitude bands of 0.1 degree (about 11 km), each for a longitude range,
-- so that the index entries read are those of the bounding box rather than of a whole
-- latitude strip across the country. The indexes also hold the folded name, so that a text
-- filter is tested on the index entry, without reading the row. The application writes
-- lat_band = floor(lat * 10) with every actor (src/actors/actor_store.cpp).
-- (actor_words is already keyed by (word, actor_id) here; SQLite's version of this migration
-- rebuilds it WITHOUT ROWID.)
ALTER TABLE actors ADD COLUMN lat_band BIGINT;
UPDATE actors SET lat_band = floor(lat * 10) WHERE lat IS NOT NULL;
DROP INDEX actors_kind_geo;
DROP INDEX actors_geo;
CREATE INDEX actors_kind_band ON actors(kind, lat_band, lon, lat, name_folded);
CREATE INDEX actors_band ON actors(lat_band, lon, lat, name_folded);
