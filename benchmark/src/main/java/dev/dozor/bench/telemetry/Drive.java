package dev.dozor.bench.telemetry;

import dev.dozor.events.Equipment;
import java.time.Instant;

/** What a generated drive produces: fixes, and the segment passes the fixes imply. */
final class Drive {
  private Drive() {}

  /** Equipment of a working plough truck with the blade down. */
  static final Equipment PLOUGH_DOWN = new Equipment(true, null, null, null, null, true, null);

  /** The same truck with the blade up. */
  static final Equipment PLOUGH_UP = new Equipment(false, null, null, null, null, true, null);

  /**
   * One generated GPS fix.
   *
   * @param segmentId the road segment the vehicle is on, or null off the road graph
   */
  record Fix(
      String vehicleId,
      Instant time,
      double lon,
      double lat,
      double speedKmh,
      double headingDeg,
      double odometerKm,
      Equipment equipment,
      String segmentId) {}

  /**
   * One segment pass, as {@code telemetry.segment_passes} stores it.
   *
   * @param coveredFraction the part of the segment's length driven in this pass, 0..1
   */
  record Pass(
      String segmentId,
      String vehicleId,
      Instant startedAt,
      Instant endedAt,
      String equipment,
      double coveredFraction) {}

  /** Receives a drive's output in time order. */
  interface Sink {
    void fix(Fix fix);

    void pass(Pass pass);
  }

  /** When the blade is down and when the vehicle stands, by second since the drive started. */
  interface Plan {
    boolean ploughDown(double second);

    boolean stopped(double second);
  }
}
