package dev.dozor.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {
  private final DeviceRegistry registry = new DeviceRegistry();

  @Test
  void findsDeviceByTokenHashAndId() {
    DeviceRecord d = DeviceRecord.of("d1", "v1", "http-json", "hash-1");
    registry.put(d);
    assertEquals(Optional.of(d), registry.byTokenHash("hash-1"));
    assertEquals(Optional.of(d), registry.byId("d1"));
  }

  @Test
  void replacedTokenStopsAuthenticating() {
    registry.put(DeviceRecord.of("d1", "v1", "http-json", "old"));
    registry.put(DeviceRecord.of("d1", "v1", "http-json", "new"));
    assertTrue(registry.byTokenHash("old").isEmpty());
    assertEquals("d1", registry.byTokenHash("new").orElseThrow().id());
    assertEquals(1, registry.size());
  }

  @Test
  void removedDeviceStopsAuthenticating() {
    registry.put(DeviceRecord.of("d1", "v1", "http-json", "hash-1"));
    registry.remove("d1");
    assertTrue(registry.byTokenHash("hash-1").isEmpty());
    assertTrue(registry.byId("d1").isEmpty());
    assertEquals(0, registry.size());
  }

  @Test
  void wialonDevicesSharingAPasswordAreBothKeptAndNeverFoundByToken() {
    DeviceRecord a = DeviceRecord.of("w1", "v1", DeviceRecord.WIALON_IPS, "pw-hash", "86001", null);
    DeviceRecord b = DeviceRecord.of("w2", "v2", DeviceRecord.WIALON_IPS, "pw-hash", "86002", null);
    registry.put(a);
    registry.put(b);
    assertEquals(Optional.of(a), registry.byTerminal(DeviceRecord.WIALON_IPS, "86001"));
    assertEquals(Optional.of(b), registry.byTerminal(DeviceRecord.WIALON_IPS, "86002"));
    assertTrue(registry.byTokenHash("pw-hash").isEmpty(), "a Wialon password is no bearer token");
    assertEquals(2, registry.size());
  }

  @Test
  void findsDeviceByProtocolAndTerminalId() {
    DeviceRecord d = DeviceRecord.of("d1", "v1", DeviceRecord.OSMAND, null, "866001", null);
    registry.put(d);
    assertEquals(Optional.of(d), registry.byTerminal(DeviceRecord.OSMAND, "866001"));
    assertTrue(registry.byTerminal(DeviceRecord.EGTS, "866001").isEmpty());
    assertTrue(registry.byTerminal(DeviceRecord.OSMAND, "866002").isEmpty());
    assertTrue(registry.byTerminal(DeviceRecord.OSMAND, null).isEmpty());
  }

  @Test
  void changedTerminalIdStopsMatchingAtOnce() {
    registry.put(DeviceRecord.of("d1", "v1", DeviceRecord.EGTS, null, "old", null));
    registry.put(DeviceRecord.of("d1", "v2", DeviceRecord.EGTS, null, "new", null));
    assertTrue(registry.byTerminal(DeviceRecord.EGTS, "old").isEmpty());
    assertEquals("v2", registry.byTerminal(DeviceRecord.EGTS, "new").orElseThrow().vehicleId());
  }

  @Test
  void changedProtocolMovesTheTerminalId() {
    registry.put(DeviceRecord.of("d1", "v1", DeviceRecord.EGTS, null, "866001", null));
    registry.put(DeviceRecord.of("d1", "v1", DeviceRecord.WIALON_IPS, "h", "866001", null));
    assertTrue(registry.byTerminal(DeviceRecord.EGTS, "866001").isEmpty());
    assertEquals("d1", registry.byTerminal(DeviceRecord.WIALON_IPS, "866001").orElseThrow().id());
  }

  @Test
  void removedDeviceStopsMatchingItsTerminalId() {
    registry.put(DeviceRecord.of("d1", "v1", DeviceRecord.OSMAND, null, "866001", null));
    registry.remove("d1");
    assertTrue(registry.byTerminal(DeviceRecord.OSMAND, "866001").isEmpty());
  }

  @Test
  void laterDeviceClaimingATerminalIdOwnsIt() {
    registry.put(DeviceRecord.of("d1", "v1", DeviceRecord.OSMAND, null, "866001", null));
    registry.put(DeviceRecord.of("d2", "v2", DeviceRecord.OSMAND, null, "866001", null));
    assertEquals("d2", registry.byTerminal(DeviceRecord.OSMAND, "866001").orElseThrow().id());
    // removing the older device must not unmap the newer owner
    registry.remove("d1");
    assertEquals("d2", registry.byTerminal(DeviceRecord.OSMAND, "866001").orElseThrow().id());
  }

  @Test
  void givesTheProfileOfADeviceAndForgetsARemovedProfile() {
    DeviceProfileRecord profile =
        DeviceProfileRecord.of(
            "p1", "plough on din1", List.of(ChannelMapping.digital("plough", "din1", false)));
    DeviceRecord d = DeviceRecord.of("d1", "v1", DeviceRecord.OSMAND, null, "866001", "p1");
    registry.put(d);
    assertTrue(registry.profileOf(d).isEmpty());
    registry.putProfile(profile);
    assertEquals(Optional.of(profile), registry.profileOf(d));
    assertEquals(1, registry.profileCount());
    registry.removeProfile("p1");
    assertTrue(registry.profileOf(d).isEmpty());
  }
}
