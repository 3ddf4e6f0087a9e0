package dev.dozor.bench.telemetry;

import dev.dozor.bench.stats.Percentiles;
import java.util.List;

/**
 * The timed requests of one query.
 *
 * @param name what was asked, e.g. {@code track 24 h}
 * @param request path and query string
 * @param status HTTP status of the last answer (0 when the service did not answer)
 * @param millis durations of the timed requests (warm-up excluded), request sent to last byte read
 * @param ms p50/p95/p99/max of {@code millis}
 * @param bytes size of the last answer body
 * @param features number of GeoJSON features in the last answer, -1 when it had none
 * @param detail what the answer said beyond the timing (a summary, or the error)
 */
record QueryTiming(
    String name,
    String request,
    int status,
    List<Double> millis,
    Percentiles ms,
    long bytes,
    int features,
    String detail) {

  static QueryTiming failed(String name, String request, int status, String detail) {
    return new QueryTiming(name, request, status, List.of(), Percentiles.EMPTY, 0, -1, detail);
  }

  boolean ok() {
    return status == 200 && !millis.isEmpty();
  }

  /** Goal met: the p95 of the timed requests is within {@code goalMs}. */
  boolean meets(double goalMs) {
    return ok() && ms.p95() != null && ms.p95() <= goalMs;
  }
}
