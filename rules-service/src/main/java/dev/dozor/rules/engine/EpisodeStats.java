package dev.dozor.rules.engine;

import dev.dozor.events.EvidencePoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running measurements over the violating fixes of an episode, in constant memory: speed maximum
 * and mean, duration, haversine distance and the evidence fixes (first, fastest, last).
 */
public final class EpisodeStats {
  private final VehiclePoint first;
  private VehiclePoint last;
  private VehiclePoint fastest;
  private int points;
  private double speedSumKmh;
  private double distanceM;

  public EpisodeStats(VehiclePoint first) {
    this.first = first;
    this.last = first;
    this.fastest = first;
    this.points = 1;
    this.speedSumKmh = first.getSpeedKmh();
  }

  /** Adds the next violating fix (strictly later than the last one). */
  public void add(VehiclePoint p) {
    distanceM += Geo.haversineM(last.getLat(), last.getLon(), p.getLat(), p.getLon());
    if (p.getSpeedKmh() > fastest.getSpeedKmh()) {
      fastest = p;
    }
    speedSumKmh += p.getSpeedKmh();
    points++;
    last = p;
  }

  public Instant startedAt() {
    return first.getFixTime();
  }

  public Instant lastFixTime() {
    return last.getFixTime();
  }

  public long durationMs() {
    return last.getFixTimeMs() - first.getFixTimeMs();
  }

  /** {@code maxSpeedKmh}, {@code avgSpeedKmh} (mean of the fixes), {@code durationS}, … */
  public Map<String, Double> measurements() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("maxSpeedKmh", fastest.getSpeedKmh());
    m.put("avgSpeedKmh", speedSumKmh / points);
    m.put("durationS", durationMs() / 1000.0);
    m.put("distanceM", distanceM);
    m.put("points", (double) points);
    return m;
  }

  /** First, fastest and last violating fix, in time order and without duplicates. */
  public List<EvidencePoint> evidence() {
    Map<Long, EvidencePoint> byTime = new TreeMap<>();
    for (VehiclePoint p : List.of(first, fastest, last)) {
      byTime.putIfAbsent(p.getFixTimeMs(), p.toEvidence());
    }
    return List.copyOf(byTime.values());
  }
}
