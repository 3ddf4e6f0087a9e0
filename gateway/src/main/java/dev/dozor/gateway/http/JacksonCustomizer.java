package dev.dozor.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.JsonSerde;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The REST mapper follows the contract's JSON rules (ISO instants, nulls omitted). */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    JsonSerde.configure(mapper);
  }
}
