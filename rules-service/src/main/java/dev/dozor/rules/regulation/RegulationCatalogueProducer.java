package dev.dozor.rules.regulation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the catalogue once, from the class path. */
public class RegulationCatalogueProducer {

  @Produces
  @Singleton
  RegulationCatalogue catalogue() {
    return RegulationCatalogue.fromClasspath();
  }
}
