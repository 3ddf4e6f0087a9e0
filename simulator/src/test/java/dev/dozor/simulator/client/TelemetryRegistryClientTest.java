package dev.dozor.simulator.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.JsonSerde;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.fleet.VehicleType;
import org.junit.jupiter.api.Test;

class TelemetryRegistryClientTest {
  private static final SimVehicle PLOUGH =
      new SimVehicle(
          "sim-plough-01",
          "dev-sim-plough-01",
          "А123ВС77",
          VehicleType.PLOUGH,
          "ГБУ «Автомобильные дороги СВАО»",
          "Свиблово",
          true);

  @Test
  void putsTheVehicleThenItsDevice() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().then(201, "").always(200, "")) {
      new TelemetryRegistryClient(server.uri()).register(PLOUGH, "secret-token");

      FakeHttpServer.Request vehicle = server.requests().get(0);
      assertEquals("PUT", vehicle.method());
      assertEquals("/api/v1/vehicles/sim-plough-01", vehicle.path());
      assertEquals(
          JsonSerde.mapper()
              .readTree(
                  "{\"plate\":\"А123ВС77\",\"type\":\"plough\","
                      + "\"contractor\":\"ГБУ «Автомобильные дороги СВАО»\",\"district\":\"Свиблово\"}"),
          JsonSerde.mapper().readTree(vehicle.body()));
      FakeHttpServer.Request device = server.requests().get(1);
      assertEquals("PUT", device.method());
      assertEquals("/api/v1/devices/dev-sim-plough-01", device.path());
      assertEquals(
          JsonSerde.mapper()
              .readTree(
                  "{\"vehicleId\":\"sim-plough-01\",\"protocol\":\"http-json\","
                      + "\"token\":\"secret-token\"}"),
          JsonSerde.mapper().readTree(device.body()));
    }
  }

  @Test
  void failsNamingTheUrlAndStatus() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().always(400, "{\"field\":\"plate\"}")) {
      SimulatorException e =
          assertThrows(
              SimulatorException.class,
              () -> new TelemetryRegistryClient(server.uri()).putVehicle(PLOUGH));
      assertTrue(
          e.getMessage().contains("PUT " + server.uri() + "/api/v1/vehicles/sim-plough-01"),
          e.getMessage());
      assertTrue(e.getMessage().contains("answered 400"), e.getMessage());
      assertTrue(e.getMessage().contains("plate"), e.getMessage());
    }
  }

  @Test
  void failsClearlyWhenTelemetryServiceIsDown() throws Exception {
    FakeHttpServer down = new FakeHttpServer();
    java.net.URI uri = down.uri();
    down.close();
    SimulatorException e =
        assertThrows(
            SimulatorException.class, () -> new TelemetryRegistryClient(uri).putVehicle(PLOUGH));
    assertTrue(e.getMessage().startsWith("cannot reach telemetry-service"), e.getMessage());
  }

  @Test
  void derivedTokensAreReproducibleAndRandomOnesAreNot() {
    DeviceTokens a = DeviceTokens.derivedFrom("e2e");
    DeviceTokens b = DeviceTokens.derivedFrom("e2e");
    assertEquals(a.tokenFor("dev-sim-plough-01"), b.tokenFor("dev-sim-plough-01"));
    assertNotEquals(a.tokenFor("dev-sim-plough-01"), a.tokenFor("dev-sim-plough-02"));
    assertTrue(a.tokenFor("dev-sim-plough-01").matches("[0-9a-f]{32}"));

    DeviceTokens r = DeviceTokens.random();
    String first = r.tokenFor("dev-sim-plough-01");
    assertTrue(first.matches("[0-9a-f]{32}"));
    assertEquals(first, r.tokenFor("dev-sim-plough-01"));
    assertNotEquals(first, DeviceTokens.random().tokenFor("dev-sim-plough-01"));
  }
}
