package dev.dozor.simulator.fault;

import java.util.Locale;

/**
 * Faults the simulator can inject. Each names the regulation whose condition the injected episode
 * satisfies, or none for a delivery fault (the data are correct, only their delivery is not).
 */
public enum FaultType {
  /** SPD-001: plough down at 55–65 km/h for 75–150 s. Ploughs only. */
  OVERSPEED_PLOUGH("overspeed-plough", "overspeed", "SPD-001"),
  /** EQP-003: spreader on while standing (0 km/h) for 90–150 s. Spreaders only. */
  SPREADING_STANDING("spreading-standing", "spreading-standing", "EQP-003"),
  /** GEO-001: leaves the assigned route by more than 50 m for at least 2 fixes and 200 m. */
  ROUTE_DEVIATION("route-deviation", "deviation", "GEO-001"),
  /** INT-001: the tracker sends no fix for 6–10 min while the vehicle works on. */
  TELEMETRY_GAP("telemetry-gap", "gaps", "INT-001"),
  /** INT-002: one fix displaced by at least 2 km (implied speed far above 150 km/h). */
  GPS_JUMP("gps-jump", "jumps", "INT-002"),
  /** Delivery: the device is offline for a while, then uploads its buffer late and shuffled. */
  OFFLINE("offline", "offline", null),
  /** Delivery: a batch already delivered is sent again. */
  DUPLICATE("duplicate", "duplicates", null),
  /** SPD-001 by the deterministic {@code --offenders} cycle (not a random fault). */
  OFFENDER_CYCLE("offender-cycle", "offenders", "SPD-001");

  private final String wireName;
  private final String flagName;
  private final String regulationId;

  FaultType(String wireName, String flagName, String regulationId) {
    this.wireName = wireName;
    this.flagName = flagName;
    this.regulationId = regulationId;
  }

  /** The {@code fault} value in the ground truth. */
  public String wireName() {
    return wireName;
  }

  /** The short name of {@code --fault NAME=RATE}. */
  public String flagName() {
    return flagName;
  }

  /** The regulation whose condition an episode satisfies, or null for delivery faults. */
  public String regulationId() {
    return regulationId;
  }

  /** By flag name ({@code overspeed}) or wire name ({@code overspeed-plough}); case-insensitive. */
  public static FaultType byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (FaultType t : values()) {
      if (t != OFFENDER_CYCLE && (t.flagName.equals(n) || t.wireName.equals(n))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault '"
            + name
            + "': expected overspeed, spreading-standing, deviation, gaps, jumps, offline or"
            + " duplicates");
  }
}
