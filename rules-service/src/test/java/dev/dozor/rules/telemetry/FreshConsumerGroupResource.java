package dev.dozor.rules.telemetry;

import dev.dozor.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Gives the test application its own consumer group, committed at the current end of the telemetry
 * topic before the app starts: the test reads only its own points (not the shared broker's history)
 * and cannot miss them while the group is still joining.
 */
public class FreshConsumerGroupResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    String bootstrap = System.getenv("DOZOR_KAFKA_BOOTSTRAP");
    if (bootstrap == null || bootstrap.isBlank()) {
      return Map.of(); // Dev Services: a fresh broker, nothing to skip
    }
    String group = "dozor-rules-test-" + UUID.randomUUID();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(Topics.TELEMETRY))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(Topics.TELEMETRY)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(Topics.TELEMETRY, p.partition()))
              .toList();
      Map<TopicPartition, OffsetAndMetadata> ends =
          admin
              .listOffsets(
                  partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get(30, TimeUnit.SECONDS)
              .entrySet()
              .stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
      admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare consumer group " + group, e);
    }
    return Map.of("mp.messaging.incoming.telemetry.group.id", group);
  }

  @Override
  public void stop() {}
}
