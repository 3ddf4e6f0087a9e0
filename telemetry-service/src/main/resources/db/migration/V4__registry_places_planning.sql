-- The rest of the fleet registry: contractors, zones, assignments, weather events; references from
-- vehicles to them; the service priority of road segments.

CREATE TABLE telemetry.contractors (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  inn        text,
  phone      text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- kind: work-zone, no-machinery, snow-melting-station, depot, yard, container-site
-- (dev.dozor.events.ZoneRecord.KINDS). A Polygon is stored as a one-part MultiPolygon.
CREATE TABLE telemetry.zones (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('work-zone', 'no-machinery', 'snow-melting-station',
                                            'depot', 'yard', 'container-site')),
  district_id text REFERENCES telemetry.districts (id) ON DELETE SET NULL,
  geom        public.geometry(MultiPolygon, 4326) NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zones_geom_idx ON telemetry.zones USING gist (geom);
CREATE INDEX zones_kind_idx ON telemetry.zones (kind);

-- The free-text contractor and district columns stay as labels for older clients; these are the
-- references. Deleting a referenced contractor or zone is refused (the service answers 409 first).
ALTER TABLE telemetry.vehicles
  ADD COLUMN contractor_id    text REFERENCES telemetry.contractors (id) ON DELETE RESTRICT,
  ADD COLUMN home_district_id text REFERENCES telemetry.districts (id) ON DELETE RESTRICT,
  ADD COLUMN depot_zone_id    text REFERENCES telemetry.zones (id) ON DELETE RESTRICT;
CREATE INDEX vehicles_contractor_id_idx ON telemetry.vehicles (contractor_id);

-- 1 = trunk/primary (and their links), 2 = secondary, 3 = tertiary/residential/unclassified,
-- 4 = service and everything else. Computed from category on import.
ALTER TABLE telemetry.road_segments ADD COLUMN priority integer NOT NULL DEFAULT 4;
UPDATE telemetry.road_segments SET priority = CASE
  WHEN category IN ('motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link') THEN 1
  WHEN category IN ('secondary', 'secondary_link') THEN 2
  WHEN category IN ('tertiary', 'tertiary_link', 'residential', 'unclassified', 'living_street') THEN 3
  ELSE 4 END;

-- Planned work of one vehicle in one shift [shift_start, shift_end): a work zone, a list of road
-- segments (the route corridor), or both.
CREATE TABLE telemetry.assignments (
  id          text PRIMARY KEY,
  vehicle_id  text NOT NULL REFERENCES telemetry.vehicles (id) ON DELETE RESTRICT,
  shift_start timestamptz NOT NULL,
  shift_end   timestamptz NOT NULL,
  zone_id     text REFERENCES telemetry.zones (id) ON DELETE RESTRICT,
  segment_ids text[] NOT NULL DEFAULT '{}',
  corridor_m  double precision CHECK (corridor_m IS NULL OR corridor_m > 0),
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (shift_end > shift_start),
  CHECK (zone_id IS NOT NULL OR cardinality(segment_ids) > 0)
);
CREATE INDEX assignments_vehicle_shift_idx ON telemetry.assignments (vehicle_id, shift_start);
CREATE INDEX assignments_zone_id_idx ON telemetry.assignments (zone_id);

-- "Snowfall started/ended" in a district; deadline regulations count from the end.
CREATE TABLE telemetry.weather_events (
  id          text PRIMARY KEY,
  district_id text NOT NULL REFERENCES telemetry.districts (id) ON DELETE RESTRICT,
  kind        text NOT NULL CHECK (kind IN ('snowfall-started', 'snowfall-ended')),
  at          timestamptz NOT NULL,
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX weather_events_district_at_idx ON telemetry.weather_events (district_id, at);
