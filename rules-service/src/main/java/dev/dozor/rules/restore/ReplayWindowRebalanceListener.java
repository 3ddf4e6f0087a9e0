package dev.dozor.rules.restore;

import dev.dozor.rules.engine.RuleEngineService;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds rule state after a restart or a partition move: from the partition's checkpoint (then
 * only the records after it are re-read) or, without a usable one, by re-reading the last {@link
 * RestoreConfig#replayWindow()} of each newly assigned partition. Committed offsets only say which
 * points were evaluated, not which in-memory episode candidates they fed; re-reading the window
 * restores those candidates. Re-emitted violations carry the same deterministic ids, so
 * dispatch-service's upsert absorbs them; points a live session already processed are skipped by
 * the engine.
 */
@ApplicationScoped
@Identifier("rules-replay-window")
public class ReplayWindowRebalanceListener implements KafkaConsumerRebalanceListener {
  private static final Logger LOG = Logger.getLogger(ReplayWindowRebalanceListener.class);

  private final RestoreConfig config;
  private final RuleEngineService engine;
  private final CheckpointService checkpoints;

  public ReplayWindowRebalanceListener(
      RestoreConfig config, RuleEngineService engine, CheckpointService checkpoints) {
    this.config = config;
    this.engine = engine;
    this.checkpoints = checkpoints;
  }

  /** The partitions moved away: their state now lives with the new owner. */
  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    release(partitions, "revoked");
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    release(partitions, "lost");
  }

  private void release(Collection<TopicPartition> partitions, String why) {
    if (partitions.isEmpty() || !engine.isReady()) {
      return;
    }
    engine.engine().releasePartitions(partitions.stream().map(TopicPartition::partition).toList());
    partitions.forEach(p -> checkpoints.forget(p.partition()));
    LOG.infof("partitions %s %s: their rule state is dropped here", partitions, why);
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> assigned, Collection<TopicPartition> all) {
    if (all.isEmpty()) {
      return;
    }
    Consumer<?, ?> consumer = assigned;
    // a checkpoint gives the exact state and the offset it includes: continue right after it
    java.util.List<TopicPartition> partitions = new java.util.ArrayList<>();
    for (TopicPartition p : all) {
      Optional<Long> next =
          engine.isReady() ? checkpoints.restore(p.partition()) : Optional.empty();
      if (next.isPresent()) {
        consumer.seek(p, next.get());
      } else {
        partitions.add(p);
      }
    }
    if (partitions.isEmpty() || config.replayWindow().isZero()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new HashSet<>(partitions));
    long since = System.currentTimeMillis() - config.replayWindow().toMillis();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, since));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);

    Map<TopicPartition, Long> committedOffsets = new HashMap<>();
    committed.forEach(
        (p, o) -> {
          if (o != null) {
            committedOffsets.put(p, o.offset());
          }
        });
    Map<TopicPartition, Optional<Long>> windowStart = new HashMap<>();
    partitions.forEach(
        p -> windowStart.put(p, Optional.ofNullable(found.get(p)).map(OffsetAndTimestamp::offset)));

    Map<TopicPartition, Long> targets = ReplayWindow.seekTargets(committedOffsets, windowStart);
    targets.forEach(
        (p, offset) -> {
          consumer.seek(p, offset);
          LOG.infof(
              "restoring rule state of %s: re-reading %d records (the last %s) from offset %d",
              p, committedOffsets.get(p) - offset, config.replayWindow(), offset);
        });
  }
}
