package dev.dozor.rules.engine;

/**
 * A fact that holds per-vehicle regulation state. The engine finds these to end a silent vehicle's
 * state, and drops those of a regulation that a newly activated version no longer has. They are
 * serializable: a partition's state is checkpointed and restored by the instance that takes it
 * over.
 */
public interface VehicleState extends java.io.Serializable {
  String getVehicleId();

  /** The regulation whose rules keep this state. */
  String getRegulationId();
}
