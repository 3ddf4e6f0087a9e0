package dev.dozor.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.DeviceRecord;
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
}
