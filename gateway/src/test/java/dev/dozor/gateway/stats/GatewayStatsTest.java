package dev.dozor.gateway.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayStatsTest {
  private final GatewayStats stats = new GatewayStats();

  @Test
  void everyKnownProtocolAppearsFromTheStart() {
    assertEquals(
        java.util.Set.of("egts", "http-json", "osmand", "wialon-ips"), stats.snapshot().keySet());
    assertEquals(new ProtocolStats(0, 0, 0, 0, 0, 0), stats.snapshot().get("egts"));
  }

  @Test
  void countsPerProtocol() {
    stats.acceptedPoints("osmand", 3);
    stats.droppedFixes("osmand", 1);
    stats.unknownDevice("egts");
    stats.malformed("egts");
    stats.connectionOpened("egts");
    stats.connectionOpened("egts");
    stats.connectionClosed("egts");
    stats.connectionRefused("egts");
    Map<String, ProtocolStats> s = stats.snapshot();
    assertEquals(new ProtocolStats(3, 1, 0, 0, 0, 0), s.get("osmand"));
    assertEquals(new ProtocolStats(0, 0, 1, 1, 1, 1), s.get("egts"));
  }

  @Test
  void describesOnlyTheProtocolsThatChanged() {
    Map<String, ProtocolStats> before = stats.snapshot();
    assertNull(GatewayStats.describeChanges(before, stats.snapshot()));

    stats.acceptedPoints("osmand", 12);
    stats.droppedFixes("osmand", 2);
    stats.connectionOpened("egts");

    assertEquals(
        "egts +0 points, +0 dropped fixes, +0 unknown devices, +0 malformed, +0 refused"
            + " connections, 1 open; osmand +12 points, +2 dropped fixes, +0 unknown devices, +0"
            + " malformed, +0 refused connections, 0 open",
        GatewayStats.describeChanges(before, stats.snapshot()));
  }
}
