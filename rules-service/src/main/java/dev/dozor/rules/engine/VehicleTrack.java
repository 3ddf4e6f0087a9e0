package dev.dozor.rules.engine;

/**
 * What the engine remembers of one vehicle between fixes, outside the rules: the last processed fix
 * (re-delivered or older fixes are skipped), the last valid position (GPS jumps are measured from
 * it) and the run of jumps that agree with each other (a vehicle really moved, e.g. on a trailer).
 */
final class VehicleTrack implements java.io.Serializable {
  // 2: the track carries the vehicle's id; an older checkpoint is refused (the replay window
  // restores the state instead) rather than read with a null id
  private static final long serialVersionUID = 2L;

  /**
   * The vehicle's id, one instance for all its facts: the rules join state to points by this id,
   * and two references to one string compare without reading either string.
   */
  final String vehicleId;

  long lastFixMs = Long.MIN_VALUE;
  boolean hasValid;
  double validLat;
  double validLon;
  long validMs;
  boolean hasJump;
  double jumpLat;
  double jumpLon;
  long jumpMs;
  int consistentJumps;
  long lastSeenWallMs;

  VehicleTrack(String vehicleId) {
    this.vehicleId = vehicleId;
  }

  /** A copy to enrich a fix with without changing this track. */
  VehicleTrack copy() {
    VehicleTrack c = new VehicleTrack(vehicleId);
    c.lastFixMs = lastFixMs;
    c.hasValid = hasValid;
    c.validLat = validLat;
    c.validLon = validLon;
    c.validMs = validMs;
    c.hasJump = hasJump;
    c.jumpLat = jumpLat;
    c.jumpLon = jumpLon;
    c.jumpMs = jumpMs;
    c.consistentJumps = consistentJumps;
    c.lastSeenWallMs = lastSeenWallMs;
    return c;
  }
}
