package dev.dozor.events.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole compacted topic from the beginning of every partition on its own thread, then
 * follows it: no consumer group, so every instance sees every record and no offset is committed.
 * Retries with a back-off while the broker or the topic is missing.
 */
public final class CompactedTopicReader implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CompactedTopicReader.class.getName());

  /** How the reader polls and retries. */
  public record Settings(Duration pollTimeout, Duration retryBackoff, Duration apiTimeout) {}

  /** What the reader hands over: each poll's records, and once, the moment it caught up. */
  public interface Listener {
    void apply(ConsumerRecords<String, byte[]> records);

    void caughtUp(long records, long millis);
  }

  private final String topic;
  private final Properties properties;
  private final Settings settings;
  private final Listener listener;
  private volatile boolean running;
  private volatile boolean caughtUp;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  public CompactedTopicReader(
      String topic,
      String bootstrapServers,
      String clientId,
      Settings settings,
      Listener listener) {
    this.topic = topic;
    this.settings = settings;
    this.listener = listener;
    this.properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
  }

  /** Starts the reading thread. */
  public void start(String threadName) {
    running = true;
    thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** True once every record present at start was handed over. */
  public boolean isCaughtUp() {
    return caughtUp;
  }

  /** True while the reading thread runs (it stops only on close). */
  public boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties)) {
        consumer = c;
        consume(c);
      } catch (WakeupException | InterruptException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.log(
            Level.WARNING,
            "reading " + topic + " failed (" + e + "); retrying in " + settings.retryBackoff());
        if (!sleep(settings.retryBackoff())) {
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
    while (running) {
      ConsumerRecords<String, byte[]> batch = c.poll(settings.pollTimeout());
      if (!batch.isEmpty()) {
        listener.apply(batch);
      }
      records += batch.count();
      if (!caughtUp) {
        endOffsets.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
        if (endOffsets.isEmpty()) {
          caughtUp = true;
          listener.caughtUp(records, (System.nanoTime() - started) / 1_000_000);
        }
      }
    }
  }

  private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c) {
    while (running) {
      List<PartitionInfo> infos = c.partitionsFor(topic, settings.apiTimeout());
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      LOG.log(
          Level.WARNING, "topic " + topic + " not found; retrying in " + settings.retryBackoff());
      if (!sleep(settings.retryBackoff())) {
        break;
      }
    }
    return List.of();
  }

  private boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
