package dev.dozor.rules.engine;

import java.util.List;

/**
 * Reads the state the rules and the matcher read first for each vehicle of a batch, before any of
 * them is evaluated. At 20,000 vehicles that state (the track's held and matching state, their
 * arrays, the running tallies) is rarely in the processor's caches, and each read waits for memory.
 * Read in the middle of a vehicle's evaluation, one after the other, those waits add up; read here,
 * one depth of references at a time over all the batch's vehicles, the reads of different vehicles
 * do not depend on each other, so the processor has many of them in flight at once. The answers are
 * the same; the numbers read are summed into a field only so that the compiler keeps the reads.
 */
final class BatchWarmUp {
  /** Depths of references below a track that {@link VehicleTrack#warm} reads. */
  static final int DEPTHS = 4;

  private long sum;

  /** Reads the state of these vehicles, depth by depth. */
  void read(List<VehicleTrack> tracks) {
    long t = sum;
    for (int depth = 0; depth < DEPTHS; depth++) {
      for (int i = 0; i < tracks.size(); i++) {
        t += tracks.get(i).warm(depth);
      }
    }
    sum = t;
  }
}
