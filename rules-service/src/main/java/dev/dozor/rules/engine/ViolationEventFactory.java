package dev.dozor.rules.engine;

import dev.dozor.events.SchemaVersions;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationParameters;
import java.util.Map;

/** Turns an {@link EpisodeChange} into the contract's {@link ViolationEvent}. */
final class ViolationEventFactory {
  private final String titleLanguage;

  ViolationEventFactory(String titleLanguage) {
    this.titleLanguage = titleLanguage;
  }

  ViolationEvent toEvent(EpisodeChange c, Regulation regulation, RegulationParameters parameters) {
    Map<String, Double> inForce = parameters.getValues();
    return new ViolationEvent(
        SchemaVersions.VIOLATION_EVENT,
        ViolationEvent.episodeId(c.regulationId(), c.vehicleId(), c.startedAt()),
        c.regulationId(),
        regulation.version(),
        regulation.title().in(titleLanguage),
        regulation.severity(),
        c.vehicleId(),
        c.status(),
        c.startedAt(),
        c.endedAt(),
        c.eventTime(),
        inForce,
        c.measurements(),
        c.evidence());
  }
}
