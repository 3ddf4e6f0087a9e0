package dev.dozor.bench.rules;

import dev.dozor.bench.BenchException;
import dev.dozor.bench.Progress;
import dev.dozor.bench.stats.Percentiles;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Phase 3: violation latency of the packaged rules-service. bin/dozor starts the service on the
 * bench's own topics (created here with {@code message.timestamp.type=LogAppendTime}, so both
 * timestamps are the broker's append times); this class paces the fleet's points onto the telemetry
 * topic at the asked rate, reads the violations topic, and for every violation whose (vehicle,
 * event time) is a produced point takes violation append time − that point's append time.
 */
final class ViolationLatency {
  static final int TELEMETRY_PARTITIONS = 12;
  static final int VIOLATION_PARTITIONS = 6;

  /**
   * The latency run.
   *
   * @param vehicles fleet size
   * @param targetPerS asked rate
   * @param rateBasis what the rate is half of
   * @param capacityPerS the service's measured capacity (a backlog drained), points/s; NaN when the
   *     rate was given
   * @param producedPerS rate actually produced
   * @param seconds production time
   * @param warmUpS first seconds whose violations are not counted
   * @param produced points produced
   * @param violations violation events read
   * @param matched events matched to a produced point (counted after the warm-up)
   * @param unmatched events whose event time is no produced fix (deadline and clock driven)
   * @param ms latency percentiles of the matched events, milliseconds
   * @param warmUpMs latency percentiles of the events matched to points of the warm-up (not
   *     counted: the service settles after the capacity backlog)
   * @param lagAtEnd records of the telemetry topic the service had not committed when production
   *     stopped
   * @param drainS seconds after production until the service had committed everything (−1: not
   *     within the wait)
   * @param note why it was not measured, or empty
   */
  record Result(
      int vehicles,
      double targetPerS,
      String rateBasis,
      double capacityPerS,
      double producedPerS,
      double seconds,
      double warmUpS,
      long produced,
      long violations,
      long matched,
      long unmatched,
      Percentiles ms,
      Percentiles warmUpMs,
      long lagAtEnd,
      double drainS,
      String note) {

    static Result notMeasured(int vehicles, double target, String basis, String note) {
      return new Result(
          vehicles,
          target,
          basis,
          Double.NaN,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          Percentiles.EMPTY,
          Percentiles.EMPTY,
          -1,
          -1,
          note);
    }
  }

  private final RulesBenchOptions o;
  private final Progress progress;

  ViolationLatency(RulesBenchOptions o, Progress progress) {
    this.o = o;
    this.progress = progress;
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafka());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return Admin.create(p);
  }

  /** Deletes and creates the bench topics (broker append timestamps). */
  void prepareTopics() throws InterruptedException {
    deleteTopics();
    Map<String, String> appendTime = Map.of("message.timestamp.type", "LogAppendTime");
    try (Admin admin = admin()) {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (true) {
        try {
          admin
              .createTopics(
                  List.of(
                      new NewTopic(o.telemetryTopic(), TELEMETRY_PARTITIONS, (short) 1)
                          .configs(appendTime),
                      new NewTopic(o.violationsTopic(), VIOLATION_PARTITIONS, (short) 1)
                          .configs(appendTime),
                      // the service's segment passes (bin/dozor points it here); without the
                      // topic its batches wait for the passes' acknowledgement and nothing flows
                      new NewTopic(coverageTopic(), VIOLATION_PARTITIONS, (short) 1),
                      // the service's container-site visits (TIM-003), compacted like the demo's
                      new NewTopic(siteVisitsTopic(), VIOLATION_PARTITIONS, (short) 1)
                          .configs(Map.of("cleanup.policy", "compact"))))
              .all()
              .get();
          progress.say(
              "latency: topics %s and %s created (broker append time)",
              o.telemetryTopic(), o.violationsTopic());
          return;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
            throw new BenchException("cannot create the bench topics: " + e.getCause(), e);
          }
          Thread.sleep(500);
        }
      }
    }
  }

  /** The bench's segment-pass topic: the violations topic's name with {@code coverage}. */
  private String coverageTopic() {
    return o.violationsTopic().replace(".violations.", ".coverage.");
  }

  /** The bench's site-visit topic: the violations topic's name with {@code site-visits}. */
  private String siteVisitsTopic() {
    return o.violationsTopic().replace(".violations.", ".site-visits.");
  }

  void deleteTopics() throws InterruptedException {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get();
      List<String> present =
          // the service's segment passes go to a bench topic of the same family (bin/dozor)
          List.of(o.telemetryTopic(), o.violationsTopic(), coverageTopic(), siteVisitsTopic())
              .stream()
              .filter(existing::contains)
              .toList();
      if (!present.isEmpty()) {
        admin.deleteTopics(present).all().get();
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw new BenchException("cannot delete the bench topics: " + e.getCause(), e);
      }
    }
  }

  /**
   * The latency run at {@code askedPerS} points/s, or — when it is 0 — at half the service's
   * capacity, measured first by {@link #capacity}.
   */
  Result measure(double askedPerS) throws Exception {
    double targetPerS = askedPerS;
    String basis = "given with --latency-rate";
    if (!awaitReady()) {
      return Result.notMeasured(
          o.vehicles(),
          targetPerS,
          basis,
          "rules-service was not ready at "
              + o.rules()
              + " within 180 s; see .dozor/logs/rules.log");
    }
    EngineFleet fleet =
        new EngineFleet(
            RulesGeography.load(o.sharedData(), 42),
            o.vehicles(),
            EngineSetup.START,
            o.offenderShare(),
            42);
    LatencyLedger ledger = new LatencyLedger();
    double capacityPerS = Double.NaN;
    if (askedPerS <= 0) {
      BacklogDrain drain = capacity(fleet, ledger);
      capacityPerS = drain.recordsPerS();
      if (Double.isNaN(capacityPerS)) {
        return Result.notMeasured(
            o.vehicles(),
            0,
            "half the measured capacity",
            "the service committed too little of a "
                + drain.backlog()
                + "-point backlog to measure its capacity (samples: "
                + drain.samples()
                + ")");
      }
      if (!drain.drained()) {
        progress.say(
            "latency: the backlog is not drained yet; waiting for it before the paced run");
        awaitDrained();
      }
      targetPerS = capacityPerS / 2;
      basis =
          String.format(
              Locale.ROOT,
              "half the packaged service's capacity of %,.0f points/s (a backlog of %,d points"
                  + " produced and committed in %.0f s, after a warm-up of 3 points a vehicle)",
              capacityPerS,
              drain.backlog(),
              drain.seconds());
    }
    List<Long> latencies = new ArrayList<>();
    List<Long> warmUpLatencies = new ArrayList<>();
    AtomicLong violations = new AtomicLong();
    AtomicLong unmatched = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong countFromMs = new AtomicLong(Long.MAX_VALUE);
    AtomicReference<Exception> readFailure = new AtomicReference<>();
    CountDownLatch readerAtEnd = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try {
                read(
                    ledger,
                    latencies,
                    warmUpLatencies,
                    violations,
                    unmatched,
                    stop,
                    countFromMs,
                    readerAtEnd);
              } catch (Exception e) {
                readFailure.set(e);
              }
            },
            "bench-violations-reader");
    reader.start();
    if (!readerAtEnd.await(60, TimeUnit.SECONDS)) {
      throw new BenchException(
          "the violations reader did not reach the end of " + o.violationsTopic());
    }
    progress.say(
        "latency: producing %,.0f points/s for %d s (%,d vehicles, %.0f %% offenders) to %s; the"
            + " first %d s are warm-up",
        targetPerS,
        o.latencySeconds(),
        o.vehicles(),
        o.offenderShare() * 100,
        o.telemetryTopic(),
        o.latencyWarmUpSeconds());
    long t0 = System.nanoTime();
    long produced = produce(fleet, ledger, targetPerS, t0, countFromMs);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long lag = lag();
    progress.say(
        "latency: %,d points produced in %.1f s (%,.0f/s); the service had %,d not yet committed",
        produced, seconds, produced / seconds, lag);
    double drain = awaitDrained();
    Thread.sleep(2_000); // the last violations reach the reader
    stop.set(true);
    reader.join(30_000);
    if (readFailure.get() != null) {
      throw new BenchException("reading " + o.violationsTopic() + ": " + readFailure.get());
    }
    Percentiles p;
    Percentiles warmUp;
    long matched;
    synchronized (latencies) {
      p = Percentiles.of(latencies);
      warmUp = Percentiles.of(warmUpLatencies);
      matched = latencies.size();
    }
    progress.say(
        "latency: during the warm-up (not counted), %,d matched: p50 %s, p95 %s, p99 %s ms",
        warmUpLatencies.size(), fmt(warmUp.p50()), fmt(warmUp.p95()), fmt(warmUp.p99()));
    progress.say(
        "latency: %,d violation events, %,d matched to their point after the warm-up: p50 %s,"
            + " p95 %s, p99 %s ms",
        violations.get(), matched, fmt(p.p50()), fmt(p.p95()), fmt(p.p99()));
    return new Result(
        o.vehicles(),
        targetPerS,
        basis,
        capacityPerS,
        produced / seconds,
        seconds,
        o.latencyWarmUpSeconds(),
        produced,
        violations.get(),
        matched,
        unmatched.get(),
        p,
        warmUp,
        lag,
        drain,
        "");
  }

  static String fmt(Double v) {
    return v == null ? "—" : String.format(java.util.Locale.ROOT, "%,.0f", v);
  }

  /**
   * Phase 3a: after an untimed warm-up backlog (three fixes a vehicle), a backlog of {@code
   * capacityPoints} produced as fast as the producer goes, then the service's committed offsets
   * sampled every second until it has committed all of it (or the drain wait is over).
   */
  private BacklogDrain capacity(EngineFleet fleet, LatencyLedger ledger) throws Exception {
    // first every vehicle's first fixes, untimed: the service starts cold (JIT, an empty state)
    long warm = 3L * o.vehicles();
    progress.say(
        "latency: capacity: warming the service up with %,d points (3 a vehicle), untimed", warm);
    produceBacklog(fleet, ledger, warm);
    if (awaitDrained() < 0) {
      progress.say("latency: capacity: the warm-up backlog is not drained within the wait");
    }
    long base = committed();
    long backlog = o.capacityPoints();
    progress.say(
        "latency: capacity: producing a backlog of %,d points as fast as possible to %s, then"
            + " timing the service's commits",
        backlog, o.telemetryTopic());
    long t0 = System.nanoTime();
    List<BacklogDrain.Sample> samples = new ArrayList<>();
    produceBacklog(fleet, ledger, backlog);
    progress.say(
        "latency: capacity: backlog produced in %.1f s; waiting for the service",
        (System.nanoTime() - t0) / 1e9);
    long deadline = System.nanoTime() + (o.drainWaitSeconds() + backlog / 1_000) * 1_000_000_000L;
    long lastSay = System.nanoTime();
    while (true) {
      long committed = committed() - base;
      long now = System.nanoTime();
      samples.add(new BacklogDrain.Sample((now - t0) / 1e9, committed));
      if (committed >= backlog || now > deadline) {
        break;
      }
      if (now - lastSay > 10e9) {
        lastSay = now;
        progress.say("  %,d of %,d committed after %.0f s", committed, backlog, (now - t0) / 1e9);
      }
      Thread.sleep(1_000);
    }
    BacklogDrain drain = new BacklogDrain(backlog, samples);
    progress.say(
        "latency: capacity: %s points/s (%s)",
        fmt(Double.isNaN(drain.recordsPerS()) ? null : drain.recordsPerS()),
        drain.drained() ? "backlog drained" : "NOT drained within the wait");
    return drain;
  }

  /** Produces {@code points} of the fleet as fast as the producer goes. */
  private void produceBacklog(EngineFleet fleet, LatencyLedger ledger, long points) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (long i = 0; i < points && failure.get() == null; i++) {
        send(producer, fleet.next(), ledger, failure);
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new BenchException("producing to " + o.telemetryTopic() + ": " + failure.get());
    }
  }

  /** The gateway's producer settings. */
  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafka());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** Sends one point; its broker append time goes to the ledger once acknowledged. */
  private void send(
      KafkaProducer<String, byte[]> producer,
      TelemetryPoint point,
      LatencyLedger ledger,
      AtomicReference<Exception> failure) {
    String vehicle = point.vehicleId();
    int slot = ledger.sent(vehicle, point.fixTime().toEpochMilli());
    producer.send(
        new ProducerRecord<>(o.telemetryTopic(), vehicle, JsonSerde.toBytes(point)),
        (meta, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          } else {
            ledger.acked(vehicle, slot, meta.timestamp());
          }
        });
  }

  private long produce(
      EngineFleet fleet, LatencyLedger ledger, double perS, long t0, AtomicLong countFromMs)
      throws InterruptedException {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long sent = 0;
    long endNs = t0 + o.latencySeconds() * 1_000_000_000L;
    long warmEndNs = t0 + o.latencyWarmUpSeconds() * 1_000_000_000L;
    long lastSay = t0;
    try (KafkaProducer<String, byte[]> producer = producer()) {
      while (System.nanoTime() < endNs && failure.get() == null) {
        // pace in 5 ms steps: send what is due by now
        long due = (long) ((System.nanoTime() - t0) / 1e9 * perS);
        while (sent < due) {
          send(producer, fleet.next(), ledger, failure);
          sent++;
        }
        long now = System.nanoTime();
        if (now >= warmEndNs && countFromMs.get() == Long.MAX_VALUE) {
          countFromMs.set(System.currentTimeMillis());
        }
        if (now - lastSay > 10e9) {
          lastSay = now;
          progress.say("  %,d points produced after %.0f s", sent, (now - t0) / 1e9);
        }
        Thread.sleep(5);
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new BenchException("producing to " + o.telemetryTopic() + ": " + failure.get());
    }
    return sent;
  }

  private void read(
      LatencyLedger ledger,
      List<Long> latencies,
      List<Long> warmUpLatencies,
      AtomicLong violations,
      AtomicLong unmatched,
      AtomicBoolean stop,
      AtomicLong countFromMs,
      CountDownLatch atEnd) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafka());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int i = 0; i < VIOLATION_PARTITIONS; i++) {
        parts.add(new TopicPartition(o.violationsTopic(), i));
      }
      consumer.assign(parts);
      // from the end: the violations of the capacity phase's backlog are not part of the run
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position);
      atEnd.countDown();
      while (!stop.get()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          violations.incrementAndGet();
          ViolationEvent e = JsonSerde.fromBytes(r.value(), ViolationEvent.class);
          long from =
              e.eventTime() == null
                  ? LatencyLedger.UNKNOWN
                  : ledger.brokerTime(e.vehicleId(), e.eventTime().toEpochMilli());
          if (from == LatencyLedger.UNKNOWN) {
            unmatched.incrementAndGet();
          } else {
            synchronized (latencies) {
              (from >= countFromMs.get() ? latencies : warmUpLatencies).add(r.timestamp() - from);
            }
          }
        }
      }
    }
  }

  /**
   * Waits (at most the drain wait) until the service has committed everything.
   *
   * @return seconds waited, or −1 when it had not within the wait
   */
  private double awaitDrained() throws Exception {
    long d0 = System.nanoTime();
    while ((System.nanoTime() - d0) / 1e9 < o.drainWaitSeconds()) {
      if (lag() == 0) {
        return (System.nanoTime() - d0) / 1e9;
      }
      Thread.sleep(500);
    }
    return -1;
  }

  /** Records of the bench telemetry topic the service's group has not committed. */
  long lag() throws Exception {
    long[] offsets = offsets();
    return offsets[1] - offsets[0];
  }

  /** Records of the bench telemetry topic the service's group has committed. */
  long committed() throws Exception {
    return offsets()[0];
  }

  /** Committed and end offsets of the bench telemetry topic, summed over its partitions. */
  private long[] offsets() throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(o.serviceGroup()).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int i = 0; i < TELEMETRY_PARTITIONS; i++) {
        latest.put(new TopicPartition(o.telemetryTopic(), i), OffsetSpec.latest());
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get();
      long done = 0;
      long end = 0;
      for (var e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        done += c == null ? 0 : c.offset();
        end += e.getValue().offset();
      }
      return new long[] {done, end};
    }
  }

  private boolean awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = o.rules().resolve("/q/health/ready");
    long deadline = System.nanoTime() + 180_000_000_000L;
    progress.say("latency: waiting for rules-service at %s", ready);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    return false;
  }
}
