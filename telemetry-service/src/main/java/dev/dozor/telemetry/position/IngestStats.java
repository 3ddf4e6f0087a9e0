package dev.dozor.telemetry.position;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of the telemetry consumer, for the progress log. */
@ApplicationScoped
public class IngestStats {
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  public void batch(int storedRows, int duplicateRows) {
    batches.incrementAndGet();
    stored.addAndGet(storedRows);
    duplicates.addAndGet(duplicateRows);
  }

  public void deadLettered(int records) {
    deadLettered.addAndGet(records);
  }

  /** Totals since start: batches, stored, duplicates, dead-lettered. */
  public Snapshot snapshot() {
    return new Snapshot(batches.get(), stored.get(), duplicates.get(), deadLettered.get());
  }

  /** Totals since start. */
  public record Snapshot(long batches, long stored, long duplicates, long deadLettered) {}
}
