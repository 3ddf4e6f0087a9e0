package dev.dozor.rules.sites;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The TIM-003 site monitor's state is the compacted visit topic itself: on every assignment the
 * partitions are re-read from the beginning, and their sites are evaluated once the re-read reached
 * the end offset they had at assignment.
 */
@ApplicationScoped
@Identifier("rules-site-visits")
public class SiteVisitRebalanceListener implements KafkaConsumerRebalanceListener {
  private final SiteMonitorService service;

  public SiteVisitRebalanceListener(SiteMonitorService service) {
    this.service = service;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Map<Integer, Long> toReach = new HashMap<>();
    for (TopicPartition p : partitions) {
      long e = end.getOrDefault(p, 0L);
      if (e > begin.getOrDefault(p, 0L)) {
        toReach.put(p.partition(), e);
      }
    }
    String topic = partitions.iterator().next().topic();
    int count = consumer.partitionsFor(topic).size();
    service.assigned(count, partitions.stream().map(TopicPartition::partition).toList(), toReach);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    service.revoked(partitions.stream().map(TopicPartition::partition).toList());
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    service.revoked(partitions.stream().map(TopicPartition::partition).toList());
  }
}
