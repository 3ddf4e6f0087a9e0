package dev.dozor.rules.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.engine.RuleEngineService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** When partitions' checkpoints come due, and what a failed capture does to that. */
class CheckpointScheduleTest {

  private static CheckpointService service(Duration interval) {
    return service(interval, null);
  }

  private static CheckpointService service(Duration interval, RuleEngineService engine) {
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
    return new CheckpointService(engine, null, config, "group", "topic");
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

  @Test
  void aCaptureThatFailsSkipsThatCheckpointOnlyAndComesDueAgainAfterTheInterval() {
    int[] attempts = {0};
    RuleEngineService failing =
        new RuleEngineService() {
          @Override
          public RuleEngine engine() {
            attempts[0]++;
            throw new IllegalStateException("state not serializable");
          }
        };
    CheckpointService s = service(Duration.ofSeconds(30), failing);

    // partition 0 is due at once; the failure must not reach the batch (its events are sent)
    assertEquals(List.of(), s.capture(Map.of(0, 100L)));
    assertEquals(1, attempts[0]);
    // not retried with every following batch: the next try is an interval later
    assertEquals(List.of(), s.capture(Map.of(0, 200L)));
    assertEquals(1, attempts[0], "a failed capture is retried after the interval, not at once");
  }
}
