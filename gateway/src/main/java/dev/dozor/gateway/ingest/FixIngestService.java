package dev.dozor.gateway.ingest;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.gateway.point.RawFixMapper;
import dev.dozor.gateway.publish.TelemetryPublisher;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.stats.ThrottledLog;
import dev.dozor.gateway.validation.ValidationConfig;
import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * The one path from decoded fixes to Kafka, shared by every device protocol (OsmAnd, EGTS, Wialon
 * IPS): drop implausible fixes, map inputs with the device profile, publish, report.
 *
 * <p>Threading: {@link #ingest} may be called from a Vert.x event-loop thread. It does the cheap
 * work (checks, mapping) on the calling thread and runs {@link TelemetryPublisher#publish} — whose
 * {@code send} can block up to {@code max.block.ms} when the broker is unknown — on the worker pool
 * ({@code Infrastructure.getDefaultWorkerPool()}, the Quarkus worker pool). The returned Uni
 * completes on a Kafka producer thread or a worker thread, never on the caller's event loop: a
 * caller that must answer on its own context hops back itself (the TCP infrastructure does).
 */
@ApplicationScoped
public class FixIngestService {
  private static final Logger LOG = Logger.getLogger(FixIngestService.class);

  private final DeviceRegistry registry;
  private final TelemetryPublisher publisher;
  private final GatewayStats stats;
  private final FixSanity sanity;
  private final Clock clock;
  private final Executor worker;

  /** Repeated refusals of one device or terminal id are logged at most this often. */
  static final java.time.Duration LOG_EVERY = java.time.Duration.ofMinutes(1);

  private final ThrottledLog throttle;
  private final Set<String> warnedMissingProfiles = ConcurrentHashMap.newKeySet();

  @Inject
  public FixIngestService(
      DeviceRegistry registry,
      TelemetryPublisher publisher,
      GatewayStats stats,
      ValidationConfig validation,
      Clock clock) {
    this(
        registry,
        publisher,
        stats,
        sanity(validation),
        clock,
        task -> Infrastructure.getDefaultWorkerPool().execute(task));
  }

  /** For tests: explicit sanity limits and the executor that runs the (possibly blocking) send. */
  public FixIngestService(
      DeviceRegistry registry,
      TelemetryPublisher publisher,
      GatewayStats stats,
      FixSanity sanity,
      Clock clock,
      Executor worker) {
    this.registry = registry;
    this.publisher = publisher;
    this.stats = stats;
    this.sanity = sanity;
    this.clock = clock;
    this.worker = worker;
    this.throttle = new ThrottledLog(LOG_EVERY);
  }

  /** The sanity checks with the limits the HTTP JSON endpoint validates against. */
  public static FixSanity sanity(ValidationConfig validation) {
    return new FixSanity(validation.maxSpeedKmh(), validation.maxFutureSkew(), validation.maxAge());
  }

  /**
   * Finds the device of {@code protocol} that calls itself {@code terminalId}. An unknown id is
   * counted in {@link GatewayStats} and logged once here; the caller only answers.
   */
  public DeviceLookup lookup(String protocol, String terminalId) {
    Optional<DeviceRecord> device = registry.byTerminal(protocol, terminalId);
    if (device.isPresent()) {
      return new DeviceLookup.Found(device.get());
    }
    if (!registry.isComplete()) {
      LOG.infof(
          "asked %s terminal %s to retry: the device registry is still loading",
          protocol, terminalId);
      return new DeviceLookup.RegistryLoading(terminalId);
    }
    stats.unknownDevice(protocol);
    long held = throttle.admit(protocol + " unknown " + terminalId);
    if (held >= 0) {
      LOG.infof(
          "refused %s terminal %s: no device has this terminal id%s",
          protocol, terminalId, ThrottledLog.suffix(held));
    }
    return new DeviceLookup.Unknown(terminalId);
  }

  /**
   * Publishes the plausible fixes of one device.
   *
   * @param protocol the protocol they came in by, for counters and logs
   * @param device a known device (from {@link #lookup})
   * @param fixes decoded fixes in the order the device sent them
   * @return never fails: Kafka errors become {@link FixIngestResult.StorageUnavailable}
   */
  public Uni<FixIngestResult> ingest(String protocol, DeviceRecord device, List<RawFix> fixes) {
    if (device.vehicleId() == null || device.vehicleId().isBlank()) {
      LOG.infof("refused %s fixes of device %s: not bound to a vehicle", protocol, device.id());
      return done(new FixIngestResult.DeviceNotBound(device.id()));
    }
    Instant now = clock.instant();
    DeviceProfileRecord profile = profile(device);
    List<TelemetryPoint> points = new ArrayList<>(fixes.size());
    int dropped = 0;
    String firstProblem = null;
    for (RawFix fix : fixes) {
      Optional<String> problem = sanity.problem(fix, now);
      if (problem.isPresent()) {
        dropped++;
        firstProblem = firstProblem == null ? problem.get() : firstProblem;
      } else {
        points.add(RawFixMapper.toPoint(fix, device, profile, now));
      }
    }
    if (dropped > 0) {
      stats.droppedFixes(protocol, dropped);
      long held = throttle.admit("dropped " + device.id());
      if (held >= 0) {
        LOG.infof(
            "dropped %d of %d %s fixes of device %s (vehicle %s); first: %s%s",
            dropped,
            fixes.size(),
            protocol,
            device.id(),
            device.vehicleId(),
            firstProblem,
            ThrottledLog.suffix(held));
      }
    }
    if (points.isEmpty()) {
      return done(new FixIngestResult.Accepted(0, dropped));
    }
    int droppedCount = dropped;
    return Uni.createFrom()
        .deferred(() -> publisher.publish(points))
        .runSubscriptionOn(worker)
        .<FixIngestResult>map(
            published -> {
              stats.acceptedPoints(protocol, published);
              return new FixIngestResult.Accepted(published, droppedCount);
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              Throwable cause = unwrap(e);
              LOG.warnf(
                  "Kafka did not acknowledge %d %s points of device %s (vehicle %s): %s",
                  points.size(), protocol, device.id(), device.vehicleId(), cause.toString());
              return new FixIngestResult.StorageUnavailable(device.id(), cause);
            });
  }

  private DeviceProfileRecord profile(DeviceRecord device) {
    if (device.profileId() == null) {
      return null;
    }
    Optional<DeviceProfileRecord> profile = registry.profileOf(device);
    if (profile.isEmpty() && warnedMissingProfiles.add(device.profileId())) {
      LOG.warnf(
          "device %s names profile %s, which is not in the registry; its inputs stay raw"
              + " attributes (logged once per profile)",
          device.id(), device.profileId());
    }
    return profile.orElse(null);
  }

  private static Uni<FixIngestResult> done(FixIngestResult result) {
    return Uni.createFrom().item(result);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
