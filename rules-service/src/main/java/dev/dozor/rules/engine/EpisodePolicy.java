package dev.dozor.rules.engine;

/**
 * Engine-wide episode settings shared by every regulation, inserted as a fact into each session.
 *
 * @param updateIntervalMs minimum fix time between two UPDATED events of one open episode
 */
public record EpisodePolicy(long updateIntervalMs) {
  public long getUpdateIntervalMs() {
    return updateIntervalMs;
  }
}
