package dev.dozor.rules.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

  @Test
  void seeksBackToTheStartOfTheWindowWhenItPrecedesTheCommittedOffset() {
    assertEquals(
        Map.of("p0", 400L),
        ReplayWindow.seekTargets(Map.of("p0", 1_000L), Map.of("p0", Optional.of(400L))));
  }

  @Test
  void keepsTheCommittedOffsetWhenNothingInTheWindowWasCommittedYet() {
    assertEquals(
        Map.of(),
        ReplayWindow.seekTargets(Map.of("p0", 1_000L), Map.of("p0", Optional.of(1_000L))));
    assertEquals(
        Map.of(),
        ReplayWindow.seekTargets(Map.of("p0", 1_000L), Map.of("p0", Optional.of(1_200L))));
  }

  @Test
  void leavesPartitionsWithoutRecordsInTheWindowOrWithoutCommitsAlone() {
    assertEquals(
        Map.of(), ReplayWindow.seekTargets(Map.of("p0", 1_000L), Map.of("p0", Optional.empty())));
    assertEquals(Map.of(), ReplayWindow.seekTargets(Map.of(), Map.of("p1", Optional.of(10L))));
  }
}
