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

  @Test
  void putsADeviceOfAnyProtocolLeavingOutWhatItDoesNotHave() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().always(200, "")) {
      new TelemetryRegistryClient(server.uri())
          .putDevice(
              "dev-sim-plough-01",
              new TelemetryRegistryClient.DeviceRegistration(
                  "sim-plough-01", "egts", null, null, "810000001", "sim-egts"));

      FakeHttpServer.Request device = server.requests().get(0);
      assertEquals("/api/v1/devices/dev-sim-plough-01", device.path());
      assertEquals(
          "{\"vehicleId\":\"sim-plough-01\",\"protocol\":\"egts\",\"terminalId\":\"810000001\","
              + "\"profileId\":\"sim-egts\"}",
          device.body());
    }
  }

  @Test
  void putsAProfileWithInversionAndCalibrationOnlyWhereSet() throws Exception {
    try (FakeHttpServer server = new FakeHttpServer().always(201, "")) {
      new TelemetryRegistryClient(server.uri())
          .putProfile(
              dev.dozor.events.DeviceProfileRecord.of(
                  "p-1",
                  "test",
                  java.util.List.of(
                      dev.dozor.events.ChannelMapping.digital("brush", "din2", true),
                      dev.dozor.events.ChannelMapping.digital("plough", "din1", false),
                      dev.dozor.events.ChannelMapping.linear("spreadRateGm2", "ain1", 0.25, -10),
                      new dev.dozor.events.ChannelMapping("pto", "bar", false, null, null, 1.5))));

      FakeHttpServer.Request profile = server.requests().get(0);
      assertEquals("PUT", profile.method());
      assertEquals("/api/v1/device-profiles/p-1", profile.path());
      assertEquals(
          "{\"name\":\"test\",\"mappings\":["
              + "{\"channel\":\"brush\",\"input\":\"din2\",\"inverted\":true},"
              + "{\"channel\":\"plough\",\"input\":\"din1\"},"
              + "{\"channel\":\"spreadRateGm2\",\"input\":\"ain1\",\"scale\":0.25,\"offset\":-10.0},"
              + "{\"channel\":\"pto\",\"input\":\"bar\",\"threshold\":1.5}]}",
          profile.body());
    }
  }
}
