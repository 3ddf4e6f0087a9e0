package dev.dozor.protocol.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** The shared sanity check every decoded EGTS fix must pass. */
final class EgtsFixAssertions {
  private EgtsFixAssertions() {}

  /** Fails unless {@code fix} passes {@link FixSanity#DEFAULT} at server time {@code now}. */
  static void assertSane(RawFix fix, Instant now) {
    assertEquals(Optional.empty(), FixSanity.DEFAULT.problem(fix, now), () -> "fix " + fix);
  }

  static void assertAllSane(Collection<RawFix> fixes, Instant now) {
    fixes.forEach(f -> assertSane(f, now));
  }
}
