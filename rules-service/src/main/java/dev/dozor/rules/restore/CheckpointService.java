package dev.dozor.rules.restore;

import dev.dozor.rules.engine.ChunkedBytes;
import dev.dozor.rules.engine.PartitionSnapshot;
import dev.dozor.rules.engine.RuleEngineService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checkpoints each partition's rule state after a batch (at most every {@link
 * RestoreConfig#checkpointInterval()}), and restores it when the partition is assigned here. A
 * checkpoint is written only after the batch's violations were acknowledged by Kafka, so it never
 * claims state whose events are not published.
 *
 * <p>Only the serialization happens on the engine's thread (the next batch would change the state
 * facts); compression and the database write run on a writer thread of their own, so the next batch
 * does not wait for them. The partitions' first due times are spread over the interval, so they do
 * not all come due in one batch: serializing all of them at once stalled the engine for about a
 * second at 20,000 vehicles (bin/dozor bench rules, violation latency).
 */
@ApplicationScoped
public class CheckpointService {
  private static final Logger LOG = Logger.getLogger(CheckpointService.class);

  /**
   * A partition's state serialized right after a batch, to be written once the batch's events are
   * durable.
   *
   * @param raw {@link PartitionSnapshot#serialize()}
   */
  public record Pending(
      int partition, long nextOffset, int vehicles, int stateFacts, ChunkedBytes raw) {}

  /** Partitions the due times are spread over (the telemetry topic's count). */
  static final int STAGGER_SLOTS = 12;

  private final RuleEngineService engine;
  private final CheckpointStore store;
  private final RestoreConfig config;
  private final String group;
  private final String topic;
  private final String instance;
  private final Map<Integer, Long> lastCaptureMs = new HashMap<>();
  // at most one checkpoint per partition is waiting for the writer
  private final Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rules-checkpoint-writer");
            t.setDaemon(true);
            return t;
          });

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
   * Serializes the partitions of a just-processed batch whose last checkpoint is older than the
   * interval (and that have none waiting for the writer). Call on the thread that processed the
   * batch, before the next batch.
   *
   * @param nextOffsets per partition, the offset after the batch's last record
   */
  public synchronized List<Pending> capture(Map<Integer, Long> nextOffsets) {
    if (!isEnabled() || nextOffsets.isEmpty()) {
      return List.of();
    }
    long now = System.currentTimeMillis();
    long interval = config.checkpointInterval().toMillis();
    List<Pending> pending = new ArrayList<>();
    nextOffsets.forEach(
        (partition, offset) -> {
          long last = lastCaptureMs.computeIfAbsent(partition, p -> staggeredStart(p, now));
          if (now - last >= interval && !inFlight.contains(partition)) {
            captureOne(partition, offset, now).ifPresent(pending::add);
          }
        });
    return pending;
  }

  /**
   * Serializes one partition. A failure is logged and skips this checkpoint only: the batch's
   * events are already on their way to Kafka, and the partition comes due again after the interval.
   */
  private Optional<Pending> captureOne(int partition, long offset, long now) {
    try {
      PartitionSnapshot snapshot = engine.engine().snapshot(partition);
      if (snapshot == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Pending(
              partition,
              offset,
              snapshot.vehicles(),
              snapshot.states().size(),
              snapshot.serialize()));
    } catch (RuntimeException e) {
      LOG.warnf(
          e,
          "could not capture the checkpoint of %s-%d at offset %d; a new owner of the partition"
              + " re-reads from the last checkpoint written, the next capture is due in %s",
          topic,
          partition,
          offset,
          config.checkpointInterval());
      return Optional.empty();
    } finally {
      lastCaptureMs.put(partition, now);
    }
  }

  /**
   * The "last capture" of a partition seen for the first time: partition {@code p} comes due {@code
   * (p mod 12) / 12} of the interval from now, partition 0 at once.
   */
  long staggeredStart(int partition, long nowMs) {
    long interval = config.checkpointInterval().toMillis();
    return nowMs - interval + interval * Math.floorMod(partition, STAGGER_SLOTS) / STAGGER_SLOTS;
  }

  /**
   * Hands the captured checkpoints to the writer thread (compression, database); returns at once. A
   * failure is logged and the partition's next batch tries again.
   */
  public void writeLater(List<Pending> pending) {
    for (Pending p : pending) {
      inFlight.add(p.partition());
      try {
        writer.execute(
            () -> {
              try {
                write(p);
              } finally {
                inFlight.remove(p.partition());
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        inFlight.remove(p.partition());
        LOG.warnf("checkpoint of %s-%d not written: the service is stopping", topic, p.partition());
      }
    }
  }

  private void write(Pending p) {
    try {
      long t0 = System.nanoTime();
      byte[] bytes = PartitionSnapshot.compress(p.raw());
      store.write(
          group,
          topic,
          new CheckpointStore.Checkpoint(
              p.partition(), p.nextOffset(), p.vehicles(), bytes, instance));
      LOG.debugf(
          "checkpoint of %s-%d at offset %d: %d vehicles, %d state facts, %d bytes (%d raw),"
              + " compressed and written in %d ms",
          topic,
          p.partition(),
          p.nextOffset(),
          p.vehicles(),
          p.stateFacts(),
          bytes.length,
          p.raw().size(),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      synchronized (this) {
        lastCaptureMs.put(p.partition(), 0L); // due again with the partition's next batch
      }
      LOG.warnf(
          "could not write the checkpoint of %s-%d at offset %d (%s); the next batch tries again",
          topic, p.partition(), p.nextOffset(), e.getMessage());
    }
  }

  /** Lets the writer finish what it was given (a clean shutdown keeps the latest checkpoints). */
  @PreDestroy
  void stopWriter() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("the checkpoint writer did not finish within 10 s; a restart re-reads more");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  /** The partition left this instance: its checkpoints start over when it comes back. */
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
