-- Real geography: okrugs, districts (raions) and road segments, imported from GeoJSON through
-- POST /api/v1/geo/{okrugs,districts,roads}. Ids come from the source data so re-imports upsert.

-- id = OKATO code of the okrug (stable official code; ABBREV is a label).
CREATE TABLE telemetry.okrugs (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  abbrev      text NOT NULL,
  okato       text,
  geom        public.geometry(MultiPolygon, 4326) NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX okrugs_geom_idx ON telemetry.okrugs USING gist (geom);

-- id = OKTMO code of the municipal district (stable official code, unique in mo.geojson).
CREATE TABLE telemetry.districts (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  okrug_abbrev text,
  okato        text,
  oktmo        text NOT NULL,
  geom         public.geometry(MultiPolygon, 4326) NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX districts_geom_idx ON telemetry.districts USING gist (geom);

-- A road way (OSM way) split into pieces of bounded length; id = '<way_id>-<seq>', seq from 0.
-- district_id: the district containing the segment's midpoint when the way was imported.
CREATE TABLE telemetry.road_segments (
  id           text PRIMARY KEY,
  way_id       text NOT NULL,
  seq          integer NOT NULL,
  name         text,
  category     text NOT NULL,
  maxspeed_kmh integer,
  district_id  text,
  length_m     double precision NOT NULL,
  geom         public.geometry(LineString, 4326) NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (way_id, seq)
);
CREATE INDEX road_segments_geom_idx ON telemetry.road_segments USING gist (geom);
CREATE INDEX road_segments_district_id_idx ON telemetry.road_segments (district_id);
