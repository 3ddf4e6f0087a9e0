package dev.dozor.rules.restore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a newly assigned partition should resume so in-memory rule state can be rebuilt: the
 * earlier of the committed offset and the first offset inside the replay window. Pure.
 */
public final class ReplayWindow {
  private ReplayWindow() {}

  /**
   * @param committed committed offset per partition (absent: never committed)
   * @param windowStart first offset whose timestamp is inside the window (absent: none is)
   * @return the offset to seek to, for the partitions that must be re-read
   */
  public static <P> Map<P, Long> seekTargets(
      Map<P, Long> committed, Map<P, Optional<Long>> windowStart) {
    Map<P, Long> targets = new HashMap<>();
    committed.forEach(
        (partition, offset) ->
            windowStart
                .getOrDefault(partition, Optional.empty())
                .filter(start -> start < offset)
                .ifPresent(start -> targets.put(partition, start)));
    return targets;
  }
}
