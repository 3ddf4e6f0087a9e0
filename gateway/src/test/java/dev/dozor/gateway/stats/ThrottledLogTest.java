package dev.dozor.gateway.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final ThrottledLog log = new ThrottledLog(Duration.ofSeconds(60), now::get);

  @Test
  void firstLineOfAKeyPassesRepeatsWithinTheIntervalAreHeldAndCountedOnTheNextLine() {
    assertEquals(0, log.admit("dev-1"));
    assertEquals(-1, log.admit("dev-1"));
    assertEquals(-1, log.admit("dev-1"));
    assertEquals(0, log.admit("dev-2"), "another device is not held back");
    now.addAndGet(Duration.ofSeconds(60).toNanos() - 1);
    assertEquals(-1, log.admit("dev-1"), "1 ns before the interval ends");
    now.addAndGet(1);
    assertEquals(3, log.admit("dev-1"), "three lines were held back");
    assertEquals(" (and 3 more like it since the last such line)", ThrottledLog.suffix(3));
    assertEquals("", ThrottledLog.suffix(0));
  }

  @Test
  void manyDistinctKeysDoNotGrowWithoutBound() {
    for (int i = 0; i <= ThrottledLog.MAX_KEYS + 5; i++) {
      log.admit("garbage-" + i);
    }
    assertEquals(0, log.admit("garbage-1"), "forgotten after the table was cleared");
  }
}
