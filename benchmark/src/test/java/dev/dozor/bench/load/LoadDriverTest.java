package dev.dozor.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.simulator.fleet.SimVehicle;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadDriverTest {
  private static LoadConfig config(FakeGateway fake, int vehicles, double rate) {
    return new LoadConfig(
        fake.uri(),
        fake.uri(),
        "t" + Long.toHexString(System.nanoTime()) + "-",
        vehicles,
        1,
        rate,
        5,
        100,
        8,
        Duration.ofSeconds(1),
        Duration.ofMinutes(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        7);
  }

  /** Until the condition holds, at most 20 s. */
  private static void await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** Every acknowledged point is exactly a point the gateway answered 202 for, and vice versa. */
  private static void assertLedgerMatchesGateway(LoadDriver driver, FakeGateway fake) {
    for (String vehicle : driver.vehicleIds()) {
      Set<Long> acked = new HashSet<>();
      Arrays.stream(driver.ledger().fixTimes(vehicle)).forEach(acked::add);
      Set<Long> accepted = new HashSet<>();
      fake.acceptedByDevice
          .getOrDefault(SimVehicle.deviceIdFor(vehicle), Set.of())
          .forEach(t -> accepted.add(t.toEpochMilli()));
      assertEquals(accepted, acked, "acknowledged points of " + vehicle);
    }
  }

  @Test
  void pointsAnswered503StayBufferedAndCountOnlyOnceAccepted() throws Exception {
    try (FakeGateway fake = new FakeGateway();
        LoadDriver driver = new LoadDriver(config(fake, 6, 200), new AckLedger())) {
      driver.start();
      fake.mode = FakeGateway.Mode.UNAVAILABLE;
      await(() -> fake.answered503.get() >= 20);
      long ackedDuringOutage = driver.ledger().acknowledgedCount();
      await(() -> driver.stats().buffered() >= 50);
      assertEquals(
          ackedDuringOutage,
          driver.ledger().acknowledgedCount(),
          "nothing is acknowledged while the gateway answers 503");

      fake.mode = FakeGateway.Mode.ACCEPT;
      driver.setRate(0);
      assertTrue(
          driver.awaitQuiescent(Duration.ofSeconds(20)), "buffer drained: " + driver.stats());

      LoadStats stats = driver.stats();
      assertTrue(stats.retried() >= 50, "the buffered points were sent again: " + stats);
      assertEquals(stats.generated(), stats.acknowledged(), "every generated point acknowledged");
      assertEquals(0, stats.buffered());
      assertEquals(stats.acknowledged(), fake.acceptedPoints());
      assertLedgerMatchesGateway(driver, fake);
    }
  }

  @Test
  void connectionErrorsKeepThePointsUntilTheGatewayIsBack() throws Exception {
    try (FakeGateway fake = new FakeGateway();
        LoadDriver driver = new LoadDriver(config(fake, 4, 200), new AckLedger())) {
      driver.start();
      fake.stop();
      await(() -> driver.stats().failedRequests() >= 10);
      fake.restart();
      driver.setRate(0);
      assertTrue(
          driver.awaitQuiescent(Duration.ofSeconds(20)), "buffer drained: " + driver.stats());
      LoadStats stats = driver.stats();
      assertTrue(stats.retried() > 0, stats.toString());
      assertEquals(stats.generated(), stats.acknowledged());
      assertLedgerMatchesGateway(driver, fake);
    }
  }

  @Test
  void a401WhileTheRegistrationTravelsIsRetriedAndNotCountedAsABug() throws Exception {
    try (FakeGateway fake = new FakeGateway()) {
      fake.unauthorizedForMillisAfterRegistration = 500;
      try (LoadDriver driver = new LoadDriver(config(fake, 3, 100), new AckLedger())) {
        driver.start();
        assertEquals(0, driver.ledger().unauthorizedCount());
        assertTrue(driver.ledger().acknowledgedCount() > 0);
      }
    }
  }

  @Test
  void a400IsCountedAsRefusedAndTheBatchDropped() throws Exception {
    try (FakeGateway fake = new FakeGateway();
        LoadDriver driver = new LoadDriver(config(fake, 2, 100), new AckLedger(), m -> {})) {
      driver.start();
      fake.mode = FakeGateway.Mode.BAD_REQUEST;
      await(() -> driver.ledger().refusedCount() >= 10);
      driver.setRate(0);
      assertTrue(driver.awaitQuiescent(Duration.ofSeconds(20)));
      LoadStats stats = driver.stats();
      assertTrue(stats.refused() >= 10, stats.toString());
      assertEquals(stats.generated(), stats.acknowledged() + stats.refused());
    }
  }

  @Test
  void neverGeneratesMoreThanTheRateAllowsNorFixesInTheFuture() throws Exception {
    try (FakeGateway fake = new FakeGateway();
        LoadDriver driver = new LoadDriver(config(fake, 5, 250), new AckLedger())) {
      long t0 = System.nanoTime();
      driver.start();
      Thread.sleep(1500);
      driver.setRate(0);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long generated = driver.stats().generated();
      // credit accrues at 250/s with a cap of 0.5 s; the 5 first chunks may come from the cap
      assertTrue(generated <= 250 * elapsed + 125 + 5, generated + " in " + elapsed + " s");
      assertTrue(driver.awaitQuiescent(Duration.ofSeconds(10)));
      long now = Instant.now().toEpochMilli();
      for (String v : driver.vehicleIds()) {
        long[] times = driver.ledger().fixTimes(v);
        assertTrue(times.length == 0 || times[times.length - 1] <= now, v + " has a future fix");
      }
    }
  }

  @Test
  void offendersAreFlaggedAndTheBackoffIsBounded() {
    try (FakeGateway fake = new FakeGateway();
        LoadDriver driver = new LoadDriver(config(fake, 3, 10), new AckLedger())) {
      assertEquals(1, driver.offenderIds().size());
      assertTrue(driver.ledger().isFlagged(driver.offenderIds().get(0)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    assertEquals(250, LoadDriver.backoffMillis(1));
    assertEquals(500, LoadDriver.backoffMillis(2));
    assertEquals(4000, LoadDriver.backoffMillis(30));
  }
}
