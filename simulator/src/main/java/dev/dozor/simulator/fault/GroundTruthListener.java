package dev.dozor.simulator.fault;

/** Told about every injected fault once its episode is complete (called on the stepping thread). */
@FunctionalInterface
public interface GroundTruthListener {
  void onFault(GroundTruthEntry entry);
}
