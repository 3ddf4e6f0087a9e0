package dev.dozor.rules.engine;

/**
 * Inserted once before a session is disposed (the vehicle went silent): rules close what is still
 * open, since no later fix will ever do it.
 *
 * @param lastFixTimeMs fix time of the vehicle's last processed point
 */
public record EndOfData(long lastFixTimeMs) {
  public long getLastFixTimeMs() {
    return lastFixTimeMs;
  }
}
