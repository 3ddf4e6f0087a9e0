package dev.dozor.rules.whatif;

import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the violation episodes of two regulation sets run over the same telemetry and compares
 * them per regulation. Two episodes are the same violation when regulation and vehicle match and
 * their time spans overlap, so a changed threshold that moves a start by a few seconds is not
 * reported as one removed and one added violation.
 */
public final class EpisodeDiff {
  /** One episode as an official reads it in the comparison. */
  public record Episode(
      String violationId,
      String regulationId,
      String vehicleId,
      Instant startedAt,
      Instant endedAt,
      Map<String, Double> measurements) {
    boolean overlaps(Episode o) {
      Instant end = endedAt == null ? Instant.MAX : endedAt;
      Instant otherEnd = o.endedAt == null ? Instant.MAX : o.endedAt;
      return !startedAt.isAfter(otherEnd) && !o.startedAt.isAfter(end);
    }
  }

  /** The comparison of one regulation. */
  public record RegulationDiff(
      String regulationId,
      int active,
      int candidate,
      int added,
      int removed,
      List<Episode> addedEpisodes,
      List<Episode> removedEpisodes) {}

  private final Map<String, Episode> active = new LinkedHashMap<>();
  private final Map<String, Episode> candidate = new LinkedHashMap<>();

  /** Records the events of the active set. */
  public void active(List<ViolationEvent> events) {
    collect(active, events);
  }

  /** Records the events of the candidate set. */
  public void candidate(List<ViolationEvent> events) {
    collect(candidate, events);
  }

  public int activeEpisodes() {
    return active.size();
  }

  public int candidateEpisodes() {
    return candidate.size();
  }

  /**
   * The comparison per regulation (regulations without any episode on either side are left out).
   *
   * @param maxListed at most this many added and removed episodes are listed per regulation
   */
  public List<RegulationDiff> compare(int maxListed) {
    Map<String, List<Episode>> a = byRegulation(active);
    Map<String, List<Episode>> c = byRegulation(candidate);
    TreeMap<String, Boolean> ids = new TreeMap<>();
    a.keySet().forEach(id -> ids.put(id, true));
    c.keySet().forEach(id -> ids.put(id, true));
    List<RegulationDiff> result = new ArrayList<>();
    for (String id : ids.keySet()) {
      List<Episode> as = a.getOrDefault(id, List.of());
      List<Episode> cs = c.getOrDefault(id, List.of());
      List<Episode> added = unmatched(cs, as);
      List<Episode> removed = unmatched(as, cs);
      result.add(
          new RegulationDiff(
              id,
              as.size(),
              cs.size(),
              added.size(),
              removed.size(),
              added.subList(0, Math.min(maxListed, added.size())),
              removed.subList(0, Math.min(maxListed, removed.size()))));
    }
    return result;
  }

  private static void collect(Map<String, Episode> into, List<ViolationEvent> events) {
    for (ViolationEvent e : events) {
      if (e.status() == ViolationStatus.OPENED || into.containsKey(e.violationId())) {
        into.put(
            e.violationId(),
            new Episode(
                e.violationId(),
                e.regulationId(),
                e.vehicleId(),
                e.startedAt(),
                e.endedAt(),
                e.measurements()));
      }
    }
  }

  private static Map<String, List<Episode>> byRegulation(Map<String, Episode> episodes) {
    Map<String, List<Episode>> by = new TreeMap<>();
    episodes
        .values()
        .forEach(e -> by.computeIfAbsent(e.regulationId(), k -> new ArrayList<>()).add(e));
    by.values()
        .forEach(
            l ->
                l.sort(Comparator.comparing(Episode::vehicleId).thenComparing(Episode::startedAt)));
    return by;
  }

  /** Episodes of {@code side} that overlap no episode of the same vehicle on {@code other}. */
  private static List<Episode> unmatched(List<Episode> side, List<Episode> other) {
    Map<String, List<Episode>> otherByVehicle = new LinkedHashMap<>();
    other.forEach(
        e -> otherByVehicle.computeIfAbsent(e.vehicleId(), k -> new ArrayList<>()).add(e));
    List<Episode> result = new ArrayList<>();
    for (Episode e : side) {
      boolean matched =
          otherByVehicle.getOrDefault(e.vehicleId(), List.of()).stream().anyMatch(e::overlaps);
      if (!matched) {
        result.add(e);
      }
    }
    return result;
  }
}
