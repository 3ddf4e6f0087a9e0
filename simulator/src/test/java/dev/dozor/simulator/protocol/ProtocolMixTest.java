package dev.dozor.simulator.protocol;

import static dev.dozor.simulator.protocol.DeviceProtocol.EGTS;
import static dev.dozor.simulator.protocol.DeviceProtocol.HTTP_JSON;
import static dev.dozor.simulator.protocol.DeviceProtocol.OSMAND;
import static dev.dozor.simulator.protocol.DeviceProtocol.WIALON_IPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolMixTest {

  private static Map<DeviceProtocol, Integer> counts(List<DeviceProtocol> assigned) {
    Map<DeviceProtocol, Integer> c = new EnumMap<>(DeviceProtocol.class);
    assigned.forEach(p -> c.merge(p, 1, Integer::sum));
    return c;
  }

  @Test
  void theDefaultMixIsFortyThirtyTwentyTen() {
    assertEquals(
        Map.of(HTTP_JSON, 40, EGTS, 30, WIALON_IPS, 20, OSMAND, 10),
        ProtocolMix.defaults().shares());
    assertEquals(ProtocolMix.DEFAULT_TEXT, ProtocolMix.defaults().toString());
  }

  @Test
  void assignsExactSharesForAnyFleetSize() {
    ProtocolMix mix = ProtocolMix.defaults();
    assertEquals(
        Map.of(HTTP_JSON, 40, EGTS, 30, WIALON_IPS, 20, OSMAND, 10), counts(mix.assign(100)));
    // 12 vehicles: 4.8, 3.6, 2.4, 1.2 -> the two largest remainders round up
    assertEquals(Map.of(HTTP_JSON, 5, EGTS, 4, WIALON_IPS, 2, OSMAND, 1), counts(mix.assign(12)));
    assertEquals(Map.of(HTTP_JSON, 1), counts(mix.assign(1)));
  }

  @Test
  void theFirstVehicleTheOffenderGetsTheLargestShare() {
    assertEquals(HTTP_JSON, ProtocolMix.defaults().assign(12).get(0));
    assertEquals(EGTS, ProtocolMix.parse("http-json:20,egts:80").assign(5).get(0));
  }

  @Test
  void protocolsInterleaveSoBothTypesOfTheDefaultFleetSeeSeveral() {
    List<DeviceProtocol> a = ProtocolMix.defaults().assign(12);
    assertEquals(a, ProtocolMix.defaults().assign(12), "deterministic");
    Map<DeviceProtocol, Integer> ploughs = new EnumMap<>(DeviceProtocol.class);
    Map<DeviceProtocol, Integer> sweepers = new EnumMap<>(DeviceProtocol.class);
    for (int i = 0; i < a.size(); i++) {
      (i % 2 == 0 ? ploughs : sweepers).merge(a.get(i), 1, Integer::sum);
    }
    assertTrue(ploughs.size() >= 2 && sweepers.size() >= 2, a.toString());
    for (int i = 1; i < a.size(); i++) {
      assertTrue(
          !(a.get(i) == a.get(i - 1) && a.get(i) != HTTP_JSON), "blocks of one protocol: " + a);
    }
  }

  @Test
  void parsesASingleProtocolAsTheWholeFleetAndSkipsZeroShares() {
    assertEquals(Map.of(EGTS, 100), ProtocolMix.parse("egts").shares());
    assertEquals(Map.of(WIALON_IPS, 100), ProtocolMix.parse("wialon:100,osmand:0").shares());
  }

  @Test
  void refusesBadMixesNamingThePart() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ProtocolMix.parse("http-json:50"))
            .getMessage()
            .contains("add up to 100"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ProtocolMix.parse("mqtt:100"))
            .getMessage()
            .contains("unknown protocol 'mqtt'"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ProtocolMix.parse("egts:50,egts:50"))
            .getMessage()
            .contains("twice"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ProtocolMix.parse("egts:x,osmand:50"))
            .getMessage()
            .contains("whole percentage"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ProtocolMix.parse("egts,osmand:50"))
            .getMessage()
            .contains("needs a share"));
  }
}
