package dev.dozor.simulator.protocol;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fixes of sim-plough-01 for the client tests: one every 2 s from 06:00 UTC, plough down. */
public final class TestPoints {
  public static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");

  private TestPoints() {}

  public static TelemetryPoint point(int second) {
    return TelemetryPoint.of(
        "sim-plough-01",
        "dev-sim-plough-01",
        T0.plusSeconds(second),
        null,
        55.85 + second * 1e-5,
        37.64,
        32.5,
        90.0,
        new Equipment(true, false, null, null, null, true, null));
  }

  /** {@code n} points, 2 s apart. */
  public static List<TelemetryPoint> points(int n) {
    List<TelemetryPoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(point(2 * i));
    }
    return out;
  }
}
