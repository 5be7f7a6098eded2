-- Covering indexes for searches at scale: a radius search reads id, lat and lon from the index
-- alone, and a text filter in a radius search probes one actor's words.
DROP INDEX actors_kind_lat;
DROP INDEX actors_lat;
DROP INDEX actor_words_actor;
CREATE INDEX actors_kind_geo ON actors(kind, lat, lon);
CREATE INDEX actors_geo ON actors(lat, lon);
CREATE INDEX actor_words_actor ON actor_words(actor_id, word);
