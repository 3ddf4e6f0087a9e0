package dev.dozor.bench.load;

/**
 * Counters of a running load.
 *
 * @param generated points generated into the vehicles' black boxes
 * @param acknowledged points the gateway answered 202 for
 * @param buffered points generated and not acknowledged yet (in flight or waiting for a retry)
 * @param retried points sent again after a 503, 5xx, timeout or connection error
 * @param refused points dropped after a 400/403/413/415 (a bug: see the log)
 * @param unauthorized points answered 401 after the vehicle had been accepted (a bug; kept)
 * @param requests requests answered 202
 * @param failedRequests requests that failed (any other answer or no answer)
 * @param inFlight requests in flight now
 * @param lastFailure the last failure, or empty
 */
public record LoadStats(
    long generated,
    long acknowledged,
    long buffered,
    long retried,
    long refused,
    long unauthorized,
    long requests,
    long failedRequests,
    int inFlight,
    String lastFailure) {}
