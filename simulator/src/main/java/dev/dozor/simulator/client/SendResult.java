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
