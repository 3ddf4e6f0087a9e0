package dev.dozor.bench.probe;

import dev.dozor.bench.BenchException;
import dev.dozor.events.Topics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the groups that read {@code dozor.telemetry.v1}: the sum over partitions of end
 * offset minus committed offset. A partition the group never committed counts from the earliest
 * offset still in the log.
 */
public final class KafkaLagProbe implements AutoCloseable {
  public static final String TELEMETRY_GROUP = "dozor-telemetry";
  public static final String RULES_GROUP = "dozor-rules";
  public static final List<String> GROUPS = List.of(TELEMETRY_GROUP, RULES_GROUP);

  private final Admin admin;
  private final List<TopicPartition> partitions;

  public KafkaLagProbe(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "dozor-bench-lag");
    this.admin = Admin.create(p);
    try {
      int n =
          admin
              .describeTopics(List.of(Topics.TELEMETRY))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(Topics.TELEMETRY)
              .partitions()
              .size();
      this.partitions =
          java.util.stream.IntStream.range(0, n)
              .mapToObj(i -> new TopicPartition(Topics.TELEMETRY, i))
              .toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while describing " + Topics.TELEMETRY, e);
    } catch (ExecutionException | TimeoutException e) {
      admin.close();
      throw new BenchException(
          "cannot describe topic " + Topics.TELEMETRY + " on Kafka " + bootstrap + ": " + e, e);
    }
  }

  /** Lag per group in {@link #GROUPS}, records; the end offsets are read once for all groups. */
  public Map<String, Long> lag() {
    try {
      Map<TopicPartition, Long> end = offsets(OffsetSpec.latest());
      Map<TopicPartition, Long> earliest = null;
      Map<String, Long> lags = new LinkedHashMap<>();
      for (String group : GROUPS) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition tp : partitions) {
          OffsetAndMetadata c = committed.get(tp);
          long from;
          if (c != null) {
            from = c.offset();
          } else {
            if (earliest == null) {
              earliest = offsets(OffsetSpec.earliest());
            }
            from = earliest.getOrDefault(tp, 0L);
          }
          lag += Math.max(0, end.getOrDefault(tp, 0L) - from);
        }
        lags.put(group, lag);
      }
      return lags;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while reading consumer lag", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchException("cannot read consumer lag from Kafka: " + e, e);
    }
  }

  /** End offset summed over partitions: how many telemetry records were ever produced. */
  public long endOffsetSum() {
    try {
      return offsets(OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while reading end offsets", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchException("cannot read end offsets from Kafka: " + e, e);
    }
  }

  private Map<TopicPartition, Long> offsets(OffsetSpec spec)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    result.forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }

  @Override
  public void close() {
    admin.close();
  }
}
