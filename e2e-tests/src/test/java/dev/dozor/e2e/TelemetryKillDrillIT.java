package dev.dozor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.bench.drill.StoreCheck;
import dev.dozor.bench.load.AckLedger;
import dev.dozor.bench.load.LoadConfig;
import dev.dozor.bench.load.LoadDriver;
import dev.dozor.bench.load.LoadStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fault drill of issue 3 as a test: telemetry-service is killed with SIGKILL while a fleet
 * streams through the gateway, keeps streaming while it is down, and is started again. Every point
 * the gateway acknowledged must end up in PostGIS exactly once. It fails when the positions
 * consumer commits offsets before its database write is durable (the killed batch is then skipped),
 * or when re-delivery after the restart stores a row twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryKillDrillIT {
  private static final Duration STORED_DEADLINE = Duration.ofSeconds(150);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private PackagedCenter center;

  @BeforeAll
  void startCenter() throws Exception {
    center = PackagedCenter.start(http);
  }

  @AfterAll
  void stopCenter() throws Exception {
    if (center != null) {
      center.close();
    }
  }

  @Test
  void killMinus9OfTelemetryServiceMidLoadLosesAndDuplicatesNoAcknowledgedPoint() throws Exception {
    String prefix = "e2e-kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    LoadConfig config =
        LoadConfig.defaults(
                URI.create(center.gateway.baseUrl()),
                URI.create(center.telemetry.baseUrl()),
                prefix)
            .withVehicles(40, 0)
            .withRate(400)
            .withBatching(10, 16)
            .withClock(Duration.ofSeconds(1), Duration.ofMinutes(15));
    AckLedger ledger = new AckLedger(0);
    StoreCheck store =
        new StoreCheck(
            PackagedCenter.requiredEnv("DOZOR_JDBC_URL"),
            PackagedCenter.requiredEnv("DOZOR_DB_USER"),
            PackagedCenter.requiredEnv("DOZOR_DB_PASSWORD"));

    try (LoadDriver load = new LoadDriver(config, ledger)) {
      load.start();
      awaitStoredAtLeast(store, prefix, ledger, 1000);

      long pid = center.telemetry.pid();
      long ackedBeforeKill = ledger.acknowledgedCount();
      center.telemetry.kill9();
      System.out.printf(
          "drill: kill -9 telemetry-service (pid %d) after %,d acknowledged points%n",
          pid, ackedBeforeKill);
      Thread.sleep(5000); // the gateway keeps acknowledging while nobody stores
      long ackedWhileDown = ledger.acknowledgedCount() - ackedBeforeKill;
      center.telemetry.restart();
      center.telemetry.awaitReady(http, Duration.ofSeconds(120));
      Thread.sleep(3000);

      load.setRate(0);
      assertTrue(
          load.awaitQuiescent(Duration.ofSeconds(60)),
          "every generated point acknowledged: " + load.stats() + center.logTails());
      LoadStats stats = load.stats();
      assertEquals(0, stats.refused(), "no point refused: " + stats);
      assertTrue(ackedWhileDown > 0, "the load kept running while telemetry-service was down");

      StoreCheck.Result result = awaitAllStored(store, prefix, ledger);
      System.out.printf("drill: %s, load %s%n", result, stats);
      assertEquals(stats.acknowledged(), result.acknowledged());
      assertEquals(0, result.lost(), "acknowledged points missing from PostGIS: " + result);
      assertEquals(0, result.duplicated(), "rows stored twice: " + result);
      assertEquals(result.acknowledged(), result.storedDistinct(), result.toString());
    }
  }

  private static void awaitStoredAtLeast(
      StoreCheck store, String prefix, AckLedger ledger, long points) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (store.check(prefix, ledger).storedDistinct() >= points) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("fewer than " + points + " points stored within 60 s");
  }

  private StoreCheck.Result awaitAllStored(StoreCheck store, String prefix, AckLedger ledger)
      throws Exception {
    Instant deadline = Instant.now().plus(STORED_DEADLINE);
    StoreCheck.Result last = null;
    while (Instant.now().isBefore(deadline)) {
      last = store.check(prefix, ledger);
      if (last.lost() == 0) {
        return last;
      }
      Thread.sleep(1000);
    }
    return last;
  }
}
