package dev.dozor.telemetry.export;

import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.query.QueryConfig;
import dev.dozor.telemetry.query.QueryParams;
import dev.dozor.telemetry.track.TrackInterval;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The stored points of a district's vehicles and/or named vehicles over an interval, streamed as
 * the Kafka topic carries them, for replays. Two steps, both blocking (call them on a worker
 * thread): {@link #prepare} checks the request and picks the vehicles, so every error is answered
 * before the first byte; {@link Export#writeTo} streams. At most {@code
 * dozor.queries.export.max-concurrent} exports run at once: each holds a database connection and a
 * snapshot for as long as its client reads.
 */
@ApplicationScoped
public class ExportService {
  private static final Logger LOG = Logger.getLogger(ExportService.class);

  private final ExportRepository repository;
  private final QueryConfig.Export config;
  private final Semaphore slots;

  public ExportService(ExportRepository repository, QueryConfig queries) {
    this.repository = repository;
    this.config = queries.export();
    this.slots = new Semaphore(config.maxConcurrent());
  }

  /**
   * Checks the request and selects the vehicles: with {@code district}, every vehicle with a fix
   * inside the district in {@code [from, to)}; with {@code vehicles}, those; with both, the union.
   * The returned export holds one slot until {@link Export#writeTo} has run or {@link
   * Export#release} is called (the resource calls it when the response ends, body or not).
   *
   * @param district district id (OKTMO), or null
   * @param vehicles vehicle ids, repeated or comma-separated, or none
   * @throws ApiException 400 naming the parameter, 404 for an unknown district or an unregistered
   *     vehicle, 503 when {@code max-concurrent} exports are running
   */
  public Export prepare(String district, List<String> vehicles, String from, String to) {
    String districtId = district == null || district.isBlank() ? null : district.trim();
    List<String> named = QueryParams.ids(vehicles);
    if (districtId == null && named.isEmpty()) {
      throw ApiException.invalid(
          "district", "give district=<OKTMO> and/or vehicle=<id> (repeatable)");
    }
    TrackInterval interval = TrackInterval.parse(from, to, config.maxInterval());
    if (!slots.tryAcquire()) {
      throw new ApiException(
          503,
          "busy",
          null,
          config.maxConcurrent() + " exports are streaming already; retry when one has finished");
    }
    try {
      Set<String> ids = select(districtId, named, interval);
      return new Export(districtId, List.copyOf(ids), interval);
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  private Set<String> select(String districtId, List<String> named, TrackInterval interval) {
    try {
      Set<String> ids = new TreeSet<>();
      if (!named.isEmpty()) {
        Set<String> registered = repository.registered(named);
        for (String id : named) {
          if (!registered.contains(id)) {
            throw ApiException.notFound("vehicle '" + id + "' is not registered");
          }
        }
        ids.addAll(named);
      }
      if (districtId != null) {
        if (!repository.districtExists(districtId)) {
          throw ApiException.notFound("no district " + districtId);
        }
        ids.addAll(repository.vehiclesInDistrict(districtId, interval));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("selecting the vehicles to export failed", e);
    }
  }

  /** A checked export, ready to stream; holds one slot until written or released. */
  public final class Export {
    private final String districtId;
    private final List<String> vehicleIds;
    private final TrackInterval interval;
    private final AtomicBoolean finished = new AtomicBoolean();

    private Export(String districtId, List<String> vehicleIds, TrackInterval interval) {
      this.districtId = districtId;
      this.vehicleIds = vehicleIds;
      this.interval = interval;
    }

    /** The vehicles whose points are streamed, by id. */
    public List<String> vehicleIds() {
      return vehicleIds;
    }

    /**
     * Streams the points as NDJSON and frees the slot, whatever happens. A client that goes away
     * ends the export quietly. A failure after the first bytes cannot change the status any more:
     * {@code cutConnection} closes the connection before the failure is rethrown, so the client
     * sees the body end without its last chunk, never a shorter answer that looks complete (left to
     * the framework, an error mapped after the status was sent could end the body normally).
     *
     * @param cutConnection closes the client's connection without ending the response
     * @throws IOException when the query or the decoding of a row failed
     */
    public void writeTo(OutputStream out, Runnable cutConnection) throws IOException {
      long started = System.nanoTime();
      long[] points = {0};
      // not try-with-resources: closing the lines closes the response stream, which ends the
      // chunked body normally; after a failure the connection must be cut first, so the lines are
      // closed only when every point was written
      try {
        PointLines lines = new PointLines(out);
        if (!vehicleIds.isEmpty()) {
          repository.stream(
              vehicleIds,
              interval,
              config.fetchSize(),
              point -> {
                lines.write(point);
                points[0]++;
              });
        }
        lines.close();
      } catch (IOException e) {
        // only the response stream throws it
        LOG.warnf(
            "export %s stopped after %d points: the client went away (%s)",
            describe(), points[0], e.getMessage());
        return;
      } catch (SQLException | RuntimeException e) {
        // the error mapper logs the stack trace of the rethrown exception
        LOG.errorf(
            "export %s failed after %d points, connection cut: %s", describe(), points[0], e);
        cutConnection.run();
        throw new IOException("export failed after " + points[0] + " points", e);
      } finally {
        release();
      }
      LOG.infof(
          "export %s: %d points in %d ms",
          describe(), points[0], (System.nanoTime() - started) / 1_000_000);
    }

    /** Frees the slot (once): after writing, or when the response ends without a body. */
    public void release() {
      if (finished.compareAndSet(false, true)) {
        slots.release();
      }
    }

    private String describe() {
      return "of "
          + vehicleIds.size()
          + " vehicles"
          + (districtId == null ? "" : " (district " + districtId + ")")
          + " ["
          + interval.from()
          + ", "
          + interval.to()
          + ")";
    }
  }
}
