package dev.dozor.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.JsonSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The REST calls end-to-end tests make on a {@link PackagedCenter}, and waiting for effects. */
final class CenterApi {
  private final HttpClient http;
  private final ObjectMapper json = JsonSerde.mapper();
  private final PackagedCenter center;
  private final Duration deadline;

  CenterApi(HttpClient http, PackagedCenter center, Duration deadline) {
    this.http = http;
    this.center = center;
    this.deadline = deadline;
  }

  /** PUT a JSON body; fails the test unless the answer is 2xx. */
  void put(String url, Object body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        response.statusCode() / 100 == 2,
        "PUT " + url + " -> " + response.statusCode() + " " + response.body());
  }

  /** GET a dispatch-service path as the dispatcher. */
  JsonNode dispatchGet(String pathAndQuery) {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                ("dispatcher:" + PackagedCenter.DISPATCHER_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(center.dispatch.baseUrl() + pathAndQuery))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Basic " + auth)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + pathAndQuery + " -> " + response.statusCode() + " " + response.body());
      }
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pathAndQuery + ": " + e.getMessage(), e);
    }
  }

  /** Polls {@code probe} until {@code done}; fails with the services' log tails on timeout. */
  <T> T await(String what, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
    Instant end = Instant.now().plus(deadline);
    T last = null;
    while (Instant.now().isBefore(end)) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "timed out after "
            + deadline
            + " waiting for "
            + what
            + " (last: "
            + describe(last)
            + ")"
            + center.logTails());
  }

  private static String describe(Object value) {
    return value instanceof long[] counts
        ? java.util.Arrays.toString(counts)
        : String.valueOf(value);
  }
}
