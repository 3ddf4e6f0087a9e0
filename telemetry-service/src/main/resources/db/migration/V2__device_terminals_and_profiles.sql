-- Trackers that speak OsmAnd, EGTS and Wialon IPS, and device profiles that map their raw inputs
-- (din3, ain1, ...) to equipment channels.

CREATE TABLE telemetry.device_profiles (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  -- JSON array of ChannelMapping (dev.dozor.events), at most one per channel
  mappings   jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- terminal_id: what the device itself sends (OsmAnd id, EGTS TID or IMEI, Wialon IPS IMEI).
-- profile_id: a profile in use cannot be deleted (the service answers 409 before this fires).
ALTER TABLE telemetry.devices
  ADD COLUMN terminal_id text,
  ADD COLUMN profile_id  text
    CONSTRAINT devices_profile_id_fkey REFERENCES telemetry.device_profiles (id) ON DELETE RESTRICT;

CREATE UNIQUE INDEX devices_protocol_terminal_id_key
  ON telemetry.devices (protocol, terminal_id) WHERE terminal_id IS NOT NULL;
CREATE INDEX devices_profile_id_idx ON telemetry.devices (profile_id) WHERE profile_id IS NOT NULL;

-- OsmAnd and EGTS carry no secret; a Wialon IPS device without a password logs in with "NA".
ALTER TABLE telemetry.devices ALTER COLUMN token_sha256 DROP NOT NULL;
-- The gateway finds HTTP JSON devices by token hash, so those stay unique. Wialon IPS passwords are
-- checked after the IMEI lookup and may repeat (fleets often configure one password for all).
ALTER TABLE telemetry.devices DROP CONSTRAINT devices_token_sha256_key;
CREATE UNIQUE INDEX devices_http_token_sha256_key
  ON telemetry.devices (token_sha256) WHERE protocol = 'http-json';
