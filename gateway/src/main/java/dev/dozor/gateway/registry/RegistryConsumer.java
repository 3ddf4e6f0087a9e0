package dev.dozor.gateway.registry;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.Topics;
import dev.dozor.gateway.profile.ProfileMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the whole compacted registry topic (devices and device profiles) into {@link
 * DeviceRegistry}, from the beginning of every partition, on a dedicated thread. No consumer group:
 * every gateway instance needs every device, so partitions are assigned, never balanced, and no
 * offsets are committed.
 */
@ApplicationScoped
public class RegistryConsumer {
  private static final Logger LOG = Logger.getLogger(RegistryConsumer.class);

  private final DeviceRegistry registry;
  private final RegistryConfig config;
  private final String bootstrapServers;

  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  public RegistryConsumer(
      DeviceRegistry registry,
      RegistryConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.registry = registry;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
  }

  void onStart(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::run, "dozor-registry-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      thread.join(Duration.ofSeconds(5).toMillis());
    }
  }

  /** True once every record present at start-up has been applied: devices can authenticate. */
  public boolean isCaughtUp() {
    return registry.isComplete();
  }

  /** True while the reading thread runs (it only stops on shutdown). */
  public boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties())) {
        consumer = c;
        consume(c);
      } catch (WakeupException | InterruptException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warnf(
            "registry consumer failed (%s); retrying in %s", e.toString(), config.retryBackoff());
        if (!sleep(config.retryBackoff())) {
          return;
        }
      } finally {
        consumer = null;
      }
    }
  }

  private void consume(KafkaConsumer<String, byte[]> c) {
    List<TopicPartition> partitions = awaitPartitions(c);
    if (partitions.isEmpty()) {
      return;
    }
    c.assign(partitions);
    c.seekToBeginning(partitions);
    Map<TopicPartition, Long> endOffsets = new HashMap<>(c.endOffsets(partitions));
    long started = System.nanoTime();
    long records = 0;
    LOG.infof(
        "reading registry %s from the beginning of %d partitions",
        Topics.REGISTRY, partitions.size());
    while (running) {
      ConsumerRecords<String, byte[]> batch = c.poll(config.pollTimeout());
      for (ConsumerRecord<String, byte[]> record : batch) {
        apply(record);
      }
      records += batch.count();
      if (!registry.isComplete()) {
        endOffsets.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
        if (endOffsets.isEmpty()) {
          registry.markComplete();
          LOG.infof(
              "registry caught up: %d devices, %d profiles from %d records in %d ms",
              registry.size(),
              registry.profileCount(),
              records,
              (System.nanoTime() - started) / 1_000_000);
        }
      } else if (!batch.isEmpty()) {
        LOG.infof(
            "registry applied %d records; %d devices, %d profiles",
            batch.count(), registry.size(), registry.profileCount());
      }
    }
  }

  /** The registry topic's partitions; empty only when shutting down. */
  private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c) {
    while (running) {
      List<PartitionInfo> infos = c.partitionsFor(Topics.REGISTRY, config.apiTimeout());
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      LOG.warnf(
          "registry topic %s not found; retrying in %s", Topics.REGISTRY, config.retryBackoff());
      if (!sleep(config.retryBackoff())) {
        break;
      }
    }
    return List.of();
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

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "dozor-gateway-registry");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.apiTimeout().toMillis());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
