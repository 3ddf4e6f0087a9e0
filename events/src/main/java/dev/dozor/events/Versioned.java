package dev.dozor.events;

/**
 * A message that carries its schema version; {@link JsonSerde} refuses versions it does not know.
 */
public interface Versioned {
  int schemaVersion();
}
