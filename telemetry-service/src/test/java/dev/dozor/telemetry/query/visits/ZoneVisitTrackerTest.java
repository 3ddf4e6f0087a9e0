package dev.dozor.telemetry.query.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.telemetry.query.visits.ZoneVisitTracker.Visit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneVisitTrackerTest {
  private static final long MIN = 60_000;

  @Test
  void anOutsideFixEndsAVisitAtTheLastInsideFix() {
    var t = new ZoneVisitTracker(10 * MIN);
    t.accept(0, false);
    t.accept(1 * MIN, true);
    t.accept(2 * MIN, true);
    t.accept(3 * MIN, false);
    t.accept(4 * MIN, true);
    assertEquals(
        List.of(new Visit(1 * MIN, 2 * MIN, 2), new Visit(4 * MIN, 4 * MIN, 1)), t.visits());
    assertEquals(3, t.insidePoints());
  }

  @Test
  void aGapLongerThanTheLimitEndsAVisitAndAGapOfExactlyTheLimitDoesNot() {
    var t = new ZoneVisitTracker(10 * MIN);
    t.accept(0, true);
    t.accept(10 * MIN, true); // exactly 10 min: same visit
    t.accept(20 * MIN + 1, true); // 10 min + 1 ms: a new visit
    assertEquals(
        List.of(new Visit(0, 10 * MIN, 2), new Visit(20 * MIN + 1, 20 * MIN + 1, 1)), t.visits());
  }

  @Test
  void neverInsideGivesNoVisits() {
    var t = new ZoneVisitTracker(10 * MIN);
    t.accept(0, false);
    t.accept(MIN, false);
    assertEquals(List.of(), t.visits());
  }
}
