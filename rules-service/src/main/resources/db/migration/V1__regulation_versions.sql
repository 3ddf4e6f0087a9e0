-- Schema of rules-service: every version of every regulation, which one is active, and who
-- activated what, when and why. The engine runs the active set; a new version is compiled before
-- it is stored, and the previous one stays for roll-back.

CREATE TABLE rules.regulation_versions (
  regulation_id text        NOT NULL,
  version       integer     NOT NULL CHECK (version >= 1),
  metadata      jsonb       NOT NULL,  -- the regulation's JSON: titles, severity, parameters, overrides
  drl           text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    text        NOT NULL,
  comment       text,
  PRIMARY KEY (regulation_id, version)
);

CREATE TABLE rules.active_versions (
  regulation_id text        PRIMARY KEY,
  version       integer     NOT NULL,
  activated_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (regulation_id, version) REFERENCES rules.regulation_versions (regulation_id, version)
);

-- the audit trail: one row per activation or roll-back, never updated
CREATE TABLE rules.activations (
  id               bigserial   PRIMARY KEY,
  regulation_id    text        NOT NULL,
  version          integer     NOT NULL,
  previous_version integer,
  action           text        NOT NULL CHECK (action IN ('activate', 'rollback', 'shipped')),
  activated_at     timestamptz NOT NULL DEFAULT now(),
  activated_by     text        NOT NULL,
  reason           text        NOT NULL,
  FOREIGN KEY (regulation_id, version) REFERENCES rules.regulation_versions (regulation_id, version)
);
CREATE INDEX activations_regulation_idx ON rules.activations (regulation_id, id DESC);
