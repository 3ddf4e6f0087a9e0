package dev.dozor.simulator.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.JsonSerde;
import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.fleet.VehicleType;
import org.junit.jupiter.api.Test;

class SimDeviceTest {
  private static final DeviceTokens TOKENS = DeviceTokens.derivedFrom("test");

  private static SimVehicle vehicle(String id, VehicleType type) {
    return new SimVehicle(id, SimVehicle.deviceIdFor(id), "А123ВС77", type, "c", "d", false);
  }

  @Test
  void httpJsonDevicesKeepTheirBearerToken() {
    SimDevice d =
        SimDevice.of(
            vehicle("sim-plough-01", VehicleType.PLOUGH), DeviceProtocol.HTTP_JSON, TOKENS);
    assertEquals("dev-sim-plough-01", d.id());
    assertEquals(TOKENS.tokenFor("dev-sim-plough-01"), d.token());
    assertNull(d.terminalId());
    assertNull(d.profileId());
    assertEquals(
        "{\"vehicleId\":\"sim-plough-01\",\"protocol\":\"http-json\",\"token\":\""
            + d.token()
            + "\"}",
        JsonSerde.toJson(d.registration()));
  }

  @Test
  void egtsTerminalIdsDeriveFromTypeAndNumber() {
    SimDevice plough =
        SimDevice.of(vehicle("sim-plough-01", VehicleType.PLOUGH), DeviceProtocol.EGTS, TOKENS);
    SimDevice sweeper =
        SimDevice.of(vehicle("sim-sweeper-12", VehicleType.SWEEPER), DeviceProtocol.EGTS, TOKENS);
    assertEquals(810000001L, plough.egtsTerminalId());
    assertEquals(811000012L, sweeper.egtsTerminalId());
    assertEquals(
        "{\"vehicleId\":\"sim-plough-01\",\"protocol\":\"egts\",\"terminalId\":\"810000001\","
            + "\"profileId\":\"sim-egts\"}",
        JsonSerde.toJson(plough.registration()));
  }

  @Test
  void wialonImeisAreFifteenDigitsWithALuhnCheckAndAPassword() {
    SimDevice d =
        SimDevice.of(
            vehicle("sim-refuse-07", VehicleType.REFUSE), DeviceProtocol.WIALON_IPS, TOKENS);
    assertEquals("356938040000078", d.terminalId());
    assertEquals(15, d.terminalId().length());
    assertEquals(d.terminalId().charAt(14) - '0', SimDevice.luhn(d.terminalId().substring(0, 14)));
    assertEquals(8, SimDevice.luhn("49015420323751")); // a published IMEI, 490154203237518
    assertEquals(TOKENS.tokenFor("dev-sim-refuse-07"), d.password());
    assertNull(d.token());
    assertEquals("sim-wialon", d.profileId());
    assertTrue(JsonSerde.toJson(d.registration()).contains("\"password\":\"" + d.password()));
  }

  @Test
  void osmandIdsNameTheVehicle() {
    SimDevice d =
        SimDevice.of(vehicle("sim-sweeper-02", VehicleType.SWEEPER), DeviceProtocol.OSMAND, TOKENS);
    assertEquals("sim-osm-sim-sweeper-02", d.terminalId());
    assertEquals("sim-osmand", d.profileId());
    assertNull(d.password());
  }
}
