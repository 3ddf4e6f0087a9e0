package dev.dozor.simulator.fleet;

import java.util.Locale;

/** Kinds of machine the simulator drives; {@link #wireName()} is the registry's type string. */
public enum VehicleType {
  PLOUGH("plough"),
  SWEEPER("sweeper"),
  SPREADER("spreader"),
  FLUSHER("flusher"),
  REFUSE("refuse");

  private final String wireName;

  VehicleType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** By wire name ({@code refuse}; {@code refuse-truck} is accepted too), case-insensitive. */
  public static VehicleType byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("refuse-truck") || n.equals("refuse_truck")) {
      return REFUSE;
    }
    for (VehicleType t : values()) {
      if (t.wireName.equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown vehicle type '"
            + name
            + "': expected plough, sweeper, spreader, flusher or refuse");
  }
}
