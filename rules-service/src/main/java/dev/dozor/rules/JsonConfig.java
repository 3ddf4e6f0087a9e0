package dev.dozor.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.JsonSerde;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST JSON follows the contract's settings (ISO instants, nulls omitted). */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    JsonSerde.configure(mapper);
  }
}
