package dev.dozor.rules.engine;

/**
 * A fact that holds per-vehicle regulation state. The engine finds these to end a silent vehicle's
 * state, and drops those of a regulation that a newly activated version no longer has.
 */
public interface VehicleState {
  String getVehicleId();

  /** The regulation whose rules keep this state. */
  String getRegulationId();
}
