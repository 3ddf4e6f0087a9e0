package dev.dozor.telemetry.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.telemetry.Eventually;
import dev.dozor.telemetry.TestDb;
import dev.dozor.telemetry.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With dozor.coverage.derive.enabled=false the service starts and derives nothing. */
@QuarkusTest
@TestProfile(CoverageDeriveDisabledTest.DeriveOff.class)
class CoverageDeriveDisabledTest {
  @Inject Pool pool;
  @Inject CoverageMatchingService matching;

  /** Derivation off, as once rules-service emits passes. */
  public static class DeriveOff implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dozor.coverage.derive.enabled", "false");
    }
  }

  @Test
  void telemetryIsStoredButNotMatched() {
    String vehicle = "veh-" + UUID.randomUUID();
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.MINUTES);
    TelemetryPoint p =
        TelemetryPoint.of(vehicle, "dev", t, t, 55.8, 37.6, 20, 0.0, Equipment.plough(true));
    TestKafka.send(Topics.TELEMETRY, List.of(Map.entry(vehicle, JsonSerde.toBytes(p))));
    Eventually.await(
        Duration.ofSeconds(60),
        () ->
            TestDb.count(
                pool, "SELECT count(*) FROM telemetry.positions WHERE vehicle_id = $1", vehicle),
        n -> n == 1);
    assertEquals(0, matching.trackedVehicles());
  }
}
