package dev.dozor.simulator.protocol;

import java.time.Duration;

/**
 * Timing and batching of the device-side protocol clients.
 *
 * @param connectTimeout longest TCP connect (or HTTP connect for OsmAnd)
 * @param answerTimeout longest wait for the gateway's answer to one packet or request
 * @param fixesPerPacket most fixes in one EGTS packet or Wialon black box
 * @param initialBackoff first pause before reconnecting after a failure, doubled up to {@code
 *     maxBackoff} (the first retry is immediate)
 * @param maxBackoff longest pause before reconnecting
 * @param authWait how long the gateway may refuse a freshly registered device before the run stops
 */
public record TerminalSettings(
    Duration connectTimeout,
    Duration answerTimeout,
    int fixesPerPacket,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration authWait) {

  /** Most fixes per packet by default: about 2 KB of EGTS or 7 KB of Wialon IPS. */
  public static final int DEFAULT_FIXES_PER_PACKET = 50;

  public TerminalSettings {
    if (fixesPerPacket < 1) {
      throw new IllegalArgumentException("fixesPerPacket must be positive, got " + fixesPerPacket);
    }
  }

  /** 5 s connect, 10 s answer, 50 fixes per packet, 500 ms → 10 s backoff, 30 s auth wait. */
  public static TerminalSettings defaults() {
    return new TerminalSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        DEFAULT_FIXES_PER_PACKET,
        Duration.ofMillis(500),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }

  public TerminalSettings withAuthWait(Duration wait) {
    return new TerminalSettings(
        connectTimeout, answerTimeout, fixesPerPacket, initialBackoff, maxBackoff, wait);
  }
}
