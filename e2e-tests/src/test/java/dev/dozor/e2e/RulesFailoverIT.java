package dev.dozor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Two rules-service instances share the telemetry partitions; one is killed with SIGKILL in the
 * middle of long SPD-001 episodes. The survivor takes its partitions over from their checkpoints.
 * With the re-read window switched off, only the checkpoint can carry the episodes across: every
 * vehicle must still have exactly one episode, with its true start, opened once and closed at its
 * true end — none lost (never closed) and none doubled (a second id from a later start).
 */
class RulesFailoverIT {
  private static final int VEHICLES = 24;
  private static final int STEP_S = 5;

  /** Fixes of ploughing at 60 km/h per vehicle before and after the kill: 20 + 20 min. */
  private static final int HALF = 240;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void killingOneOfTwoInstancesMidEpisodeLosesAndDoublesNoViolation() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String telemetryTopic = "dozor.e2e.failover." + run + ".telemetry";
    String violationsTopic = "dozor.e2e.failover." + run + ".violations";
    String bootstrap = PackagedCenter.requiredEnv("DOZOR_KAFKA_BOOTSTRAP");
    createTopics(bootstrap, telemetryTopic, violationsTopic);

    Map<String, String> env = new HashMap<>();
    for (String name :
        List.of(
            "DOZOR_KAFKA_BOOTSTRAP",
            "DOZOR_JDBC_URL",
            "DOZOR_REACTIVE_URL",
            "DOZOR_DB_USER",
            "DOZOR_DB_PASSWORD")) {
      env.put(name, PackagedCenter.requiredEnv(name));
    }
    env.put("DOZOR_RULES_TELEMETRY_TOPIC", telemetryTopic);
    env.put("DOZOR_RULES_VIOLATIONS_TOPIC", violationsTopic);
    env.put("DOZOR_RULES_GROUP", "dozor-rules-failover-" + run);
    env.put("DOZOR_RULES_REPLAY_WINDOW", "0s"); // only the checkpoint may restore state
    env.put("DOZOR_RULES_CHECKPOINT_INTERVAL", "1s");
    env.put("DOZOR_RULES_KAFKA_SESSION_TIMEOUT_MS", "10000");
    Path root = Path.of(System.getProperty("dozor.root", "..")).toAbsolutePath().normalize();
    Path jar = root.resolve("rules-service/target/quarkus-app/quarkus-run.jar");
    Path logs = root.resolve("e2e-tests/target/e2e-logs");

    Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    List<String> vehicles = new ArrayList<>();
    for (int i = 0; i < VEHICLES; i++) {
      vehicles.add("fo-" + run + "-" + i);
    }

    try (ServiceProcess a =
            ServiceProcess.start(
                "rules-a",
                jar,
                PackagedCenter.freePort(),
                "DOZOR_RULES_PORT",
                withName(env, "a"),
                logs);
        ServiceProcess b =
            ServiceProcess.start(
                "rules-b",
                jar,
                PackagedCenter.freePort(),
                "DOZOR_RULES_PORT",
                withName(env, "b"),
                logs);
        KafkaProducer<String, byte[]> producer = producer(bootstrap);
        ViolationLog violations = new ViolationLog(bootstrap, violationsTopic)) {
      a.awaitReady(http, Duration.ofSeconds(120));
      b.awaitReady(http, Duration.ofSeconds(120));

      send(producer, telemetryTopic, vehicles, t0, 0, HALF, 60, true);
      violations.awaitEach(vehicles, ViolationStatus.OPENED, Duration.ofSeconds(120));
      Thread.sleep(3000); // both instances write checkpoints (every 1 s after a batch)

      a.kill9();
      System.out.printf("failover: kill -9 of rules-a (pid %d) mid-episode%n", a.pid());
      send(producer, telemetryTopic, vehicles, t0, HALF, HALF, 60, true);
      send(producer, telemetryTopic, vehicles, t0, 2 * HALF, 2, 20, false);

      violations.awaitEach(vehicles, ViolationStatus.CLOSED, Duration.ofSeconds(180));
      Thread.sleep(2000); // late duplicates, if any, would arrive now
      Map<String, List<ViolationEvent>> byVehicle = violations.spd001ByVehicle(vehicles);

      Instant lastViolatingFix = t0.plusSeconds((2L * HALF - 1) * STEP_S);
      for (String v : vehicles) {
        List<ViolationEvent> events = byVehicle.get(v);
        Set<String> ids =
            events.stream().map(ViolationEvent::violationId).collect(Collectors.toSet());
        assertEquals(1, ids.size(), v + " has one episode, not " + ids.size() + ": " + events);
        assertTrue(events.stream().allMatch(e -> e.startedAt().equals(t0)), v + " starts at t0");
        ViolationEvent closed =
            events.stream().filter(e -> e.status() == ViolationStatus.CLOSED).findFirst().get();
        assertEquals(lastViolatingFix, closed.endedAt(), v + " closes at its last violating fix");
      }
      System.out.printf(
          "failover: %d vehicles, %d SPD-001 events, one episode each%n",
          vehicles.size(), byVehicle.values().stream().mapToInt(List::size).sum());
    }
  }

  private static Map<String, String> withName(Map<String, String> env, String name) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put("DOZOR_RULES_RESTORE_INSTANCE_NAME", "rules-" + name);
    return copy;
  }

  private static void send(
      KafkaProducer<String, byte[]> producer,
      String topic,
      List<String> vehicles,
      Instant t0,
      int fromFix,
      int fixes,
      double speedKmh,
      boolean plough)
      throws Exception {
    for (int i = fromFix; i < fromFix + fixes; i++) {
      for (String v : vehicles) {
        Instant fix = t0.plusSeconds((long) i * STEP_S);
        TelemetryPoint p =
            TelemetryPoint.of(
                v,
                "dev-" + v,
                fix,
                fix.plusSeconds(1),
                55.60 + i * 0.0008,
                37.50 + vehicles.indexOf(v) * 0.01,
                speedKmh,
                0.0,
                Equipment.plough(plough));
        producer.send(new ProducerRecord<>(topic, v, JsonSerde.toBytes(p)));
      }
    }
    producer.flush();
  }

  private static void createTopics(String bootstrap, String telemetry, String violations)
      throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(telemetry, 12, (short) 1), new NewTopic(violations, 6, (short) 1)))
          .all()
          .get();
    }
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(p);
  }

  /** Everything on the test's violations topic, read as it arrives. */
  private static final class ViolationLog implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ViolationEvent> events = new ArrayList<>();

    ViolationLog(String bootstrap, String topic) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-failover-reader-" + UUID.randomUUID());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      consumer = new KafkaConsumer<>(p);
      consumer.subscribe(List.of(topic));
    }

    void awaitEach(List<String> vehicles, ViolationStatus status, Duration timeout) {
      Instant deadline = Instant.now().plus(timeout);
      while (Instant.now().isBefore(deadline)) {
        poll();
        Set<String> with =
            events.stream()
                .filter(e -> e.status() == status && e.regulationId().equals("SPD-001"))
                .map(ViolationEvent::vehicleId)
                .collect(Collectors.toSet());
        if (with.containsAll(vehicles)) {
          return;
        }
      }
      throw new AssertionError(
          "not every vehicle has an SPD-001 "
              + status
              + " within "
              + timeout
              + ": "
              + spd001ByVehicle(vehicles));
    }

    Map<String, List<ViolationEvent>> spd001ByVehicle(List<String> vehicles) {
      poll();
      Map<String, List<ViolationEvent>> by = new TreeMap<>();
      vehicles.forEach(v -> by.put(v, new ArrayList<>()));
      for (ViolationEvent e : events) {
        if (e.regulationId().equals("SPD-001") && by.containsKey(e.vehicleId())) {
          by.get(e.vehicleId()).add(e);
        }
      }
      return by;
    }

    private void poll() {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        events.add(JsonSerde.fromBytes(r.value(), ViolationEvent.class));
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
