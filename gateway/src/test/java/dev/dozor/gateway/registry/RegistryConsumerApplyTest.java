package dev.dozor.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** How each registry record changes what the gateway knows, without a broker. */
class RegistryConsumerApplyTest {
  private final DeviceRegistry registry = new DeviceRegistry();
  private final RegistryConsumer consumer = new RegistryConsumer(registry, null, "unused:1");
  private long offset;

  private void apply(String key, Object value) {
    byte[] bytes = value == null ? null : JsonSerde.toBytes(value);
    consumer.apply(new ConsumerRecord<>(Topics.REGISTRY, 0, offset++, key, bytes));
  }

  private void applyRaw(String key, String json) {
    consumer.apply(
        new ConsumerRecord<>(
            Topics.REGISTRY, 0, offset++, key, json.getBytes(StandardCharsets.UTF_8)));
  }

  private static DeviceProfileRecord profile(String id) {
    return DeviceProfileRecord.of(
        id, "plough on din1", List.of(ChannelMapping.digital("plough", "din1", false)));
  }

  @Test
  void appliesProfilesAndTheirTombstones() {
    apply(RegistryKeys.profile("p1"), profile("p1"));
    assertEquals(profile("p1"), registry.profile("p1").orElseThrow());

    apply(RegistryKeys.profile("p1"), null);
    assertTrue(registry.profile("p1").isEmpty());
  }

  @Test
  void unreadableProfileRemovesTheOlderOne() {
    apply(RegistryKeys.profile("p1"), profile("p1"));
    applyRaw(RegistryKeys.profile("p1"), "{\"schemaVersion\":1,\"mappings\":\"not a list\"}");
    assertTrue(registry.profile("p1").isEmpty());
  }

  @Test
  void profileIdComesFromTheKey() {
    apply(RegistryKeys.profile("p-key"), profile("p-value"));
    assertEquals("p-key", registry.profile("p-key").orElseThrow().id());
    assertTrue(registry.profile("p-value").isEmpty());
  }

  @Test
  void deviceIsFoundByItsTerminalIdAndTombstoneRemovesIt() {
    DeviceRecord d = DeviceRecord.of("d1", "v1", DeviceRecord.EGTS, null, "866001", "p1");
    apply(RegistryKeys.device("d1"), d);
    assertEquals(d, registry.byTerminal(DeviceRecord.EGTS, "866001").orElseThrow());

    apply(RegistryKeys.device("d1"), null);
    assertTrue(registry.byTerminal(DeviceRecord.EGTS, "866001").isEmpty());
  }

  @Test
  void otherKindsAreIgnored() {
    applyRaw(RegistryKeys.vehicle("v1"), "{\"schemaVersion\":1,\"id\":\"v1\"}");
    assertEquals(0, registry.size());
    assertEquals(0, registry.profileCount());
  }
}
