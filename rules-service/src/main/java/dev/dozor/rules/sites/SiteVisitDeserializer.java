package dev.dozor.rules.sites;

import dev.dozor.events.kafka.JsonDeserializer;

/** Kafka value deserializer of {@link SiteVisit} (poison records throw, null stays null). */
public class SiteVisitDeserializer extends JsonDeserializer<SiteVisit> {
  public SiteVisitDeserializer() {
    super(SiteVisit.class);
  }
}
