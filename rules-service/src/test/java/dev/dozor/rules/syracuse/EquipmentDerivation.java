package dev.dozor.rules.syracuse;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.replay.ReplayPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the equipment channels a recorded AVL trace lacks (the Syracuse trace has positions,
 * times and the odometer only), pure. Works on one vehicle's fixes in time order, with the whole
 * track at hand (a recording can look ahead; a live feed could not).
 *
 * <ul>
 *   <li><b>moving</b>: speed (from the previous fix) at least {@code moveKmh}.
 *   <li><b>tracker asleep</b>: a silence longer than {@code sleepGap} after which the vehicle is
 *       within {@code sleepMaxMoveM} of where it was. AVL units report on a timer while the engine
 *       runs and go quiet when it is switched off, so such a silence is read as "engine off": the
 *       fix before it is the switch-off fix. The vehicle's last fix in the recording counts the
 *       same (its data ends).
 *   <li><b>ignition</b>: on when a moving fix lies within {@code ignitionAround} (before or after)
 *       without a tracker-asleep silence in between, and the fix is not a switch-off fix; else off.
 *   <li><b>plough</b>: down while the ignition is on and the speed is within {@code ploughMinKmh}..
 *       {@code ploughMaxKmh} (the band {@code dozor-simulator replay} uses), up otherwise.
 *   <li>brush, spreader, spread rate, body tip, PTO: not reported (null).
 * </ul>
 */
final class EquipmentDerivation {

  /**
   * The derivation's thresholds.
   *
   * @param moveKmh a fix at this speed or faster is moving
   * @param ploughMinKmh lowest ploughing speed (inclusive)
   * @param ploughMaxKmh highest ploughing speed (inclusive)
   * @param ignitionAround a standing fix this close (fix time) to a moving fix has the engine on
   * @param sleepGap a silence longer than this without moving means the engine was switched off
   * @param sleepMaxMoveM "without moving": at most this far apart across the silence
   */
  record Settings(
      double moveKmh,
      double ploughMinKmh,
      double ploughMaxKmh,
      Duration ignitionAround,
      Duration sleepGap,
      double sleepMaxMoveM) {}

  /** The derivation documented in docs/syracuse-trace.md. */
  static final Settings DEFAULT =
      new Settings(
          5,
          ReplayPlan.PLOUGH_MIN_KMH,
          ReplayPlan.PLOUGH_MAX_KMH,
          Duration.ofMinutes(10),
          Duration.ofMinutes(5),
          50);

  private EquipmentDerivation() {}

  /**
   * The same fixes with derived equipment.
   *
   * @param inOrder one vehicle's fixes, strictly increasing fix time
   */
  static List<TelemetryPoint> derive(List<TelemetryPoint> inOrder, Settings s) {
    int n = inOrder.size();
    long aroundMs = s.ignitionAround().toMillis();
    long sleepMs = s.sleepGap().toMillis();
    boolean[] switchOff = new boolean[n];
    boolean[] moving = new boolean[n];
    for (int i = 0; i < n; i++) {
      moving[i] = inOrder.get(i).speedKmh() >= s.moveKmh();
      switchOff[i] = i == n - 1 || asleepBetween(inOrder.get(i), inOrder.get(i + 1), s, sleepMs);
    }
    // the latest moving fix at or before i, and the next at or after i, within i's powered run
    long[] lastMoving = new long[n];
    long[] nextMoving = new long[n];
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (i > 0 && switchOff[i - 1]) {
        last = Long.MIN_VALUE; // a new run after the engine was off
      }
      if (moving[i]) {
        last = ms(inOrder.get(i));
      }
      lastMoving[i] = last;
    }
    long next = Long.MAX_VALUE;
    for (int i = n - 1; i >= 0; i--) {
      if (switchOff[i]) {
        next = Long.MAX_VALUE; // nothing after the switch-off belongs to this run
      }
      if (moving[i]) {
        next = ms(inOrder.get(i));
      }
      nextMoving[i] = next;
    }
    List<TelemetryPoint> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TelemetryPoint p = inOrder.get(i);
      long t = ms(p);
      boolean ignition =
          !switchOff[i]
              && ((lastMoving[i] != Long.MIN_VALUE && t - lastMoving[i] <= aroundMs)
                  || (nextMoving[i] != Long.MAX_VALUE && nextMoving[i] - t <= aroundMs));
      boolean plough =
          ignition && p.speedKmh() >= s.ploughMinKmh() && p.speedKmh() <= s.ploughMaxKmh();
      result.add(
          new TelemetryPoint(
              p.schemaVersion(),
              p.vehicleId(),
              p.deviceId(),
              p.fixTime(),
              p.receivedAt(),
              p.lat(),
              p.lon(),
              p.speedKmh(),
              p.headingDeg(),
              p.odometerKm(),
              new Equipment(plough, null, null, null, null, ignition, null),
              p.attributes()));
    }
    return result;
  }

  private static boolean asleepBetween(
      TelemetryPoint a, TelemetryPoint b, Settings s, long sleepMs) {
    return ms(b) - ms(a) > sleepMs
        && dev.dozor.rules.engine.Geo.haversineM(a.lat(), a.lon(), b.lat(), b.lon())
            <= s.sleepMaxMoveM();
  }

  private static long ms(TelemetryPoint p) {
    return p.fixTime().toEpochMilli();
  }
}
