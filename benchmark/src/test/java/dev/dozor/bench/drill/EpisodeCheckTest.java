package dev.dozor.bench.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.drill.EpisodeCheck.Raised;
import dev.dozor.bench.drill.EpisodeCheck.Result;
import dev.dozor.bench.drill.Spd001Episodes.Episode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeCheckTest {
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");
  private static final Episode FIRST = new Episode(T0, T0.plusSeconds(89), true);
  private static final Episode SECOND = new Episode(T0.plusSeconds(150), T0.plusSeconds(239), true);

  private static Raised raised(String id, int startS, String status) {
    return new Raised(id, T0.plusSeconds(startS), null, status);
  }

  @Test
  void oneClosedViolationPerEpisodeIsClean() {
    Result r =
        EpisodeCheck.compare(
            "v",
            List.of(FIRST, SECOND),
            List.of(raised("a", 0, "CLOSED"), raised("b", 150, "CLOSED")));
    assertTrue(r.clean(), r.problems().toString());
    assertEquals(2, r.matched());
  }

  @Test
  void aMissingViolationIsLost() {
    Result r = EpisodeCheck.compare("v", List.of(FIRST, SECOND), List.of(raised("a", 0, "CLOSED")));
    assertEquals(1, r.lost());
    assertFalse(r.clean());
  }

  @Test
  void aSecondViolationInsideAnEpisodeIsDoubled() {
    // what a restarted rules-service does when it re-reads from the middle of an episode
    Result r =
        EpisodeCheck.compare(
            "v", List.of(FIRST), List.of(raised("a", 0, "OPENED"), raised("b", 20, "CLOSED")));
    assertEquals(1, r.doubled());
    assertEquals(0, r.lost());
  }

  @Test
  void aWrongStartIsShiftedAnUnclosedEndedEpisodeAndAStrayViolationAreReported() {
    Result shifted = EpisodeCheck.compare("v", List.of(FIRST), List.of(raised("a", 5, "CLOSED")));
    assertEquals(1, shifted.shifted());
    Result unclosed = EpisodeCheck.compare("v", List.of(FIRST), List.of(raised("a", 0, "UPDATED")));
    assertEquals(1, unclosed.unclosed());
    Result spurious = EpisodeCheck.compare("v", List.of(), List.of(raised("a", 400, "CLOSED")));
    assertEquals(1, spurious.spurious());
    assertEquals(3, shifted.plus(unclosed).plus(spurious).problems().size());
  }

  @Test
  void anEpisodeStillOpenInTheDataMayBeOpen() {
    Episode open = new Episode(T0, T0.plusSeconds(70), false);
    assertTrue(EpisodeCheck.compare("v", List.of(open), List.of(raised("a", 0, "OPENED"))).clean());
  }
}
