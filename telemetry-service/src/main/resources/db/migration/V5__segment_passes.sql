-- Segment passes (dozor.coverage.v1): a vehicle worked road segment S from started_at to ended_at
-- with equipment E. Partitioned by day on started_at like positions: created ahead by the partition
-- job, retention drops whole days.
--
-- pass_id is deterministic (segment, vehicle, start), so (pass_id, started_at) identifies a pass; a
-- pass can arrive several times while it grows (checkpoints, re-matching), and the store keeps the
-- latest end and the largest covered fraction (see SegmentPassRepository).
-- No foreign key to road_segments: passes may name segments of a newer import (rules-service) and
-- must outlive a re-import of a way.
CREATE TABLE telemetry.segment_passes (
  pass_id          uuid NOT NULL,
  segment_id       text NOT NULL,
  vehicle_id       text NOT NULL,
  started_at       timestamptz NOT NULL,
  ended_at         timestamptz NOT NULL,
  equipment        text NOT NULL,
  covered_fraction real NOT NULL CHECK (covered_fraction >= 0 AND covered_fraction <= 1),
  source           text NOT NULL,
  stored_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pass_id, started_at),
  CHECK (ended_at >= started_at)
) PARTITION BY RANGE (started_at);

-- The coverage query reads the passes of a set of segments in an interval; the INCLUDE columns let
-- it answer from the index alone. The vehicle index serves "what did vehicle V service".
CREATE INDEX segment_passes_segment_started_idx
  ON telemetry.segment_passes (segment_id, started_at)
  INCLUDE (ended_at, equipment, covered_fraction);
CREATE INDEX segment_passes_vehicle_started_idx
  ON telemetry.segment_passes (vehicle_id, started_at);

-- Creates the daily partition segment_passes_YYYYMMDD (UTC day) if it is missing; returns its name.
-- Idempotent; an advisory lock per day serialises concurrent callers.
CREATE FUNCTION telemetry.ensure_segment_pass_partition(day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  part text := 'segment_passes_' || to_char(day, 'YYYYMMDD');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('telemetry.segment_passes'), day - DATE '1970-01-01');
  IF to_regclass('telemetry.' || quote_ident(part)) IS NULL THEN
    EXECUTE format(
      'CREATE TABLE telemetry.%I PARTITION OF telemetry.segment_passes FOR VALUES FROM (%L) TO (%L)',
      part, day::text || ' 00:00:00+00', (day + 1)::text || ' 00:00:00+00');
  END IF;
  RETURN part;
END;
$$;
