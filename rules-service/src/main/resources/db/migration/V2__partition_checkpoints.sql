-- The rule state of each telemetry partition at a batch boundary, so the instance that takes a
-- partition over (after a rebalance or a crash) continues from it and re-reads only the records
-- after next_offset. One row per consumer group, topic and partition, overwritten.
CREATE TABLE rules.partition_checkpoints (
  consumer_group text        NOT NULL,
  topic          text        NOT NULL,
  partition      integer     NOT NULL,
  next_offset    bigint      NOT NULL,  -- the first record the state does not include
  vehicles       integer     NOT NULL,
  state          bytea       NOT NULL,  -- PartitionSnapshot, gzip'd Java serialization
  written_at     timestamptz NOT NULL DEFAULT now(),
  written_by     text        NOT NULL,  -- the instance
  PRIMARY KEY (consumer_group, topic, partition)
);
