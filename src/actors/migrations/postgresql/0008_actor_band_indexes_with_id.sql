-- PostgreSQL's index entries do not hold the row's id (SQLite's do: the rowid ends every index
-- entry), so a radius search read the row of every candidate of its bounding box only to learn
-- its id, and its kind when a family was asked for: 580 heap pages for a 30 km search around
-- Bordeaux, 1,056 for cooperatives around Nantes. With the id and the filtered columns in the
-- indexes, the searches are index-only scans once the visibility map is set (VACUUM, or
-- autovacuum after a large import): 1.04 -> 0.35 ms and 2.7 -> 0.4 ms for those statements
-- (bench/README.md, "Search API").
DROP INDEX actors_kind_band;
DROP INDEX actors_band;
CREATE INDEX actors_kind_band ON actors(kind, lat_band, lon, lat) INCLUDE (name_folded, naf, id);
CREATE INDEX actors_band ON actors(lat_band, lon, lat) INCLUDE (name_folded, kind, naf, id);
