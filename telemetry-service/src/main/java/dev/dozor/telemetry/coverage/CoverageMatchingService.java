package dev.dozor.telemetry.coverage;

import dev.dozor.events.SegmentPass;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.telemetry.common.Retries;
import dev.dozor.telemetry.position.PointCheck;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Derives segment passes from {@code dozor.telemetry.v1} (own consumer group {@code
 * dozor-coverage-matcher}) with {@link SegmentPassMatcher} and publishes them to {@code
 * dozor.coverage.v1} ({@code acks=all}); a batch is acknowledged only after the broker acknowledged
 * its passes. The I/O shell around the matcher: road segments are loaded at the first batch and
 * reloaded when an import changed them; the matching itself lives in the matcher only.
 *
 * <p>Switched off with {@code dozor.coverage.derive.enabled=false} once rules-service emits passes
 * (the channel is then disabled and nothing here runs).
 */
@ApplicationScoped
public class CoverageMatchingService {
  private static final Logger LOG = Logger.getLogger(CoverageMatchingService.class);
  private static final String SOURCE = "telemetry-service";

  /** Passes in flight to the broker at once (below the emitter's buffer of 256). */
  private static final int PUBLISH_CONCURRENCY = 64;

  private final CoverageRepository repository;
  private final CoverageConfig config;
  private final MutinyEmitter<Record<String, SegmentPass>> emitter;
  private final SegmentPassMatcher matcher;
  private final AtomicReference<String> loadedVersion = new AtomicReference<>();
  private final Clock clock = Clock.systemUTC();

  public CoverageMatchingService(
      CoverageRepository repository,
      CoverageConfig config,
      @Channel("coverage-out") MutinyEmitter<Record<String, SegmentPass>> emitter) {
    this.repository = repository;
    this.config = config;
    this.emitter = emitter;
    CoverageConfig.Derive d = config.derive();
    this.matcher =
        new SegmentPassMatcher(
            RoadNetwork.of(List.of(), d.gridCellM(), d.toleranceM()),
            new SegmentPassMatcher.Settings(
                d.toleranceM(),
                d.maxGap(),
                config.minCoveredFraction(),
                d.sampleStepM(),
                d.switchMarginM(),
                d.checkpointEvery(),
                d.vehicleIdle(),
                SOURCE));
  }

  @Incoming("coverage-derive-in")
  public Uni<Void> consume(KafkaRecordBatch<String, TelemetryPoint> batch) {
    List<TelemetryPoint> points = new ArrayList<>();
    for (KafkaRecord<String, TelemetryPoint> record : batch) {
      TelemetryPoint p = record.getPayload();
      // undecodable and unstorable records are dead-lettered by the storing consumer
      // (TelemetryConsumer, group dozor-telemetry); here they are only left out of the matching
      if (p != null && PointCheck.problem(p).isEmpty()) {
        points.add(p);
      }
    }
    return ensureLoaded()
        .map(
            loaded -> {
              synchronized (matcher) {
                return matcher.accept(points, clock.instant());
              }
            })
        .chain(this::publish)
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /**
   * Publishes the open passes of vehicles gone quiet and forgets vehicles idle for long. The first
   * run waits one interval: a run during start-up could reach the emitter before its channel is
   * wired (SRMSG00019).
   */
  @Scheduled(
      every = "${dozor.coverage.derive.idle-check-every:15s}",
      delayed = "${dozor.coverage.derive.idle-check-every:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = DeriveDisabled.class)
  Uni<Void> closeIdle() {
    List<SegmentPass> passes;
    synchronized (matcher) {
      passes = matcher.closeIdle(clock.instant());
    }
    return publish(passes);
  }

  /** Reloads the road segments if an import changed them since they were loaded. */
  @Scheduled(
      every = "${dozor.coverage.derive.segments-reload-every:60s}",
      delayed = "${dozor.coverage.derive.segments-reload-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = DeriveDisabled.class)
  Uni<Void> reloadIfChanged() {
    return repository
        .segmentsVersion()
        .chain(
            version ->
                version.equals(loadedVersion.get())
                    ? Uni.createFrom().voidItem()
                    : reloadSegments().replaceWithVoid())
        .onFailure()
        .invoke(e -> LOG.warnf("checking road segments for changes failed: %s", e.toString()))
        .onFailure()
        .recoverWithNull();
  }

  /**
   * Loads the road segments now and gives them to the matcher.
   *
   * @return the number of segments loaded
   */
  public Uni<Integer> reloadSegments() {
    return repository
        .segmentsVersion()
        .chain(
            version ->
                repository
                    .segmentShapes()
                    .map(
                        shapes -> {
                          CoverageConfig.Derive d = config.derive();
                          RoadNetwork network =
                              RoadNetwork.of(shapes, d.gridCellM(), d.toleranceM());
                          synchronized (matcher) {
                            matcher.network(network);
                          }
                          loadedVersion.set(version);
                          LOG.infof("coverage matching: %d road segments loaded", shapes.size());
                          return shapes.size();
                        }));
  }

  /** Vehicles whose matching state is held (for tests and health). */
  public int trackedVehicles() {
    synchronized (matcher) {
      return matcher.trackedVehicles();
    }
  }

  private Uni<Void> ensureLoaded() {
    if (loadedVersion.get() != null) {
      return Uni.createFrom().voidItem();
    }
    return Retries.untilDone(this::reloadSegments, LOG, () -> "loading road segments")
        .replaceWithVoid();
  }

  /** Sends the passes keyed by segment; completes when the broker acknowledged all of them. */
  private Uni<Void> publish(List<SegmentPass> passes) {
    if (passes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(passes)
        .onItem()
        .transformToUni(
            p ->
                Retries.<Void>untilDone(
                    () -> emitter.send(Record.of(p.segmentId(), p)),
                    LOG,
                    () ->
                        "publishing pass of vehicle "
                            + p.vehicleId()
                            + " on segment "
                            + p.segmentId()))
        .merge(PUBLISH_CONCURRENCY)
        .collect()
        .last()
        .invoke(() -> LOG.debugf("published %d segment passes", passes.size()))
        .replaceWithVoid();
  }

  /** Skips the scheduled jobs when derivation is off. */
  @ApplicationScoped
  public static class DeriveDisabled implements Scheduled.SkipPredicate {
    private final CoverageConfig config;

    public DeriveDisabled(CoverageConfig config) {
      this.config = config;
    }

    @Override
    public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
      return !config.derive().enabled();
    }
  }
}
