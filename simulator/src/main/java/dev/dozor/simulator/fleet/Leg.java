package dev.dozor.simulator.fleet;

import dev.dozor.events.Equipment;

/**
 * How a vehicle is driving right now: a constant speed and equipment state.
 *
 * @param speedKmh ground speed, km/h
 * @param equipment implements and ignition
 */
record Leg(double speedKmh, Equipment equipment) {

  double metresPerSecond() {
    return speedKmh / 3.6;
  }
}
