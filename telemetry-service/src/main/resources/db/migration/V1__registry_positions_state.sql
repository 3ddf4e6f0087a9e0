-- Schema of telemetry-service: fleet registry, partitioned positions, last state per vehicle.
-- PostGIS normally exists already (created by the operator); this is a no-op then.
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;

CREATE TABLE telemetry.vehicles (
  id         text PRIMARY KEY,
  plate      text NOT NULL,
  type       text NOT NULL
             CHECK (type IN ('plough', 'sweeper', 'spreader', 'flusher', 'refuse', 'loader')),
  contractor text,
  district   text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE telemetry.devices (
  id           text PRIMARY KEY,
  vehicle_id   text NOT NULL REFERENCES telemetry.vehicles (id),
  protocol     text NOT NULL DEFAULT 'http-json',
  -- the token itself is never stored, only its SHA-256 (hex)
  token_sha256 text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_vehicle_id_idx ON telemetry.devices (vehicle_id);

-- One row per fix; (vehicle_id, fix_time) is the identity that makes re-delivery harmless.
CREATE TABLE telemetry.positions (
  vehicle_id  text NOT NULL,
  fix_time    timestamptz NOT NULL,
  received_at timestamptz,
  geom        public.geometry(Point, 4326) NOT NULL,
  speed_kmh   real,
  heading_deg real,
  odometer_km double precision,
  equipment   jsonb,
  attributes  jsonb,
  PRIMARY KEY (vehicle_id, fix_time)
) PARTITION BY RANGE (fix_time);
CREATE INDEX positions_geom_idx ON telemetry.positions USING gist (geom);

-- Creates the daily partition positions_YYYYMMDD (UTC day) if it is missing; returns its name.
-- Idempotent; an advisory lock per day serialises concurrent callers.
CREATE FUNCTION telemetry.ensure_position_partition(day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  part text := 'positions_' || to_char(day, 'YYYYMMDD');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('telemetry.positions'), day - DATE '1970-01-01');
  IF to_regclass('telemetry.' || quote_ident(part)) IS NULL THEN
    EXECUTE format(
      'CREATE TABLE telemetry.%I PARTITION OF telemetry.positions FOR VALUES FROM (%L) TO (%L)',
      part, day::text || ' 00:00:00+00', (day + 1)::text || ' 00:00:00+00');
  END IF;
  RETURN part;
END;
$$;

-- Last known point per vehicle (the live board and the vehicle list read this).
CREATE TABLE telemetry.vehicle_state (
  vehicle_id  text PRIMARY KEY,
  fix_time    timestamptz NOT NULL,
  geom        public.geometry(Point, 4326) NOT NULL,
  speed_kmh   real,
  heading_deg real,
  equipment   jsonb,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
