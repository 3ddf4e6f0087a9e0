package dev.dozor.rules.restore;

import dev.dozor.rules.engine.PartitionSnapshot;
import dev.dozor.rules.engine.RuleEngineService;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checkpoints each partition's rule state after a batch (at most every {@link
 * RestoreConfig#checkpointInterval()}), and restores it when the partition is assigned here. A
 * checkpoint is written only after the batch's violations were acknowledged by Kafka, so it never
 * claims state whose events are not published.
 */
@ApplicationScoped
public class CheckpointService {
  private static final Logger LOG = Logger.getLogger(CheckpointService.class);

  /** A snapshot taken right after a batch, to be written once the batch's events are durable. */
  public record Pending(int partition, long nextOffset, PartitionSnapshot snapshot) {}

  private final RuleEngineService engine;
  private final CheckpointStore store;
  private final RestoreConfig config;
  private final String group;
  private final String topic;
  private final String instance;
  private final Map<Integer, Long> lastCaptureMs = new HashMap<>();

  public CheckpointService(
      RuleEngineService engine,
      CheckpointStore store,
      RestoreConfig config,
      @ConfigProperty(name = "mp.messaging.incoming.telemetry.group.id") String group,
      @ConfigProperty(name = "mp.messaging.incoming.telemetry.topic") String topic) {
    this.engine = engine;
    this.store = store;
    this.config = config;
    this.group = group;
    this.topic = topic;
    this.instance = config.instanceName().orElseGet(CheckpointService::hostName);
  }

  public boolean isEnabled() {
    return !config.checkpointInterval().isZero();
  }

  /**
   * Snapshots the partitions of a just-processed batch whose last checkpoint is older than the
   * interval. Call on the thread that processed the batch, before the next batch.
   *
   * @param nextOffsets per partition, the offset after the batch's last record
   */
  public synchronized List<Pending> capture(Map<Integer, Long> nextOffsets) {
    if (!isEnabled() || nextOffsets.isEmpty()) {
      return List.of();
    }
    long now = System.currentTimeMillis();
    List<Pending> pending = new ArrayList<>();
    nextOffsets.forEach(
        (partition, offset) -> {
          Long last = lastCaptureMs.get(partition);
          if (last == null || now - last >= config.checkpointInterval().toMillis()) {
            PartitionSnapshot snapshot = engine.engine().snapshot(partition);
            if (snapshot != null) {
              pending.add(new Pending(partition, offset, snapshot));
              lastCaptureMs.put(partition, now);
            }
          }
        });
    return pending;
  }

  /** Writes the snapshots; a failure is logged and the next interval tries again. */
  public void write(List<Pending> pending) {
    for (Pending p : pending) {
      try {
        byte[] bytes = p.snapshot().toBytes();
        store.write(
            group,
            topic,
            new CheckpointStore.Checkpoint(
                p.partition(), p.nextOffset(), p.snapshot().vehicles(), bytes, instance));
        LOG.debugf(
            "checkpoint of %s-%d at offset %d: %d vehicles, %d state facts, %d bytes",
            topic,
            p.partition(),
            p.nextOffset(),
            p.snapshot().vehicles(),
            p.snapshot().states().size(),
            bytes.length);
      } catch (RuntimeException e) {
        synchronized (this) {
          lastCaptureMs.remove(p.partition());
        }
        LOG.warnf(
            "could not write the checkpoint of %s-%d at offset %d (%s); the next batch tries again",
            topic, p.partition(), p.nextOffset(), e.getMessage());
      }
    }
  }

  /**
   * Restores a newly assigned partition from its checkpoint.
   *
   * @return the offset to continue from, or empty when there is no usable checkpoint
   */
  public Optional<Long> restore(int partition) {
    if (!isEnabled()) {
      return Optional.empty();
    }
    Optional<CheckpointStore.Checkpoint> stored;
    try {
      stored = store.read(group, topic, partition);
    } catch (RuntimeException e) {
      LOG.warnf(
          "could not read the checkpoint of %s-%d (%s); re-reading the replay window instead",
          topic, partition, e.getMessage());
      return Optional.empty();
    }
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    CheckpointStore.Checkpoint c = stored.get();
    PartitionSnapshot snapshot;
    try {
      snapshot = engine.engine().readSnapshot(c.state());
    } catch (IllegalArgumentException e) {
      LOG.warnf(
          "checkpoint of %s-%d written by %s is unusable (%s); re-reading the replay window instead",
          topic, partition, c.writtenBy(), e.getMessage());
      return Optional.empty();
    }
    engine.engine().restore(snapshot);
    synchronized (this) {
      lastCaptureMs.put(partition, System.currentTimeMillis());
    }
    LOG.infof(
        "restored the rule state of %s-%d from the checkpoint written by %s: %d vehicles, %d state"
            + " facts; continuing at offset %d",
        topic,
        partition,
        c.writtenBy(),
        snapshot.vehicles(),
        snapshot.states().size(),
        c.nextOffset());
    return Optional.of(c.nextOffset());
  }

  /** The partition left this instance: its next checkpoint is due at once when it comes back. */
  public synchronized void forget(int partition) {
    lastCaptureMs.remove(partition);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
    } catch (java.net.UnknownHostException e) {
      return "pid " + ProcessHandle.current().pid();
    }
  }
}
