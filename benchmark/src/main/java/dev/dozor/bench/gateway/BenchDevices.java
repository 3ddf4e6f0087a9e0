package dev.dozor.bench.gateway;

import dev.dozor.bench.BenchException;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TokenHash;
import dev.dozor.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's devices, written straight to the registry topic (the gateway alone is measured,
 * so telemetry-service is not involved). Ids are fixed, so re-runs replace rather than add.
 */
final class BenchDevices {
  static final String HTTP_PREFIX = "bench-gw-http-";
  static final long EGTS_TID_BASE = 700_000_000L;

  private BenchDevices() {}

  static String httpToken(int i) {
    return "bench-gateway-token-" + i;
  }

  static long egtsTerminalId(int i) {
    return EGTS_TID_BASE + i;
  }

  /** A 15-digit IMEI-like id per benchmark tracker. */
  static String wialonImei(int i) {
    return String.format("99%013d", i);
  }

  /** Publishes the benchmark's HTTP JSON devices, EGTS terminals and Wialon IPS trackers. */
  static void register(String kafka, int http, int egts, int wialon) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      List<Future<?>> acks = new ArrayList<>();
      for (int i = 0; i < http; i++) {
        acks.add(
            send(
                producer,
                DeviceRecord.of(
                    HTTP_PREFIX + i,
                    "bench-gw-vehicle-" + i,
                    DeviceRecord.HTTP_JSON,
                    TokenHash.sha256Hex(httpToken(i)))));
      }
      for (int i = 0; i < egts; i++) {
        acks.add(
            send(
                producer,
                DeviceRecord.of(
                    "bench-gw-egts-" + i,
                    "bench-gw-egts-vehicle-" + i,
                    DeviceRecord.EGTS,
                    null,
                    Long.toString(egtsTerminalId(i)),
                    null)));
      }
      for (int i = 0; i < wialon; i++) {
        acks.add(
            send(
                producer,
                DeviceRecord.of(
                    "bench-gw-wialon-" + i,
                    "bench-gw-wialon-vehicle-" + i,
                    DeviceRecord.WIALON_IPS,
                    null,
                    wialonImei(i),
                    null)));
      }
      for (Future<?> ack : acks) {
        ack.get();
      }
    }
  }

  /** Waits until the gateway knows the last HTTP device (an empty batch is then a 400, not 401). */
  static void awaitKnown(URI gateway, int http, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest probe =
        HttpRequest.newBuilder(gateway.resolve("/api/v1/telemetry"))
            .header("Authorization", "Bearer " + httpToken(http - 1))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[]"))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    int status = -1;
    while (System.nanoTime() < deadline) {
      status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 400) {
        return;
      }
      Thread.sleep(200);
    }
    throw new BenchException(
        "the gateway did not learn the benchmark devices within "
            + timeout
            + " (last answer "
            + status
            + "); is it reading "
            + Topics.REGISTRY
            + "?");
  }

  private static Future<?> send(KafkaProducer<String, byte[]> producer, DeviceRecord d) {
    return producer.send(
        new ProducerRecord<>(Topics.REGISTRY, RegistryKeys.device(d.id()), JsonSerde.toBytes(d)));
  }
}
