package dev.dozor.rules.engine;

import dev.dozor.events.SchemaVersions;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.regulation.Regulation;

/** Turns an {@link EpisodeChange} into the contract's {@link ViolationEvent}. */
final class ViolationEventFactory {
  private final String titleLanguage;

  ViolationEventFactory(String titleLanguage) {
    this.titleLanguage = titleLanguage;
  }

  ViolationEvent toEvent(EpisodeChange c, Regulation regulation) {
    return new ViolationEvent(
        SchemaVersions.VIOLATION_EVENT,
        c.violationId(),
        c.regulationId(),
        regulation.version(),
        regulation.title().in(titleLanguage),
        regulation.severity(),
        c.vehicleId(),
        c.status(),
        c.startedAt(),
        c.endedAt(),
        c.eventTime(),
        c.parameters(),
        c.measurements(),
        c.evidence());
  }
}
