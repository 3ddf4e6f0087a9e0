package dev.dozor.gateway.ingest;

import dev.dozor.gateway.validation.PointValidator;
import dev.dozor.gateway.validation.ValidationConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** CDI producers for the plain classes the ingest path is made of. */
public class IngestBeans {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  PointValidator pointValidator(ValidationConfig config, Clock clock) {
    return new PointValidator(config.limits(), clock);
  }
}
