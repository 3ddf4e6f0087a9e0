package dev.dozor.rules.engine;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.rules.regulation.RegulationParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;

/**
 * The regulation engine without Kafka or Quarkus: points in, violation events out. One KieBase
 * compiled once; one pseudo-clock session per vehicle, fed in fix-time order. Thread-safe by
 * serialising {@link #process}.
 */
public final class RuleEngine implements AutoCloseable {
  private static final Comparator<TelemetryPoint> VEHICLE_THEN_FIX_TIME =
      Comparator.comparing(TelemetryPoint::vehicleId).thenComparing(TelemetryPoint::fixTime);

  private final RegulationCatalogue catalogue;
  private final KieBase kieBase;
  private final EngineSettings settings;
  private final Clock wallClock;
  private final Map<String, RegulationParameters> parameters = new LinkedHashMap<>();
  private final ViolationEventFactory events;
  private final Map<String, VehicleSession> sessions = new HashMap<>();
  private long processedPoints;
  private long skippedPoints;

  /**
   * Compiles the catalogue (≈2 s the first time).
   *
   * @param wallClock wall time, only for disposing sessions of silent vehicles
   */
  public RuleEngine(RegulationCatalogue catalogue, EngineSettings settings, Clock wallClock) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.kieBase = KieBaseCompiler.compile(catalogue);
    for (Regulation r : catalogue.regulations()) {
      parameters.put(r.id(), r.defaultParameters());
    }
    this.events = new ViolationEventFactory(settings.titleLanguage());
  }

  /** An engine over the class-path catalogue with default settings and the system clock. */
  public static RuleEngine withDefaults() {
    return new RuleEngine(
        RegulationCatalogue.fromClasspath(), EngineSettings.defaults(), Clock.systemUTC());
  }

  /**
   * Evaluates a batch of points (any vehicles, any order) and returns the episode changes, per
   * vehicle in fix-time order. Points not newer than a vehicle's last processed fix are skipped and
   * counted, so re-delivery never doubles an event. Sessions silent for longer than {@link
   * EngineSettings#sessionIdleTimeout()} are ended first; their open episodes close.
   */
  public synchronized List<ViolationEvent> process(List<TelemetryPoint> points) {
    Instant now = wallClock.instant();
    List<EpisodeChange> changes = new ArrayList<>(endIdleSessions(now));
    List<TelemetryPoint> sorted = new ArrayList<>(points);
    sorted.removeIf(Objects::isNull);
    sorted.sort(VEHICLE_THEN_FIX_TIME);
    for (TelemetryPoint point : sorted) {
      VehicleSession session = sessions.computeIfAbsent(point.vehicleId(), id -> newSession());
      List<EpisodeChange> reported = session.accept(point, now);
      if (reported == null) {
        skippedPoints++;
      } else {
        processedPoints++;
        changes.addAll(reported);
      }
    }
    return changes.stream().map(this::toEvent).toList();
  }

  /** Points evaluated since start. */
  public synchronized long processedPoints() {
    return processedPoints;
  }

  /** Points skipped because they were not newer than their vehicle's last processed fix. */
  public synchronized long skippedPoints() {
    return skippedPoints;
  }

  /** Vehicles with a live session. */
  public synchronized int activeSessions() {
    return sessions.size();
  }

  /** Facts held by the session of a vehicle (parameters, policy, regulation state), or 0. */
  public synchronized long factCount(String vehicleId) {
    VehicleSession session = sessions.get(vehicleId);
    return session == null ? 0 : session.factCount();
  }

  public int ruleCount() {
    return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
  }

  public RegulationCatalogue catalogue() {
    return catalogue;
  }

  /** Disposes every session without closing episodes (shutdown: state is rebuilt on restart). */
  @Override
  public synchronized void close() {
    sessions.values().forEach(VehicleSession::dispose);
    sessions.clear();
  }

  private List<EpisodeChange> endIdleSessions(Instant now) {
    Instant threshold = now.minus(settings.sessionIdleTimeout());
    List<EpisodeChange> changes = new ArrayList<>();
    for (Iterator<VehicleSession> it = sessions.values().iterator(); it.hasNext(); ) {
      VehicleSession session = it.next();
      if (session.idleSince(threshold)) {
        changes.addAll(session.end());
        it.remove();
      }
    }
    return changes;
  }

  private VehicleSession newSession() {
    return new VehicleSession(
        kieBase, parameters.values(), new EpisodePolicy(settings.updateInterval().toMillis()));
  }

  private ViolationEvent toEvent(EpisodeChange change) {
    return events.toEvent(
        change, catalogue.require(change.regulationId()), parameters.get(change.regulationId()));
  }
}
