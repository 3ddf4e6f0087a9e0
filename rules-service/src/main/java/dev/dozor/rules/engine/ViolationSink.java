package dev.dozor.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The global through which rule consequences report episode changes; the engine drains it after
 * every {@code fireAllRules()}. Rules never do I/O themselves.
 */
public final class ViolationSink {
  private final List<EpisodeChange> changes = new ArrayList<>();

  public void add(EpisodeChange change) {
    changes.add(change);
  }

  /** The changes reported since the last drain, in firing order. */
  public List<EpisodeChange> drain() {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<EpisodeChange> drained = List.copyOf(changes);
    changes.clear();
    return drained;
  }
}
