package dev.dozor.telemetry.query.visits;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the fixes of one vehicle, in time order, each inside or outside a zone, into visits. A
 * visit is a series of consecutive inside fixes; it ends at the first outside fix or at a gap
 * between two fixes longer than the limit (the vehicle could have left and come back unseen).
 */
public final class ZoneVisitTracker {
  /**
   * A visit: its first and last inside fix (epoch ms) and how many fixes it holds.
   *
   * @param enteredMs first inside fix
   * @param leftMs last inside fix
   */
  public record Visit(long enteredMs, long leftMs, int points) {}

  private final long maxGapMs;
  private final List<Visit> visits = new ArrayList<>();
  private boolean open;
  private long enteredMs;
  private long lastMs;
  private int visitPoints;
  private long previousMs;
  private boolean any;
  private int insidePoints;

  /**
   * @param maxGapMs a gap longer than this between two fixes ends a visit
   */
  public ZoneVisitTracker(long maxGapMs) {
    this.maxGapMs = maxGapMs;
  }

  /** The next fix of the vehicle (times must increase). */
  public void accept(long epochMs, boolean inside) {
    if (open && (!inside || epochMs - previousMs > maxGapMs)) {
      close();
    }
    if (inside) {
      insidePoints++;
      if (!open) {
        open = true;
        enteredMs = epochMs;
        visitPoints = 0;
      }
      lastMs = epochMs;
      visitPoints++;
    }
    previousMs = epochMs;
    any = true;
  }

  /** The visits so far, the last one ending at the last inside fix seen. */
  public List<Visit> visits() {
    if (open) {
      close();
    }
    return List.copyOf(visits);
  }

  /** Fixes inside the zone. */
  public int insidePoints() {
    return insidePoints;
  }

  /** Whether any fix was seen. */
  public boolean isEmpty() {
    return !any;
  }

  private void close() {
    visits.add(new Visit(enteredMs, lastMs, visitPoints));
    open = false;
  }
}
