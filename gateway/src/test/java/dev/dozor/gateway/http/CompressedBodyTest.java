package dev.dozor.gateway.http;

import static dev.dozor.gateway.KafkaTestSupport.awaitPoints;
import static dev.dozor.gateway.KafkaTestSupport.publishRegistry;
import static dev.dozor.gateway.KafkaTestSupport.telemetryEndOffsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.TokenHash;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Content-Encoding: gzip} on the HTTP JSON endpoint, and what a decompression bomb gets. */
@QuarkusTest
class CompressedBodyTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TestHTTPResource("/api/v1/telemetry")
  URI endpoint;

  private String vehicleId;
  private String token;

  @BeforeEach
  void registerDevice() throws Exception {
    String deviceId = UUID.randomUUID().toString();
    vehicleId = UUID.randomUUID().toString();
    token = UUID.randomUUID().toString();
    publishRegistry(
        RegistryKeys.device(deviceId),
        DeviceRecord.of(deviceId, vehicleId, DeviceRecord.HTTP_JSON, TokenHash.sha256Hex(token)));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    // 401 unknown token, 503 registry still loading; a known device gets 400 (empty batch)
    int status;
    while ((status = post(gzip("[]".getBytes(StandardCharsets.UTF_8))).statusCode()) == 401
        || status == 503) {
      if (System.nanoTime() > deadline) {
        fail("device not known to the gateway in time");
      }
      Thread.sleep(100);
    }
  }

  @Test
  void acceptsGzipCompressedBatch() throws Exception {
    Map<TopicPartition, Long> before = telemetryEndOffsets();
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(10);
    String json =
        "[{\"fixTime\":\""
            + t
            + "\",\"lat\":55.85,\"lon\":37.64},{\"fixTime\":\""
            + t.plusSeconds(1)
            + "\",\"lat\":55.86,\"lon\":37.65}]";

    HttpResponse<String> response = post(gzip(json.getBytes(StandardCharsets.UTF_8)));

    assertEquals(202, response.statusCode(), response.body());
    assertEquals("{\"accepted\":2}", response.body());
    List<TelemetryPoint> stored = awaitPoints(vehicleId, before, 2);
    assertEquals(
        List.of(t, t.plusSeconds(1)), stored.stream().map(TelemetryPoint::fixTime).toList());
  }

  @Test
  void refusesDecompressionBombWith413AndKeepsServing() throws Exception {
    // valid JSON as far as it goes: "[" and then 200 MB of spaces, so the parser keeps reading
    byte[] bomb = gzipped((byte) '[', (byte) ' ', 200L * 1024 * 1024);
    assertTrue(bomb.length < 1024 * 1024, "the bomb itself is small: " + bomb.length);

    HttpResponse<String> response = timed(bomb);

    assertEquals(413, response.statusCode(), "body: " + response.body());
    assertServing();
  }

  @Test
  void refusesZeroBombAsMalformedWithoutInflatingIt() throws Exception {
    byte[] bomb = gzipped((byte) 0, (byte) 0, 200L * 1024 * 1024);

    HttpResponse<String> response = timed(bomb);

    assertEquals(400, response.statusCode(), "body: " + response.body());
    assertTrue(response.body().contains("malformed JSON"), response.body());
    assertServing();
  }

  /** Posts and checks the answer came quickly (no 200 MB inflated and parsed first). */
  private HttpResponse<String> timed(byte[] body) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = post(body);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(tookMillis < 20_000, "answered in " + tookMillis + " ms");
    return response;
  }

  private void assertServing() throws Exception {
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
    HttpResponse<String> next =
        post(
            gzip(
                ("[{\"fixTime\":\"" + t + "\",\"lat\":55.0,\"lon\":37.0}]")
                    .getBytes(StandardCharsets.UTF_8)));
    assertEquals(202, next.statusCode(), "the gateway keeps serving after the bomb");
  }

  private HttpResponse<String> post(byte[] gzipped) throws Exception {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Content-Encoding", "gzip")
              .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("the gateway dropped the connection instead of answering", e);
    }
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  /** {@code first} followed by {@code size} bytes of {@code fill}, gzipped. */
  private static byte[] gzipped(byte first, byte fill, long size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, fill);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      gz.write(first);
      for (long written = 0; written < size; written += chunk.length) {
        gz.write(chunk);
      }
    }
    return out.toByteArray();
  }
}
