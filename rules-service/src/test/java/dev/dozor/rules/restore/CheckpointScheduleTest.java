package dev.dozor.rules.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CheckpointStaggerTest {

  private static CheckpointService service(Duration interval) {
    RestoreConfig config =
        new RestoreConfig() {
          @Override
          public Duration replayWindow() {
            return Duration.ofMinutes(10);
          }

          @Override
          public Duration checkpointInterval() {
            return interval;
          }

          @Override
          public Optional<String> instanceName() {
            return Optional.of("test");
          }
        };
    return new CheckpointService(null, null, config, "group", "topic");
  }

  @Test
  void twelvePartitionsSeenTogetherComeDueAtTwelveDifferentTimesWithinOneInterval() {
    CheckpointService s = service(Duration.ofSeconds(30));
    long now = 1_000_000;
    TreeSet<Long> dueAt = new TreeSet<>();
    for (int p = 0; p < 12; p++) {
      long due = s.staggeredStart(p, now) + 30_000;
      assertTrue(due >= now && due < now + 30_000, "partition " + p + " due at " + due);
      dueAt.add(due);
    }
    assertEquals(12, dueAt.size(), "one partition per slot: " + dueAt);
    assertEquals(now, dueAt.first(), "partition 0 is due at once");
    assertEquals(2_500, dueAt.higher(dueAt.first()) - dueAt.first(), "slots 1/12 of the interval");
  }

  @Test
  void partitionsBeyondTheTopicsTwelveShareTheSlotsInTurn() {
    CheckpointService s = service(Duration.ofSeconds(12));
    assertEquals(s.staggeredStart(1, 0), s.staggeredStart(13, 0));
  }
}
