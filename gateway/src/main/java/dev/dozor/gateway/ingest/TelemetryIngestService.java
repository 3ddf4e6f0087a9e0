package dev.dozor.gateway.ingest;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.TokenHash;
import dev.dozor.gateway.point.TelemetryPointMapper;
import dev.dozor.gateway.point.TelemetryPointRequest;
import dev.dozor.gateway.publish.TelemetryPublisher;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.stats.ThrottledLog;
import dev.dozor.gateway.validation.PointValidator;
import dev.dozor.gateway.validation.PointViolation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Authenticates a device, validates its batch (all or nothing) and publishes it. Each refusal is
 * logged once here, with the device id and the cause.
 */
@ApplicationScoped
public class TelemetryIngestService {
  private static final Logger LOG = Logger.getLogger(TelemetryIngestService.class);

  private final DeviceRegistry registry;
  private final PointValidator validator;
  private final TelemetryPublisher publisher;
  private final Clock clock;
  private final ThrottledLog throttle = new ThrottledLog(FixIngestService.LOG_EVERY);
  private final GatewayStats stats;

  /** Without shared counters (tests). */
  public TelemetryIngestService(
      DeviceRegistry registry,
      PointValidator validator,
      TelemetryPublisher publisher,
      Clock clock) {
    this(registry, validator, publisher, clock, new GatewayStats());
  }

  @Inject
  public TelemetryIngestService(
      DeviceRegistry registry,
      PointValidator validator,
      TelemetryPublisher publisher,
      Clock clock,
      GatewayStats stats) {
    this.registry = registry;
    this.validator = validator;
    this.publisher = publisher;
    this.clock = clock;
    this.stats = stats;
  }

  /**
   * Handles one request.
   *
   * @param authorization the {@code Authorization} header, may be null
   * @param points the parsed body, may be null (empty body)
   * @return never fails: Kafka errors become {@link IngestResult.StorageUnavailable}
   */
  public Uni<IngestResult> ingest(String authorization, List<TelemetryPointRequest> points) {
    Optional<DeviceRecord> device =
        BearerToken.parse(authorization).map(TokenHash::sha256Hex).flatMap(registry::byTokenHash);
    if (device.isEmpty() && !registry.isComplete()) {
      LOG.info("asked a device to retry: the device registry is still loading");
      return done(new IngestResult.RegistryLoading());
    }
    if (device.isEmpty()) {
      long held = throttle.admit("unknown token");
      if (held >= 0) {
        LOG.infof(
            "refused telemetry from unknown token: missing or unknown device token%s",
            ThrottledLog.suffix(held));
      }
      stats.unknownDevice(DeviceRecord.HTTP_JSON);
      return done(new IngestResult.Unauthorized());
    }
    DeviceRecord d = device.get();
    if (d.vehicleId() == null || d.vehicleId().isBlank()) {
      LOG.infof("refused telemetry from device %s: not bound to a vehicle", d.id());
      return done(new IngestResult.DeviceNotBound(d.id()));
    }
    if (points == null || points.isEmpty()) {
      LOG.infof("refused telemetry from device %s: empty batch", d.id());
      stats.malformed(DeviceRecord.HTTP_JSON);
      return done(new IngestResult.EmptyBatch(d.id()));
    }
    int max = validator.limits().maxPointsPerRequest();
    if (points.size() > max) {
      LOG.infof(
          "refused telemetry from device %s: %d points, at most %d", d.id(), points.size(), max);
      stats.malformed(DeviceRecord.HTTP_JSON);
      return done(new IngestResult.TooManyPoints(d.id(), points.size(), max));
    }
    Optional<PointViolation> violation = validator.firstViolation(points);
    if (violation.isPresent()) {
      PointViolation v = violation.get();
      long held = throttle.admit("invalid " + d.id());
      if (held >= 0) {
        LOG.infof(
            "refused telemetry from device %s: point %d %s: %s%s",
            d.id(), v.index(), v.field(), v.message(), ThrottledLog.suffix(held));
      }
      stats.malformed(DeviceRecord.HTTP_JSON);
      return done(new IngestResult.InvalidPoint(d.id(), v));
    }
    Instant receivedAt = clock.instant();
    List<TelemetryPoint> mapped = new ArrayList<>(points.size());
    for (TelemetryPointRequest p : points) {
      mapped.add(TelemetryPointMapper.toPoint(p, d, receivedAt));
    }
    return publisher
        .publish(mapped)
        .<IngestResult>map(
            count -> {
              stats.acceptedPoints(DeviceRecord.HTTP_JSON, count);
              return new IngestResult.Accepted(count);
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              Throwable cause = unwrap(e);
              LOG.warnf(
                  "Kafka did not acknowledge %d points of device %s (vehicle %s): %s",
                  mapped.size(), d.id(), d.vehicleId(), cause.toString());
              return new IngestResult.StorageUnavailable(d.id(), cause);
            });
  }

  private static Uni<IngestResult> done(IngestResult result) {
    return Uni.createFrom().item(result);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
