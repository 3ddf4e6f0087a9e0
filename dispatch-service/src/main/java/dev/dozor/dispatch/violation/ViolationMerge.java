package dev.dozor.dispatch.violation;

import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Folds a {@link ViolationEvent} into the stored episode. Pure: the same inputs always give the
 * same result, so at-least-once and out-of-order delivery are harmless.
 *
 * <ul>
 *   <li>an episode never moves backwards: OPENED &lt; UPDATED &lt; CLOSED, and CLOSED is final;
 *   <li>an event older than the last applied one is ignored; a re-delivered one changes nothing;
 *   <li>the dispatcher's acknowledgement and the creation time are never touched by events.
 * </ul>
 */
public final class ViolationMerge {
  private ViolationMerge() {}

  /**
   * @param stored the episode as stored, or null when this is the first event for it
   * @param event the incoming event
   * @param now the time of the write (created/updated timestamps)
   * @return the new state to store, or empty when the event must not change anything
   */
  public static Optional<Violation> merge(Violation stored, ViolationEvent event, Instant now) {
    Instant eventTime = effectiveEventTime(event);
    if (stored == null) {
      return Optional.of(fromEvent(event, eventTime, null, now));
    }
    if (!isNewer(stored, event.status(), eventTime)) {
      return Optional.empty();
    }
    return Optional.of(fromEvent(event, eventTime, stored, now));
  }

  /** The time an event speaks for; older producers may omit {@code eventTime}. */
  static Instant effectiveEventTime(ViolationEvent event) {
    if (event.eventTime() != null) {
      return event.eventTime();
    }
    return event.endedAt() != null ? event.endedAt() : event.startedAt();
  }

  private static boolean isNewer(Violation stored, ViolationStatus status, Instant eventTime) {
    if (stored.status() == ViolationStatus.CLOSED && status != ViolationStatus.CLOSED) {
      return false; // a late OPENED/UPDATED never reopens a closed episode
    }
    int byTime = eventTime.compareTo(stored.lastEventTime());
    if (byTime != 0) {
      return byTime > 0;
    }
    // same point in event time: only a later lifecycle step (e.g. OPENED -> CLOSED) applies
    return status.ordinal() > stored.status().ordinal();
  }

  private static Violation fromEvent(
      ViolationEvent event, Instant eventTime, Violation stored, Instant now) {
    boolean keepStored = stored != null;
    ViolationStatus status =
        keepStored && stored.status().ordinal() > event.status().ordinal()
            ? stored.status()
            : event.status();
    return new Violation(
        event.violationId(),
        event.regulationId(),
        event.regulationVersion(),
        event.title() != null || !keepStored ? event.title() : stored.title(),
        event.severity() != null || !keepStored ? event.severity() : stored.severity(),
        event.vehicleId(),
        status,
        keepStored ? stored.startedAt() : event.startedAt(),
        event.endedAt() != null || !keepStored ? event.endedAt() : stored.endedAt(),
        eventTime,
        !event.parameters().isEmpty() || !keepStored ? event.parameters() : stored.parameters(),
        !event.measurements().isEmpty() || !keepStored
            ? event.measurements()
            : stored.measurements(),
        !event.evidence().isEmpty() || !keepStored ? event.evidence() : stored.evidence(),
        keepStored ? stored.acknowledgedBy() : null,
        keepStored ? stored.acknowledgedAt() : null,
        keepStored ? stored.ackComment() : null,
        keepStored ? stored.createdAt() : now,
        now);
  }
}
