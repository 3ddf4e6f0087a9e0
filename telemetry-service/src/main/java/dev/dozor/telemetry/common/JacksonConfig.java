package dev.dozor.telemetry.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.JsonSerde;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST answers use the contract's JSON conventions (ISO instants, nulls omitted). */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    JsonSerde.configure(mapper);
  }
}
