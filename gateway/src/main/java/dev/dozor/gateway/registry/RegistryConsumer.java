package dev.dozor.gateway.registry;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.Topics;
import dev.dozor.events.kafka.CompactedTopicReader;
import dev.dozor.gateway.profile.ProfileMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the whole compacted registry topic (devices and device profiles) into {@link
 * DeviceRegistry} with the shared {@link CompactedTopicReader}: from the beginning of every
 * partition, on a dedicated thread, no consumer group (every gateway instance needs every device,
 * so partitions are assigned, never balanced, and no offsets are committed).
 */
@ApplicationScoped
public class RegistryConsumer {
  private static final Logger LOG = Logger.getLogger(RegistryConsumer.class);

  private final DeviceRegistry registry;
  private final RegistryConfig config;
  private final String bootstrapServers;
  private CompactedTopicReader reader;

  public RegistryConsumer(
      DeviceRegistry registry,
      RegistryConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.registry = registry;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
  }

  void onStart(@Observes StartupEvent event) {
    LOG.infof("reading registry %s from the beginning", Topics.REGISTRY);
    reader =
        new CompactedTopicReader(
            Topics.REGISTRY,
            bootstrapServers,
            "dozor-gateway-registry",
            new CompactedTopicReader.Settings(
                config.pollTimeout(), config.retryBackoff(), config.apiTimeout()),
            new CompactedTopicReader.Listener() {
              @Override
              public void apply(ConsumerRecords<String, byte[]> records) {
                records.forEach(RegistryConsumer.this::apply);
                if (registry.isComplete()) {
                  LOG.infof(
                      "registry applied %d records; %d devices, %d profiles",
                      records.count(), registry.size(), registry.profileCount());
                }
              }

              @Override
              public void caughtUp(long records, long millis) {
                registry.markComplete();
                LOG.infof(
                    "registry caught up: %d devices, %d profiles from %d records in %d ms",
                    registry.size(), registry.profileCount(), records, millis);
              }
            });
    reader.start("dozor-registry-consumer");
  }

  void onStop(@Observes ShutdownEvent event) {
    if (reader != null) {
      reader.close();
    }
  }

  /** True once every record present at start-up has been applied: devices can authenticate. */
  public boolean isCaughtUp() {
    return registry.isComplete();
  }

  /** True while the reading thread runs (it only stops on shutdown). */
  public boolean isRunning() {
    return reader != null && reader.isRunning();
  }

  /** Applies one registry record; kinds other than devices and profiles are not needed here. */
  void apply(ConsumerRecord<String, byte[]> record) {
    String key = record.key();
    if (key == null) {
      return;
    }
    String kind = RegistryKeys.kind(key);
    if (RegistryKeys.DEVICE.equals(kind)) {
      applyDevice(record, RegistryKeys.id(key));
    } else if (RegistryKeys.PROFILE.equals(kind)) {
      applyProfile(record, RegistryKeys.id(key));
    }
  }

  private void applyDevice(ConsumerRecord<String, byte[]> record, String deviceId) {
    if (record.value() == null) {
      registry.remove(deviceId);
      return;
    }
    DeviceRecord device;
    try {
      device = JsonSerde.fromBytes(record.value(), DeviceRecord.class);
    } catch (JsonSerde.MalformedMessageException e) {
      // Fail closed: the newest value for this key is unreadable, so the older one is stale too.
      registry.remove(deviceId);
      LOG.warnf(
          "device %s: unreadable registry record at %s-%d@%d, device disabled: %s",
          deviceId, record.topic(), record.partition(), record.offset(), e.getMessage());
      return;
    }
    if (!deviceId.equals(device.id())) {
      LOG.warnf("registry key %s holds device id %s; using the key", record.key(), device.id());
      device =
          new DeviceRecord(
              device.schemaVersion(),
              deviceId,
              device.vehicleId(),
              device.protocol(),
              device.tokenSha256(),
              device.terminalId(),
              device.profileId());
    }
    registry.put(device);
  }

  private void applyProfile(ConsumerRecord<String, byte[]> record, String profileId) {
    if (record.value() == null) {
      registry.removeProfile(profileId);
      return;
    }
    DeviceProfileRecord profile;
    try {
      profile = JsonSerde.fromBytes(record.value(), DeviceProfileRecord.class);
    } catch (JsonSerde.MalformedMessageException e) {
      // Without a trustworthy mapping, inputs stay raw attributes: no equipment state is invented.
      registry.removeProfile(profileId);
      LOG.warnf(
          "profile %s: unreadable registry record at %s-%d@%d, its devices send raw inputs only: %s",
          profileId, record.topic(), record.partition(), record.offset(), e.getMessage());
      return;
    }
    if (!profileId.equals(profile.id())) {
      LOG.warnf("registry key %s holds profile id %s; using the key", record.key(), profile.id());
      profile =
          new DeviceProfileRecord(
              profile.schemaVersion(), profileId, profile.name(), profile.mappings());
    }
    for (String problem : ProfileMapper.problems(profile)) {
      LOG.warnf("profile %s: %s", profileId, problem);
    }
    registry.putProfile(profile);
  }
}
