package dev.dozor.rules.engine;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.regulation.RegulationParameters;

/**
 * Derives what a fix means relative to the vehicle's previous fixes (gap, distance, implied speed)
 * and flags GPS jumps (INT-002) before the rules see it, so every other regulation can simply
 * ignore invalid fixes. Pure: state in, state out.
 */
final class PointEnricher {
  /** INT-002's id; its parameters tune the jump test. */
  static final String GPS_JUMP = "INT-002";

  private PointEnricher() {}

  /**
   * Builds the fact of a fix and moves the vehicle's track forward. The caller has checked the fix
   * is newer than the last processed one.
   */
  static VehiclePoint enrich(TelemetryPoint p, VehicleTrack track, PointContext context) {
    long fixMs = p.fixTime().toEpochMilli();
    long gapMs = track.lastFixMs == Long.MIN_VALUE ? -1 : fixMs - track.lastFixMs;
    track.lastFixMs = fixMs;
    if (!track.hasValid) {
      accept(p, fixMs, track);
      return new VehiclePoint(p, track.vehicleId, context, gapMs, 0, 0, false);
    }
    double distance = Geo.haversineM(track.validLat, track.validLon, p.lat(), p.lon());
    double implied = impliedKmh(distance, fixMs - track.validMs);
    // on the track from the start: the jump test's parameters read the vehicle's type through it
    VehiclePoint probe =
        new VehiclePoint(p, track.vehicleId, context, gapMs, distance, implied, false).track(track);
    JumpTest test = JumpTest.of(context, probe);
    if (!test.isJump(distance, implied)) {
      accept(p, fixMs, track);
      return probe;
    }
    // a jump: does it agree with the previous jump? then the vehicle may really be there
    boolean agrees =
        track.hasJump
            && !test.isJump(
                Geo.haversineM(track.jumpLat, track.jumpLon, p.lat(), p.lon()),
                impliedKmh(
                    Geo.haversineM(track.jumpLat, track.jumpLon, p.lat(), p.lon()),
                    fixMs - track.jumpMs));
    track.consistentJumps = agrees ? track.consistentJumps + 1 : 1;
    track.hasJump = true;
    track.jumpLat = p.lat();
    track.jumpLon = p.lon();
    track.jumpMs = fixMs;
    if (track.consistentJumps >= test.acceptAfter()) {
      accept(p, fixMs, track);
      return new VehiclePoint(p, track.vehicleId, context, gapMs, 0, 0, false);
    }
    return new VehiclePoint(p, track.vehicleId, context, gapMs, 0, implied, true);
  }

  private static void accept(TelemetryPoint p, long fixMs, VehicleTrack track) {
    track.hasValid = true;
    track.validLat = p.lat();
    track.validLon = p.lon();
    track.validMs = fixMs;
    track.hasJump = false;
    track.consistentJumps = 0;
  }

  private static double impliedKmh(double metres, long ms) {
    return ms <= 0 ? Double.POSITIVE_INFINITY : metres / ms * 3600.0;
  }

  /** INT-002's thresholds in force for the fix (defaults when the catalogue lacks INT-002). */
  private record JumpTest(double maxImpliedKmh, double minJumpM, int acceptAfter) {
    static JumpTest of(PointContext context, VehiclePoint p) {
      if (!context.parameters().has(GPS_JUMP)) {
        return new JumpTest(150, 200, 3);
      }
      RegulationParameters par = p.par(GPS_JUMP);
      return new JumpTest(
          par.value("maxImpliedSpeedKmh"),
          par.value("minJumpM"),
          (int) Math.round(par.value("acceptAfterFixes")));
    }

    boolean isJump(double metres, double impliedKmh) {
      return metres > minJumpM && impliedKmh > maxImpliedKmh;
    }
  }
}
