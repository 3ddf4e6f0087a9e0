package dev.dozor.rules.engine;

import dev.dozor.events.EvidencePoint;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.regulation.RegulationParameters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.definition.type.ClassReactive;

/**
 * The state of one violation episode of one vehicle (and, for place-bound regulations, one subject
 * such as a zone): a candidate until the regulation's threshold is met, then an open episode until
 * the condition stops. Constant size: running sums and at most {@link #MAX_EVIDENCE} evidence
 * fixes.
 *
 * <p>The regulation's DRL starts it ({@code insert(new Episode(...))}), extends it with each fix
 * that satisfies the condition and ends it; the shared lifecycle rules ({@code
 * EPISODE-lifecycle.drl}) report OPENED, UPDATED and CLOSED.
 *
 * <p>Thresholds come from the regulation's parameters when it has them: {@code minDurationS} (how
 * long the condition must hold before the episode opens) and {@code maxGapS} (a longer silence
 * between fixes ends it). Further thresholds are set with {@link #requirePoints} and {@link
 * #requireDistanceM}; a regulation with its own test calls {@link #requireMarkReady} and {@link
 * #markReady}.
 */
@ClassReactive
public final class Episode implements VehicleState {
  private static final long serialVersionUID = 1L;

  /** Evidence fixes kept: first, fastest, last, plus those a rule adds. */
  public static final int MAX_EVIDENCE = 10;

  private final String regulationId;
  private final String vehicleId;
  private final String subjectId;
  private final Map<String, Double> parameters;
  private final long startedAtMs;
  private final long minDurationMs;
  private final long maxGapMs;
  private long minPoints;
  private double minDistanceM;
  private boolean manualReady;
  private boolean markedReady;

  private VehiclePoint first;
  private VehiclePoint last;
  private VehiclePoint fastest;
  private long lastFixTimeMs;
  private int points;
  private double speedSumKmh;
  private double distanceM;
  private final Map<String, Double> measurements = new LinkedHashMap<>();
  private final Map<Long, EvidencePoint> extraEvidence = new TreeMap<>();

  private boolean opened;
  private boolean ended;
  private long lastReportedMs;
  private long endObservedMs;

  /** Starts an episode at a fix that satisfies the regulation's condition. */
  public Episode(
      String regulationId, VehiclePoint first, String subjectId, RegulationParameters par) {
    this(regulationId, first.getVehicleId(), subjectId, first.getFixTimeMs(), par);
    this.first = first;
    this.last = first;
    this.fastest = first;
    this.points = 1;
    this.speedSumKmh = first.getSpeedKmh();
  }

  /**
   * Starts an episode at a moment without a fix (a deadline passed, a shift began): it has no speed
   * or distance until a rule extends it.
   */
  public Episode(
      String regulationId,
      String vehicleId,
      String subjectId,
      long startedAtMs,
      RegulationParameters par) {
    this.regulationId = regulationId;
    this.vehicleId = vehicleId;
    this.subjectId = subjectId;
    this.parameters = par.getValues();
    this.startedAtMs = startedAtMs;
    this.lastFixTimeMs = startedAtMs;
    this.minDurationMs =
        par.getValues().containsKey("minDurationS") ? par.millis("minDurationS") : 0;
    this.maxGapMs = par.getValues().containsKey("maxGapS") ? par.millis("maxGapS") : 0;
  }

  // ---- thresholds ----

  /** The episode opens only once it holds at least this many fixes. */
  public Episode requirePoints(double count) {
    this.minPoints = Math.round(count);
    return this;
  }

  /** The episode opens only once the vehicle drove at least this far within it. */
  public Episode requireDistanceM(double metres) {
    this.minDistanceM = metres;
    return this;
  }

  /** The episode opens only when a rule calls {@link #markReady} (the regulation's own test). */
  public Episode requireMarkReady() {
    this.manualReady = true;
    return this;
  }

  /** The regulation's own threshold is met. */
  public void markReady() {
    this.markedReady = true;
  }

  /** Whether the thresholds are met, so the lifecycle rules may open it. */
  public boolean isReady() {
    if (manualReady && !markedReady) {
      return false;
    }
    return getDurationMs() >= minDurationMs && points >= minPoints && distanceM >= minDistanceM;
  }

  // ---- the condition holds, stops ----

  /** Whether this fix continues the episode: later than its last fix and within {@code maxGapS}. */
  public boolean continuesWith(VehiclePoint p) {
    long gap = p.getFixTimeMs() - lastFixTimeMs;
    return gap > 0 && (maxGapMs <= 0 || gap <= maxGapMs);
  }

  /** Whether the silence before this fix is longer than {@code maxGapS}. */
  public boolean isBrokenBy(VehiclePoint p) {
    return maxGapMs > 0 && p.getFixTimeMs() - lastFixTimeMs > maxGapMs;
  }

  /** Extends the episode by the next fix that satisfies the condition. */
  public void extend(VehiclePoint p) {
    if (last != null) {
      distanceM += Geo.haversineM(last.getLat(), last.getLon(), p.getLat(), p.getLon());
    }
    if (first == null) {
      first = p;
    }
    if (fastest == null || p.getSpeedKmh() > fastest.getSpeedKmh()) {
      fastest = p;
    }
    speedSumKmh += p.getSpeedKmh();
    points++;
    last = p;
    lastFixTimeMs = p.getFixTimeMs();
  }

  /** Moves the episode's last time without a fix (a deadline episode that keeps running). */
  public void extendTo(long epochMs) {
    lastFixTimeMs = Math.max(lastFixTimeMs, epochMs);
  }

  /**
   * Ends the episode exactly at this time, even if the clock extended it further (a silence ends at
   * the fix that ends it, however late that fix was delivered).
   */
  public void endAt(long epochMs) {
    lastFixTimeMs = Math.max(startedAtMs, epochMs);
    ended = true;
    endObservedMs = epochMs;
  }

  /** The condition stopped (or data ran out) at this time. */
  public void end(long observedAtMs) {
    ended = true;
    endObservedMs = observedAtMs;
  }

  // ---- measurements ----

  /** Sets a measurement the official needs (the unit in the name: {@code uncoveredM}). */
  public void measure(String name, double value) {
    measurements.put(name, value);
  }

  /** Adds to a measurement. */
  public void add(String name, double delta) {
    measurements.merge(name, delta, Double::sum);
  }

  /** Keeps the largest value of a measurement. */
  public void max(String name, double value) {
    measurements.merge(name, value, Math::max);
  }

  /** A measurement, or 0 when not set. */
  public double measurement(String name) {
    return measurements.getOrDefault(name, 0.0);
  }

  /** Keeps a fix as evidence (beyond first, fastest and last), up to {@link #MAX_EVIDENCE}. */
  public void addEvidence(VehiclePoint p) {
    if (extraEvidence.size() < MAX_EVIDENCE - 3) {
      extraEvidence.putIfAbsent(p.getFixTimeMs(), p.toEvidence());
    }
  }

  // ---- lifecycle ----

  /** Marks the latest fix as reported (OPENED or UPDATED). */
  public void markReported() {
    opened = true;
    lastReportedMs = lastFixTimeMs;
  }

  /** The change to report, with the measurements as they stand. */
  public EpisodeChange change(ViolationStatus status) {
    boolean closed = status == ViolationStatus.CLOSED;
    Map<String, Double> all = new LinkedHashMap<>();
    if (points > 0) {
      all.put("maxSpeedKmh", fastest.getSpeedKmh());
      all.put("avgSpeedKmh", speedSumKmh / points);
      all.put("distanceM", distanceM);
      all.put("points", (double) points);
    }
    all.put("durationS", getDurationMs() / 1000.0);
    all.putAll(measurements);
    return new EpisodeChange(
        regulationId,
        vehicleId,
        subjectId,
        status,
        Instant.ofEpochMilli(startedAtMs),
        closed ? Instant.ofEpochMilli(lastFixTimeMs) : null,
        Instant.ofEpochMilli(closed ? Math.max(endObservedMs, lastFixTimeMs) : lastFixTimeMs),
        parameters,
        all,
        evidence());
  }

  private List<EvidencePoint> evidence() {
    Map<Long, EvidencePoint> byTime = new TreeMap<>(extraEvidence);
    for (VehiclePoint p : new VehiclePoint[] {first, fastest, last}) {
      if (p != null) {
        byTime.putIfAbsent(p.getFixTimeMs(), p.toEvidence());
      }
    }
    return List.copyOf(byTime.values());
  }

  // ---- getters for the DRL ----

  public String getRegulationId() {
    return regulationId;
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  /** The zone, segment or assignment the episode is about, or null. */
  public String getSubjectId() {
    return subjectId;
  }

  public long getStartedAtMs() {
    return startedAtMs;
  }

  public long getLastFixTimeMs() {
    return lastFixTimeMs;
  }

  public long getDurationMs() {
    return lastFixTimeMs - startedAtMs;
  }

  public int getPoints() {
    return points;
  }

  public double getDistanceM() {
    return distanceM;
  }

  /** Mean speed of the episode's fixes, km/h (0 without fixes). */
  public double getAvgSpeedKmh() {
    return points == 0 ? 0 : speedSumKmh / points;
  }

  public boolean isOpened() {
    return opened;
  }

  public boolean isEnded() {
    return ended;
  }

  public long getLastReportedMs() {
    return lastReportedMs;
  }

  @Override
  public String toString() {
    return "Episode["
        + regulationId
        + " "
        + vehicleId
        + (subjectId == null ? "" : "/" + subjectId)
        + " from "
        + Instant.ofEpochMilli(startedAtMs)
        + " to "
        + Instant.ofEpochMilli(lastFixTimeMs)
        + (opened ? " open" : " candidate")
        + (ended ? " ended" : "")
        + "]";
  }

  // ---- added for TIM-003 (site episodes carry the last visit's fixes) ----

  /**
   * Keeps a fix that is not a point of this session (e.g. a fix of the last visit of a container
   * site) as evidence, up to {@link #MAX_EVIDENCE}.
   */
  public void addEvidence(EvidencePoint p) {
    if (extraEvidence.size() < MAX_EVIDENCE - 3) {
      extraEvidence.putIfAbsent(p.fixTime().toEpochMilli(), p);
    }
  }
}
