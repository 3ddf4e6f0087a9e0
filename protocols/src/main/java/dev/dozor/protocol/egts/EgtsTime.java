package dev.dozor.protocol.egts;

import java.time.Instant;

/** EGTS time fields (NTM, TM): unsigned 32-bit seconds since 2010-01-01T00:00:00Z. */
final class EgtsTime {
  /** 2010-01-01T00:00:00Z as Unix seconds. */
  static final long EPOCH_SECOND = 1_262_304_000L;

  private EgtsTime() {}

  /** Any unsigned 32-bit value maps to an Instant (up to year 2146), never throws. */
  static Instant toInstant(long secondsSince2010) {
    return Instant.ofEpochSecond(EPOCH_SECOND + secondsSince2010);
  }

  /** Whole seconds since 2010 (sub-second part dropped); fails outside the 32-bit range. */
  static long toSeconds(Instant time, String field) {
    long s = time.getEpochSecond() - EPOCH_SECOND;
    if (s < 0 || s > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(field + " " + time + " is outside 2010 .. 2146");
    }
    return s;
  }
}
