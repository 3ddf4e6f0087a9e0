package dev.dozor.simulator.fleet;

/** Kinds of machine the simulator drives; {@link #wireName()} is the registry's type string. */
public enum VehicleType {
  PLOUGH("plough"),
  SWEEPER("sweeper");

  private final String wireName;

  VehicleType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
