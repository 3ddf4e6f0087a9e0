package dev.dozor.bench.rules;

import dev.dozor.bench.accuracy.Episode;
import dev.dozor.events.ViolationEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The episodes a stream of violation events describes: one per violation id, from its {@code
 * startedAt} to its {@code endedAt} (CLOSED) or, while still open, to the latest event time seen.
 */
final class RaisedEpisodes {
  private final Map<String, Episode> byId = new LinkedHashMap<>();

  void add(ViolationEvent e) {
    Instant end = e.endedAt() != null ? e.endedAt() : e.eventTime();
    if (end == null || end.isBefore(e.startedAt())) {
      end = e.startedAt();
    }
    Episode previous = byId.get(e.violationId());
    if (previous != null && previous.end().isAfter(end)) {
      end = previous.end();
    }
    byId.put(e.violationId(), new Episode(e.vehicleId(), e.regulationId(), e.startedAt(), end));
  }

  void addAll(List<ViolationEvent> events) {
    events.forEach(this::add);
  }

  List<Episode> episodes() {
    return new ArrayList<>(byId.values());
  }
}
