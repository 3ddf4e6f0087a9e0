package dev.dozor.telemetry.common;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Retrying a database or broker step for as long as it fails: nothing is acknowledged meanwhile and
 * nothing is dropped. Each failure is logged as a warning, "<what> failed, retrying: <cause>".
 */
public final class Retries {
  /** The first back-off; it doubles up to {@link #MAX_BACKOFF}. */
  public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private Retries() {}

  /** Subscribes to the step afresh after every failure, with back-off, until it succeeds. */
  public static <T> Uni<T> untilDone(
      Supplier<Uni<? extends T>> step, Logger log, Supplier<String> what) {
    return Uni.createFrom()
        .<T>deferred(step)
        .onFailure()
        .invoke(e -> log.warnf("%s failed, retrying: %s", what.get(), e.toString()))
        .onFailure()
        .retry()
        .withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
        .indefinitely();
  }
}
