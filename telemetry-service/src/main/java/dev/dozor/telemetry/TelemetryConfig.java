package dev.dozor.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of telemetry-service ({@code dozor.telemetry.*}). */
@ConfigMapping(prefix = "dozor.telemetry")
public interface TelemetryConfig {

  /** Daily partitions of {@code telemetry.positions}. */
  Partitions partitions();

  /** Telemetry consumer. */
  Consumer consumer();

  /** Track endpoint. */
  Track track();

  /** Registry topic projection. */
  Registry registry();

  /** Geography import (districts, roads). */
  Geo geo();

  /** Daily partitions of {@code telemetry.positions}. */
  interface Partitions {
    /** Days after today for which the partition job creates partitions in advance. */
    @WithDefault("7")
    int daysAhead();

    /** Days before today the partition job also makes sure exist (1 = yesterday). */
    @WithDefault("1")
    int daysBehind();

    /** How often the partition job runs (it also runs at start-up). */
    @WithDefault("1h")
    String every();

    /**
     * Retention: a daily partition is dropped once its whole day is more than this many days before
     * today (UTC); 0 keeps everything. Rows are never deleted one by one.
     */
    @WithDefault("400")
    int retentionDays();
  }

  /** Telemetry consumer. */
  interface Consumer {
    /** Interval of the progress log line (points stored, duplicates skipped). */
    @WithDefault("30s")
    String progressEvery();

    /**
     * Connections one batch is written on at the same time: the batch is split by vehicle into this
     * many slices, each in its own transaction (the batch is acknowledged after all committed). One
     * insert stream leaves PostgreSQL waiting on the service and the network; two keep it busy.
     */
    @WithDefault("2")
    int writeConnections();
  }

  /** Track endpoint. */
  interface Track {
    /** Longest interval one track request may cover. */
    @WithDefault("P7D")
    Duration maxInterval();
  }

  /** Registry topic projection. */
  interface Registry {
    /** Whether every vehicle and device is re-published to the registry topic at start-up. */
    @WithDefault("true")
    boolean republishOnStart();

    /** Upper bound on the start-up re-publication before it is reported as failed. */
    @WithDefault("60s")
    Duration republishTimeout();
  }

  /** Geography import (districts, roads). */
  interface Geo {
    /** Longest road segment in metres (on the ellipsoid); longer ways are split evenly. */
    @WithDefault("200")
    double maxSegmentLength();

    /** Features written per SQL statement during an import (bounds statement size). */
    @WithDefault("500")
    int chunkSize();
  }
}
