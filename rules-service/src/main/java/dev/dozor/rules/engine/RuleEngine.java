package dev.dozor.rules.engine;

import dev.dozor.events.SegmentPass;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.coverage.CoverageSettings;
import dev.dozor.rules.coverage.RoadNetwork;
import dev.dozor.rules.coverage.RoadNetworkSource;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.ParameterResolver;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/**
 * The regulation engine without Kafka or Quarkus: points in, violation events out. One compiled
 * regulation set; one STREAM-mode session per telemetry partition ({@link PartitionSession}), fed
 * vehicle by vehicle in fix-time order. Thread-safe by serialising every public method.
 */
public final class RuleEngine implements AutoCloseable {
  private static final Comparator<TelemetryPoint> FIX_TIME =
      Comparator.comparing(TelemetryPoint::fixTime);

  /** How often (wall time) the engine looks for silent vehicles. */
  private static final long IDLE_SWEEP_EVERY_MS = 60_000;

  private final EngineSettings settings;
  private final Clock wallClock;
  private final RegistryState registry;
  private final ViolationEventFactory events;
  private final EpisodePolicy policy;
  private final CoverageSettings coverage;
  private final RoadNetworkSource roads;
  private final Map<Integer, PartitionSession> sessions = new TreeMap<>();
  private final Map<Integer, Long> syncedPlans = new HashMap<>();
  private RegulationCatalogue catalogue;
  private KieBase kieBase;
  private PointContext context;
  private long watermarkMs = Long.MIN_VALUE;
  // the event time the sessions' EventClock facts show: the watermark, moved at most once a tick
  private long clockMs = Long.MIN_VALUE;
  private long lastIdleSweepMs = Long.MIN_VALUE;
  private long processedPoints;
  private long skippedPoints;

  /**
   * Compiles the catalogue (≈2 s the first time).
   *
   * @param wallClock wall time, only for ending the state of silent vehicles
   * @param registry vehicles, assignments, weather and geography, kept current by its consumer
   */
  public RuleEngine(
      RegulationCatalogue catalogue,
      EngineSettings settings,
      Clock wallClock,
      RegistryState registry) {
    this(catalogue, settings, wallClock, registry, CoverageSettings.defaults());
  }

  /**
   * Compiles the catalogue; segment passes are matched with these settings.
   *
   * @param coverage segment-pass matching (tolerance, gap, minimal fraction, pass-fact retention)
   */
  public RuleEngine(
      RegulationCatalogue catalogue,
      EngineSettings settings,
      Clock wallClock,
      RegistryState registry,
      CoverageSettings coverage) {
    this.coverage = Objects.requireNonNull(coverage, "coverage");
    this.roads = new RoadNetworkSource(coverage.gridCellM(), coverage.matcher().toleranceM());
    this.settings = Objects.requireNonNull(settings, "settings");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.events = new ViolationEventFactory(settings.titleLanguage());
    this.policy = new EpisodePolicy(settings.updateInterval().toMillis());
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.kieBase = KieBaseCompiler.compile(catalogue);
    this.context =
        new PointContext(
            registry,
            registry.geography(),
            ParameterResolver.of(catalogue.regulations()),
            settings.localZone());
  }

  /** An engine without registry data. */
  public RuleEngine(RegulationCatalogue catalogue, EngineSettings settings, Clock wallClock) {
    this(catalogue, settings, wallClock, new RegistryState());
  }

  /** An engine over the class-path catalogue with default settings and the system clock. */
  public static RuleEngine withDefaults() {
    return new RuleEngine(
        RegulationCatalogue.fromClasspath(), EngineSettings.defaults(), Clock.systemUTC());
  }

  /**
   * Evaluates a batch of points (any vehicles, any order) and returns the episode changes, per
   * vehicle in fix-time order, then those of deadlines the batch's event time passed. Each point
   * goes to the session of its vehicle's partition. Points not newer than their vehicle's last
   * processed fix are skipped and counted, so re-delivery never doubles an event.
   */
  public synchronized List<ViolationEvent> process(List<TelemetryPoint> points) {
    return processBatch(points).violations();
  }

  /**
   * As {@link #process}, and also matches the valid points to road segments: returns the violation
   * events and the segment passes (source {@code rules-service}) the batch produced.
   */
  public synchronized EngineOutput processBatch(List<TelemetryPoint> points) {
    long wallNow = wallClock.millis();
    List<EpisodeChange> changes = new ArrayList<>();
    List<SegmentPass> passes = new ArrayList<>();
    RoadNetwork network = roads.current(registry.geoIndex());
    Map<Integer, Map<String, List<TelemetryPoint>>> byPartition = new TreeMap<>();
    long batchWatermark = watermarkMs;
    long maxAheadMs = settings.maxClockAhead().toMillis();
    for (TelemetryPoint p : points) {
      if (p == null) {
        continue;
      }
      byPartition
          .computeIfAbsent(partitionOf(p.vehicleId()), k -> new TreeMap<>())
          .computeIfAbsent(p.vehicleId(), k -> new ArrayList<>())
          .add(p);
      long fixMs = p.fixTime().toEpochMilli();
      boolean plausible =
          p.receivedAt() == null || fixMs <= p.receivedAt().toEpochMilli() + maxAheadMs;
      if (plausible) {
        batchWatermark = Math.max(batchWatermark, fixMs);
      }
    }
    byPartition.forEach(
        (partition, byVehicle) -> {
          PartitionSession session = session(partition, changes);
          session.roads(network);
          int inPartition = 0;
          for (List<TelemetryPoint> list : byVehicle.values()) {
            list.sort(FIX_TIME);
            inPartition += list.size();
          }
          int skipped = session.acceptAll(byVehicle, wallNow, changes, passes);
          skippedPoints += skipped;
          processedPoints += inPartition - skipped;
        });
    watermarkMs = batchWatermark;
    if (plansChanged()) {
      // a vehicle with a shift but no points yet still needs its partition's session
      registry.assignments().forEach(a -> session(partitionOf(a.getVehicleId()), changes));
    }
    boolean tick =
        watermarkMs != Long.MIN_VALUE
            && (clockMs == Long.MIN_VALUE
                || watermarkMs - clockMs >= settings.clockTick().toMillis());
    if (tick) {
      clockMs = watermarkMs;
    }
    for (PartitionSession session : sessions.values()) {
      syncPlans(session, changes);
      if (tick) {
        session.advanceEventTime(clockMs, changes);
      }
    }
    if (wallNow - lastIdleSweepMs >= IDLE_SWEEP_EVERY_MS || lastIdleSweepMs == Long.MIN_VALUE) {
      lastIdleSweepMs = wallNow;
      long threshold = wallNow - settings.sessionIdleTimeout().toMillis();
      sessions.values().forEach(s -> s.endIdle(threshold, changes));
      sessions.values().forEach(s -> s.closeIdlePasses(wallNow, passes));
    }
    List<dev.dozor.rules.sites.SiteVisit> visits = new ArrayList<>();
    sessions.values().forEach(s -> visits.addAll(s.drainSiteVisits()));
    return new EngineOutput(changes.stream().map(this::toEvent).toList(), passes, visits);
  }

  /**
   * Ends the state of vehicles silent (wall time) for longer than the idle timeout now, without
   * waiting for the periodic sweep.
   */
  public synchronized List<ViolationEvent> endIdleVehicles() {
    List<EpisodeChange> changes = new ArrayList<>();
    long threshold = wallClock.millis() - settings.sessionIdleTimeout().toMillis();
    sessions.values().forEach(s -> s.endIdle(threshold, changes));
    lastIdleSweepMs = wallClock.millis();
    return changes.stream().map(this::toEvent).toList();
  }

  /**
   * Activates another regulation set without losing state: every session moves its facts to the new
   * KieBase; state of regulations the set no longer has is dropped. Compiles first, so a set that
   * does not compile changes nothing.
   */
  public void activate(RegulationCatalogue next) {
    KieBase compiled = KieBaseCompiler.compile(next);
    synchronized (this) {
      Set<String> ids = next.regulations().stream().map(Regulation::id).collect(Collectors.toSet());
      catalogue = next;
      kieBase = compiled;
      context = context.withParameters(ParameterResolver.of(next.regulations()));
      for (PartitionSession s : sessions.values()) {
        s.rebase(compiled, ids, context);
      }
    }
  }

  /** Drops the state of partitions this instance no longer owns (they moved to another one). */
  public synchronized void releasePartitions(Collection<Integer> partitions) {
    for (Integer p : partitions) {
      PartitionSession s = sessions.remove(p);
      syncedPlans.remove(p);
      if (s != null) {
        s.dispose();
      }
    }
  }

  /** The partition of a vehicle's points. */
  public int partitionOf(String vehicleId) {
    return Partitions.of(vehicleId, settings.partitions());
  }

  /** Points evaluated since start. */
  public synchronized long processedPoints() {
    return processedPoints;
  }

  /** Points skipped because they were not newer than their vehicle's last processed fix. */
  public synchronized long skippedPoints() {
    return skippedPoints;
  }

  /** Vehicles with state. */
  public synchronized int activeSessions() {
    return sessions.values().stream().mapToInt(PartitionSession::vehicles).sum();
  }

  /** Partitions with a session. */
  public synchronized Set<Integer> partitions() {
    return Set.copyOf(sessions.keySet());
  }

  /** Regulation state facts held for a vehicle (episodes, windows, …): the state bound. */
  public synchronized long factCount(String vehicleId) {
    PartitionSession s = sessions.get(partitionOf(vehicleId));
    return s == null ? 0 : s.stateFactCount(vehicleId);
  }

  /** Every fact of every session (state, assignments, weather, clocks). */
  public synchronized long totalFactCount() {
    return sessions.values().stream().mapToLong(PartitionSession::factCount).sum();
  }

  /** The event time reached: the latest plausible fix time processed. */
  public synchronized long watermarkMs() {
    return watermarkMs;
  }

  public synchronized int ruleCount() {
    return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
  }

  public synchronized RegulationCatalogue catalogue() {
    return catalogue;
  }

  public RegistryState registry() {
    return registry;
  }

  /** Disposes every session without closing episodes (shutdown: state is rebuilt on restart). */
  @Override
  public synchronized void close() {
    sessions.values().forEach(PartitionSession::dispose);
    sessions.clear();
  }

  private PartitionSession session(int partition, List<EpisodeChange> changes) {
    PartitionSession s = sessions.get(partition);
    if (s == null) {
      s =
          new PartitionSession(
              partition,
              kieBase,
              context,
              policy,
              coverage,
              roads.current(registry.geoIndex()),
              settings.maxClockAhead().toMillis());
      sessions.put(partition, s);
      syncPlans(s, changes);
      // a new session starts at the event time the other sessions show
      if (clockMs != Long.MIN_VALUE) {
        s.advanceEventTime(clockMs, changes);
      }
    }
    return s;
  }

  private boolean plansChanged() {
    long version = registry.plansVersion();
    return sessions.isEmpty()
        ? version > 0
        : sessions.keySet().stream()
            .anyMatch(p -> !Long.valueOf(version).equals(syncedPlans.get(p)));
  }

  private void syncPlans(PartitionSession s, List<EpisodeChange> changes) {
    long version = registry.plansVersion();
    Long synced = syncedPlans.get(s.partition());
    if (synced != null && synced == version) {
      return;
    }
    List<AssignmentFact> mine =
        registry.assignments().stream()
            .filter(a -> partitionOf(a.getVehicleId()) == s.partition())
            .toList();
    s.syncAssignments(mine, changes);
    s.syncWeather(registry.weatherEvents(), changes);
    syncedPlans.put(s.partition(), version);
  }

  private ViolationEvent toEvent(EpisodeChange change) {
    return events.toEvent(change, catalogue.require(change.regulationId()));
  }

  /** The state of a partition now, or null when this engine holds none for it. */
  public synchronized PartitionSnapshot snapshot(int partition) {
    PartitionSession s = sessions.get(partition);
    return s == null ? null : s.snapshot();
  }

  /**
   * Reads a checkpoint written by {@link PartitionSnapshot#toBytes()}; the points it holds look up
   * this engine's registry, geography and parameters again.
   *
   * @throws IllegalArgumentException when the bytes are not a snapshot this version can read
   */
  public synchronized PartitionSnapshot readSnapshot(byte[] checkpoint) {
    VehiclePoint.RESTORING.set(context);
    try {
      return PartitionSnapshot.fromBytes(checkpoint);
    } finally {
      VehiclePoint.RESTORING.remove();
    }
  }

  /**
   * Replaces the state of a partition with a checkpoint (the partition was assigned to this
   * instance). Deadline rules do not fire here; they fire with the next batch.
   */
  public synchronized void restore(PartitionSnapshot snapshot) {
    releasePartitions(List.of(snapshot.partition()));
    PartitionSession s =
        new PartitionSession(
            snapshot.partition(),
            kieBase,
            context,
            policy,
            coverage,
            roads.current(registry.geoIndex()),
            settings.maxClockAhead().toMillis());
    sessions.put(snapshot.partition(), s);
    Set<String> ids =
        catalogue.regulations().stream().map(Regulation::id).collect(Collectors.toSet());
    long version = registry.plansVersion();
    s.restore(
        snapshot,
        ids,
        wallClock.millis(),
        registry.assignments().stream()
            .filter(a -> partitionOf(a.getVehicleId()) == snapshot.partition())
            .toList(),
        registry.weatherEvents());
    syncedPlans.put(snapshot.partition(), version);
    if (snapshot.eventClockMs() > watermarkMs) {
      watermarkMs = snapshot.eventClockMs();
    }
    clockMs = Math.max(clockMs, snapshot.eventClockMs());
  }

  /** The state facts a vehicle has now, of every regulation (tests). */
  synchronized List<VehicleState> stateFacts(String vehicleId) {
    PartitionSession s = sessions.get(partitionOf(vehicleId));
    return s == null ? List.of() : s.stateFacts(vehicleId);
  }

  /** What the session of a vehicle's partition counted of its state facts (tests). */
  synchronized HeldState heldState(String vehicleId) {
    PartitionSession s = sessions.get(partitionOf(vehicleId));
    return s == null ? HeldState.NONE : s.heldState(vehicleId);
  }

  /** What the vehicle's next fix will carry, through its track (tests: the same as above). */
  synchronized HeldState heldStateOfNextFix(String vehicleId) {
    PartitionSession s = sessions.get(partitionOf(vehicleId));
    return s == null ? HeldState.NONE : s.heldStateOfNextFix(vehicleId);
  }

  /** State facts one regulation holds for a vehicle: that regulation's state bound. */
  public synchronized long factCount(String vehicleId, String regulationId) {
    PartitionSession s = sessions.get(partitionOf(vehicleId));
    return s == null ? 0 : s.stateFactCount(vehicleId, regulationId);
  }

  /** Segment passes held as rule facts for a vehicle's partition (the pass-fact bound). */
  public synchronized long segmentPassFactCount(String vehicleId) {
    PartitionSession s = sessions.get(partitionOf(vehicleId));
    return s == null ? 0 : s.passFactCount();
  }

  // ---- added for TIM-003 (the site monitor runs a session of the same KieBase) ----

  /** The compiled regulation set in force (it changes when a version is activated). */
  public synchronized KieBase kieBase() {
    return kieBase;
  }

  /** The engine's settings (update interval, local time zone, title language, …). */
  public EngineSettings settings() {
    return settings;
  }

  /** The contract's event for an episode change, with the metadata of the regulation in force. */
  public synchronized ViolationEvent violationEvent(EpisodeChange change) {
    return toEvent(change);
  }
}
