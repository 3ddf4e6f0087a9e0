package dev.dozor.simulator.client;

/**
 * What the gateway did with one batch.
 *
 * @param outcome accepted, unavailable (keep and retry) or rejected (drop)
 * @param status HTTP status of the last attempt, 0 when the gateway was unreachable
 * @param accepted points the gateway acknowledged
 * @param attempts requests made, more than one after 401 retries
 * @param detail response body or connection error of a failed attempt, empty on success
 */
public record SendResult(Outcome outcome, int status, int accepted, int attempts, String detail) {

  /**
   * {@link #status()} of an {@link Outcome#UNAVAILABLE} attempt when the gateway does not know the
   * device yet: HTTP JSON 401, and for the other protocols OsmAnd 404, EGTS authentication refused,
   * Wialon {@code #AL#0} / {@code #AL#01} (their own answer is in {@link #detail()}). Expected for
   * a moment after registration, so it is not reported as an outage.
   */
  public static final int UNKNOWN_DEVICE = 401;

  /** An attempt that reached nobody or got no usable answer: keep the fixes. */
  public static SendResult unavailable(int status, String detail) {
    return new SendResult(Outcome.UNAVAILABLE, status, 0, 1, detail);
  }

  /** Whether the gateway refused the device as unknown (see {@link #UNKNOWN_DEVICE}). */
  public boolean isUnknownDevice() {
    return outcome == Outcome.UNAVAILABLE && status == UNKNOWN_DEVICE;
  }

  /** The three ways a batch can end. */
  public enum Outcome {
    /** 2xx: the gateway has the points durably; forget them. */
    ACCEPTED,
    /** 503, other 5xx, 429 or no connection: keep the points and send them again later. */
    UNAVAILABLE,
    /** 400 or another 4xx: the batch is malformed (a simulator bug); drop it. */
    REJECTED
  }

  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
