package dev.dozor.bench.drill;

import dev.dozor.events.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Consumer lag of a group on a topic: end offsets minus committed offsets (Kafka AdminClient). */
final class LagProbe implements AutoCloseable {
  static final String TELEMETRY_GROUP = "dozor-telemetry";
  static final String RULES_GROUP = "dozor-rules";
  static final String DISPATCH_GROUP = "dozor-dispatch";

  private final Admin admin;

  LagProbe(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    this.admin = Admin.create(p);
  }

  /** Lag of {@code group} on {@code topic}; empty when Kafka does not answer. */
  OptionalLong lag(String group, String topic) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      int partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(5, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .size();
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int i = 0; i < partitions; i++) {
        request.put(new TopicPartition(topic, i), OffsetSpec.latest());
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
      }
      return OptionalLong.of(lag);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return OptionalLong.empty();
    }
  }

  OptionalLong telemetryLag() {
    return lag(TELEMETRY_GROUP, Topics.TELEMETRY);
  }

  /** Whether telemetry-service, rules-service and dispatch-service have committed everything. */
  boolean drained() {
    return isZero(lag(TELEMETRY_GROUP, Topics.TELEMETRY))
        && isZero(lag(RULES_GROUP, Topics.TELEMETRY))
        && isZero(lag(DISPATCH_GROUP, Topics.VIOLATIONS));
  }

  /** "telemetry 0, rules 12, dispatch 0" for progress lines. */
  String describe() {
    return "telemetry "
        + show(lag(TELEMETRY_GROUP, Topics.TELEMETRY))
        + ", rules "
        + show(lag(RULES_GROUP, Topics.TELEMETRY))
        + ", dispatch "
        + show(lag(DISPATCH_GROUP, Topics.VIOLATIONS));
  }

  private static boolean isZero(OptionalLong l) {
    return l.isPresent() && l.getAsLong() == 0;
  }

  private static String show(OptionalLong l) {
    return l.isPresent() ? Long.toString(l.getAsLong()) : "?";
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(2));
  }
}
