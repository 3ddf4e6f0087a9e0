package dev.dozor.simulator.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.JsonSerde;
import dev.dozor.simulator.client.TelemetryRegistryClient.ProfileBody;
import org.junit.jupiter.api.Test;

/** The device profiles as the simulator PUTs them, spelled out for a reader of the wiring. */
class SimulatorProfilesTest {

  private static String json(DeviceProtocol protocol) {
    return JsonSerde.toJson(ProfileBody.of(protocol.simulatorProfile()));
  }

  @Test
  void egtsImplementsOnDiscreteInputsDensityOnAin1InDecigrams() {
    assertEquals("sim-egts", DeviceProtocol.EGTS.simulatorProfile().id());
    assertEquals(
        "{\"name\":\"Simulator EGTS terminal: implements on din1..din6, spreading density on ain1"
            + " (0.1 g/m²)\",\"mappings\":["
            + "{\"channel\":\"plough\",\"input\":\"din1\"},"
            + "{\"channel\":\"brush\",\"input\":\"din2\"},"
            + "{\"channel\":\"spreader\",\"input\":\"din3\"},"
            + "{\"channel\":\"spreadRateGm2\",\"input\":\"ain1\",\"scale\":0.1},"
            + "{\"channel\":\"bodyTip\",\"input\":\"din4\"},"
            + "{\"channel\":\"ignition\",\"input\":\"din5\"},"
            + "{\"channel\":\"pto\",\"input\":\"din6\"}]}",
        json(DeviceProtocol.EGTS));
  }

  @Test
  void wialonShowsInversionLinearCalibrationAndAThreshold() {
    assertEquals("sim-wialon", DeviceProtocol.WIALON_IPS.simulatorProfile().id());
    assertEquals(
        "{\"name\":\"Simulator Wialon IPS tracker: implements as params, inverted brush switch,"
            + " density ADC (500 + 20 per g/m²), pump pressure on from 1.5 bar\",\"mappings\":["
            + "{\"channel\":\"plough\",\"input\":\"plough\"},"
            + "{\"channel\":\"brush\",\"input\":\"brush_idle\",\"inverted\":true},"
            + "{\"channel\":\"spreader\",\"input\":\"spreader\"},"
            + "{\"channel\":\"spreadRateGm2\",\"input\":\"spread_adc\",\"scale\":0.05,"
            + "\"offset\":-25.0},"
            + "{\"channel\":\"bodyTip\",\"input\":\"body_tip\"},"
            + "{\"channel\":\"ignition\",\"input\":\"ign\"},"
            + "{\"channel\":\"pto\",\"input\":\"pump_bar\",\"threshold\":1.5}]}",
        json(DeviceProtocol.WIALON_IPS));
  }

  @Test
  void osmandMapsOneQueryParameterPerChannel() {
    assertEquals("sim-osmand", DeviceProtocol.OSMAND.simulatorProfile().id());
    assertEquals(
        "{\"name\":\"Simulator OsmAnd tracker: one query parameter per channel, density in"
            + " g/m²\",\"mappings\":["
            + "{\"channel\":\"plough\",\"input\":\"plough\"},"
            + "{\"channel\":\"brush\",\"input\":\"brush\"},"
            + "{\"channel\":\"spreader\",\"input\":\"spreader\"},"
            + "{\"channel\":\"spreadRateGm2\",\"input\":\"spread_rate\"},"
            + "{\"channel\":\"bodyTip\",\"input\":\"body_tip\"},"
            + "{\"channel\":\"ignition\",\"input\":\"ignition\"},"
            + "{\"channel\":\"pto\",\"input\":\"pto\"}]}",
        json(DeviceProtocol.OSMAND));
  }

  @Test
  void httpJsonNeedsNoProfile() {
    assertNull(DeviceProtocol.HTTP_JSON.simulatorProfile());
  }
}
