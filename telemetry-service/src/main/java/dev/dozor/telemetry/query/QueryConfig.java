package dev.dozor.telemetry.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of the position queries ({@code dozor.queries.*}). */
@ConfigMapping(prefix = "dozor.queries")
public interface QueryConfig {

  /** Track of one vehicle. */
  Track track();

  /** Fleet snapshot at a time. */
  Snapshot snapshot();

  /** Who was inside a zone. */
  ZoneVisits zoneVisits();

  /** Mileage per vehicle. */
  Mileage mileage();

  /** Streamed export of stored points (read by the what-if replay of rules-service). */
  Export export();

  /** Track of one vehicle (the longest interval is dozor.telemetry.track.max-interval). */
  interface Track {
    /** Intervals up to this long are returned unsimplified unless a tolerance is given. */
    @WithDefault("PT1H")
    Duration simplifyAfter();

    /** Douglas–Peucker tolerance in metres for longer intervals when none is given. */
    @WithDefault("5")
    double defaultToleranceM();

    /** Largest tolerance in metres a request may ask for. */
    @WithDefault("1000")
    double maxToleranceM();

    /** Shortest stop reported, in minutes, when the request gives none. */
    @WithDefault("5")
    int stopMinutes();

    /** Longest stop threshold a request may ask for, in minutes. */
    @WithDefault("1440")
    int maxStopMinutes();

    /** A stop is a period in which every fix stays within this many metres of its first fix. */
    @WithDefault("30")
    double stopRadiusM();
  }

  /** Fleet snapshot at a time. */
  interface Snapshot {
    /** Fixes older than this before the snapshot time are not shown, unless maxAge is given. */
    @WithDefault("PT24H")
    Duration defaultMaxAge();

    /** Largest maxAge a request may ask for. */
    @WithDefault("P31D")
    Duration maxMaxAge();
  }

  /** Who was inside a zone. */
  interface ZoneVisits {
    /** Longest interval one request may cover. */
    @WithDefault("P7D")
    Duration maxInterval();

    /** A gap between two fixes longer than this ends a visit even when both are inside. */
    @WithDefault("PT10M")
    Duration maxGap();
  }

  /** Mileage per vehicle. */
  interface Mileage {
    /** Longest interval one request may cover. */
    @WithDefault("P31D")
    Duration maxInterval();

    /** A step implying a higher speed than this is a position jump and is not counted. */
    @WithDefault("200")
    double maxSpeedKmh();
  }

  /** Streamed export of stored points (package export). */
  interface Export {
    /** Longest interval one export may cover. */
    @WithDefault("P31D")
    Duration maxInterval();

    /** Rows the JDBC cursor fetches per round trip: what bounds the memory of one export. */
    @WithDefault("5000")
    int fetchSize();

    /**
     * Exports streaming at the same time; one more is refused with 503. Each holds one JDBC
     * connection while it streams, so {@code quarkus.datasource.jdbc.max-size} must be larger.
     */
    @WithDefault("2")
    int maxConcurrent();
  }
}
