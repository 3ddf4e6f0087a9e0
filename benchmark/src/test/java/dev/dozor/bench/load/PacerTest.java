package dev.dozor.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void creditAccruesAtTheRateAndIsTakenInWholeChunks() {
    Pacer pacer = new Pacer(100, 10, 10, 0);
    assertEquals(0, pacer.take(10, SECOND / 20), "5 points of credit after 50 ms: no chunk of 10");
    assertEquals(10, pacer.take(10, SECOND / 10), "10 points after 100 ms");
    assertEquals(0, pacer.take(10, SECOND / 10), "credit spent");
    int taken = 0;
    for (long t = SECOND / 10; t <= 2 * SECOND; t += SECOND / 100) {
      taken += pacer.take(10, t);
    }
    assertEquals(190, taken, "1.9 s more at 100/s");
  }

  @Test
  void aStallDoesNotTurnIntoABurstBeyondTheCap() {
    Pacer pacer = new Pacer(1000, 0.5, 10, 0);
    int taken = 0;
    while (pacer.take(10, 60 * SECOND) == 10) {
      taken += 10;
    }
    assertEquals(500, taken, "a minute of stall yields at most 0.5 s of credit");
  }

  @Test
  void rateChangesApplyFromNowAndZeroPauses() {
    Pacer pacer = new Pacer(100, 10, 10, 0);
    pacer.setRate(1000, SECOND); // 100 points accrued at the old rate
    assertEquals(100, pacer.credit(SECOND), 1e-9);
    assertEquals(1100, pacer.credit(2 * SECOND), 1e-9);
    pacer.setRate(0, 2 * SECOND);
    assertEquals(0, pacer.take(10, 100 * SECOND), "paused: no credit");
    assertEquals(0, pacer.rate());
  }

  @Test
  void unusedCreditCanBeGivenBack() {
    Pacer pacer = new Pacer(100, 10, 10, 0);
    assertEquals(10, pacer.take(10, SECOND / 10));
    pacer.giveBack(7);
    assertEquals(7, pacer.credit(SECOND / 10), 1e-9);
  }

  @Test
  void negativeRateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Pacer(-1, 1, 1, 0));
  }
}
