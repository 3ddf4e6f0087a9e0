package dev.dozor.simulator.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Right after registration the gateway does not know a device yet (the registry travels over
 * Kafka): an HTTP JSON 401, OsmAnd 404, EGTS authentication refused or Wialon {@code #AL#0}. That
 * is retried; only a refusal lasting longer than the wait becomes an error the operator must read.
 * Not thread-safe: one per device, used under the device's flush lock.
 */
public final class RegistrationWait {
  private final Duration limit;
  private final LongSupplier nanoClock;
  private long refusedSince;
  private boolean refusing;

  public RegistrationWait(Duration limit) {
    this(limit, System::nanoTime);
  }

  RegistrationWait(Duration limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
  }

  /**
   * The gateway refused the device again.
   *
   * @param what the refusal, e.g. "EGTS terminal 810000001 at egts://127.0.0.1:18020 is refused
   *     with EGTS_PC_AUTH_DENIED"
   * @throws SimulatorException once the refusals have lasted longer than the wait
   */
  public void refused(String what) {
    long now = nanoClock.getAsLong();
    if (!refusing) {
      refusing = true;
      refusedSince = now;
      return;
    }
    if (now - refusedSince > limit.toNanos()) {
      throw new SimulatorException(
          what
              + " for more than "
              + limit.toSeconds()
              + " s: the device registration has not reached the gateway (is telemetry-service"
              + " publishing to dozor.registry.v1, and the gateway consuming it?)");
    }
  }

  /** The gateway knows the device: a later refusal starts a new wait. */
  public void accepted() {
    refusing = false;
  }
}
