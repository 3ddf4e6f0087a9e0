package dev.dozor.gateway.egts;

import static dev.dozor.gateway.KafkaTestSupport.bootstrap;
import static dev.dozor.gateway.KafkaTestSupport.telemetryEndOffsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.tcp.TcpServers;
import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDecodeException;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketEncoder;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsSubrecord;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Mutated, truncated and extended frames (fixed seed) over real sockets, authenticated and not: the
 * server must keep answering fresh connections, and no implausible point may reach Kafka.
 */
@QuarkusTest
class EgtsSocketFuzzTest {
  private static final long SEED = 20_261_128L;
  private static final int CASES = 600;
  private static final int PROBE_TIMEOUT_MS = 250;

  @Inject TcpServers servers;
  @Inject DeviceRegistry registry;

  @Test
  void authenticatedSocketSurvivesMutatedFramesAndStoresOnlySanePoints() throws Exception {
    long tid = EgtsTerminal.randomTid();
    String vehicleId = UUID.randomUUID().toString();
    EgtsTerminal.register(registry, UUID.randomUUID().toString(), vehicleId, "" + tid, null);
    Map<TopicPartition, Long> before = telemetryEndOffsets();

    int sent = fuzz(tid, true, seeds(tid), new Random(SEED));

    assertTrue(sent >= CASES, "sent " + sent);
    assertFreshConnectionWorks(tid);
    List<TelemetryPoint> points = pointsOf(vehicleId, before);
    assertTrue(!points.isEmpty(), "the fresh connection's point at least");
    Instant now = Instant.now();
    for (TelemetryPoint p : points) {
      RawFix asFix =
          new RawFix(
              p.fixTime(),
              p.lat(),
              p.lon(),
              true,
              p.speedKmh(),
              p.headingDeg(),
              null,
              null,
              p.odometerKm(),
              Map.of(),
              Map.of());
      assertEquals(
          java.util.Optional.empty(),
          FixSanity.DEFAULT.problem(asFix, now.plusSeconds(1)),
          "garbage point stored: " + p);
    }
  }

  @Test
  void unauthenticatedSocketNeverPublishes() throws Exception {
    long tid = EgtsTerminal.randomTid();
    String vehicleId = UUID.randomUUID().toString();
    EgtsTerminal.register(registry, UUID.randomUUID().toString(), vehicleId, "" + tid, null);
    Map<TopicPartition, Long> before = telemetryEndOffsets();

    // the identities in the seeds name another, unregistered terminal
    int sent = fuzz(tid, false, seeds(EgtsTerminal.randomTid()), new Random(SEED + 1));

    assertTrue(sent >= CASES, "sent " + sent);
    assertEquals(List.of(), pointsOf(vehicleId, before));
    assertFreshConnectionWorks(tid);
  }

  /**
   * Sends {@link #CASES} mutations, each followed by a valid probe packet whose answer shows the
   * server processed the case; a close or a stream left waiting for more bytes (a truncated frame)
   * ends that connection and the next case starts on a new one (re-authenticated when asked).
   */
  private int fuzz(long tid, boolean authenticate, List<byte[]> seeds, Random random)
      throws Exception {
    int port = servers.port("egts").orElseThrow();
    int processed = 0;
    int reconnects = 0;
    EgtsTerminal terminal = null;
    try {
      for (int i = 0; i < CASES; i++) {
        if (terminal == null) {
          terminal = new EgtsTerminal(port);
          if (authenticate) {
            terminal.authenticate(tid);
          }
          terminal.socket.setSoTimeout(PROBE_TIMEOUT_MS);
          reconnects++;
        }
        int probe = 1000 + i;
        try {
          terminal.send(mutate(seeds.get(random.nextInt(seeds.size())), random));
          terminal.send(EgtsPacketEncoder.appData(probe, List.of()));
          processed++;
          if (!awaitProbe(terminal, probe)) {
            terminal.close();
            terminal = null;
          }
        } catch (IOException | EgtsDecodeException e) {
          terminal.close(); // closed by the server, or still waiting for the rest of a frame
          terminal = null;
        }
      }
    } finally {
      if (terminal != null) {
        terminal.close();
      }
    }
    assertTrue(reconnects > 10 && reconnects < CASES, "reconnects " + reconnects);
    return processed;
  }

  /** Reads answers until the probe's; false when the server closed the connection instead. */
  private static boolean awaitProbe(EgtsTerminal terminal, int probe) throws Exception {
    while (true) {
      EgtsPacket answer;
      try {
        answer = terminal.nextPacket();
      } catch (SocketTimeoutException e) {
        return false;
      }
      if (answer.packetType() == EgtsPacketType.RESPONSE
          && answer.responseToPacketId() == probe
          && answer.processingResult() == 0) {
        return true;
      }
    }
  }

  private void assertFreshConnectionWorks(long tid) throws Exception {
    try (EgtsTerminal terminal = new EgtsTerminal(servers.port("egts").orElseThrow())) {
      terminal.authenticate(tid);
      RawFix fix =
          RawFix.of(
              Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5),
              55.1,
              37.2,
              20.0,
              10.0);
      terminal.send(EgtsDeviceEncoder.teledata(9, 9, null, List.of(fix)));
      assertEquals(
          List.of(new EgtsSubrecord.RecordResponse(9, 0)), terminal.nextPacket().recordResponses());
    }
  }

  /** Every point of {@code vehicleId} between {@code from} and the end offsets now. */
  private static List<TelemetryPoint> pointsOf(String vehicleId, Map<TopicPartition, Long> from) {
    Map<TopicPartition, Long> to = telemetryEndOffsets();
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<TelemetryPoint> own = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      c.assign(from.keySet());
      from.forEach(c::seek);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (to.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (vehicleId.equals(r.key())) {
            own.add(JsonSerde.fromBytes(r.value(), TelemetryPoint.class));
          }
        }
      }
    }
    return own;
  }

  private static List<byte[]> seeds(long tid) {
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
    RawFix rich =
        new RawFix(
            t,
            55.75,
            37.61,
            true,
            40.0,
            359.0,
            -12.0,
            7,
            100.0,
            Map.of("din3", 1.0, "din20", 1.0, "dout2", 1.0, "ain1", 5.0, "cnt1", 7.0, "lls2", 9.0),
            Map.of());
    RawFix plain = RawFix.of(t.plusSeconds(5), -33.9, -70.6, 10.0, 180.0);
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(EgtsDeviceEncoder.termIdentity(1, 1, EgtsDeviceEncoder.identity(tid, null)));
    seeds.add(EgtsDeviceEncoder.teledata(2, 1, 42L, List.of(rich, plain, rich)));
    seeds.add(EgtsDeviceEncoder.teledata(3, 4, null, List.of(plain)));
    return seeds;
  }

  /**
   * The mutations of the codec's fuzz test: flips with and without valid checksums, cuts, tails.
   */
  private static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    switch (random.nextInt(7)) {
      case 0 -> flip(b, random, 0, b.length);
      case 1, 2 -> {
        flip(b, random, 11, b.length - 2);
        EgtsTerminal.fixChecksums(b);
      }
      case 3 -> {
        return Arrays.copyOf(b, random.nextInt(b.length));
      }
      case 4 -> {
        byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(40));
        for (int i = b.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        return longer;
      }
      case 5 -> {
        int at = random.nextBoolean() ? 5 : 11 + random.nextInt(Math.max(1, b.length - 13));
        b[at] = (byte) random.nextInt(256);
        if (random.nextBoolean() && at + 1 < b.length) {
          b[at + 1] = (byte) random.nextInt(256);
        }
        EgtsTerminal.fixChecksums(b);
      }
      default -> {
        byte[] garbage = new byte[random.nextInt(64)];
        random.nextBytes(garbage);
        if (garbage.length > 3 && random.nextBoolean()) {
          garbage[0] = 1;
          garbage[2] = 0;
          garbage[3] = 11;
          EgtsTerminal.fixChecksums(garbage);
        }
        return garbage;
      }
    }
    return b;
  }

  private static void flip(byte[] b, Random random, int from, int to) {
    if (to <= from) {
      return;
    }
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      b[from + random.nextInt(to - from)] = (byte) random.nextInt(256);
    }
  }
}
