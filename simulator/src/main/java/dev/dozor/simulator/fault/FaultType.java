package dev.dozor.simulator.fault;

import java.util.ArrayList;
import java.util.List;
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
  /** SPD-002: brush on at 14–20 km/h for 150–240 s. Sweepers only. */
  SWEEPING_FAST("sweeping-fast", "sweeping-fast", "SPD-002"),
  /** SPD-003: spreading at 55–80 g/m² (above 40 g/m² + 20 %) for at least 1,000 m. Spreaders. */
  BAD_SPREAD_RATE("bad-spread-rate", "bad-spread-rate", "SPD-003"),
  /** SPD-004: implements off at 85–95 km/h (limit 60 km/h) for 45–90 s. Every vehicle. */
  TRANSPORT_SPEEDING("transport-speeding", "transport-speeding", "SPD-004"),
  /** TIM-007: stands at 0 km/h with the ignition on, away from the depots, for 17–25 min. */
  IDLING("idling", "idling", "TIM-007"),
  /**
   * INT-004: the implement channel (plough, brush or spreader) toggles 12–20 times within a minute.
   * Ploughs, sweepers and spreaders; needs a fix interval of at most 5 s.
   */
  SENSOR_FLAPPING("sensor-flapping", "sensor-flapping", "INT-004"),
  /** INT-005: the tracker's clock runs 5–10 min ahead for 3–6 fixes. Every vehicle. */
  CLOCK_SKEW("clock-skew", "clock-skew", "INT-005"),
  /**
   * INT-003: the odometer counts 1.5 × the driven distance for a whole shift. Every vehicle; needs
   * a finite shift. A shift drifts when the Poisson process fires at least once during it.
   */
  ODOMETER_DRIFT("odometer-drift", "odometer-drift", "INT-003"),
  /**
   * GEO-003: a plough or spreader (a snow hauler) stands on the street and tips its body for 60–120
   * s (at least 2 fixes), away from the snow-melting station (every road is, see {@code CityPlan}).
   * Ploughs and spreaders only: refuse trucks are exempt from GEO-003.
   */
  DUMP_OUTSIDE("dump-outside", "dump-outside", "GEO-003"),
  /**
   * EQP-001: a plough, sweeper or spreader drives off its route straight out of its group's work
   * zone, works there (implement on, 5–10 km/h) for 150–240 s and comes back. It also leaves its
   * route corridor, so the same excursion is written to the ground truth for GEO-001 too.
   */
  WORK_OUTSIDE_ZONE("work-outside-zone", "outside-zone", "EQP-001"),
  /**
   * EQP-004: a plough or sweeper on a road beside a playground ({@code no-machinery} zone) works
   * its way into it (5–8 km/h), stays 20–60 s working and comes back.
   */
  NO_MACHINERY("no-machinery", "no-machinery", "EQP-004"),
  /**
   * TIM-004: a refuse truck serves a container site at night (outside 07:00–23:00 Moscow time), a
   * stop of 90–180 s. Only while the simulated clock is at night.
   */
  NIGHT_COLLECTION("night-collection", "night-collection", "TIM-004"),
  /**
   * TIM-005: a plough or sweeper works inside a yard at night (23:00–07:00 Moscow time): like
   * {@link #NO_MACHINERY} with a {@code yard} zone. Only while the simulated clock is at night.
   */
  NIGHT_YARD_WORK("night-yard-work", "night-yard", "TIM-005"),
  /**
   * TIM-006: the vehicle leaves its depot 40–60 min after its shift start. Every vehicle; once per
   * shift, with probability {@code 1 - exp(-rate × 1 h)}.
   */
  LATE_ROLL_OUT("late-roll-out", "late-roll-out", "TIM-006"),
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
        "unknown fault '" + name + "': expected one of " + String.join(", ", flagNames()));
  }

  /** The flag names of every fault {@code --fault} accepts, in declaration order. */
  public static List<String> flagNames() {
    List<String> names = new ArrayList<>();
    for (FaultType t : values()) {
      if (t != OFFENDER_CYCLE) {
        names.add(t.flagName);
      }
    }
    return names;
  }
}
