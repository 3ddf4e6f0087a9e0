package dev.dozor.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.events.JsonSerde;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads a vehicle's SPD-001 violations from dispatch-service's API (Basic auth). */
final class DispatchClient {
  private final URI base;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  DispatchClient(URI base, String dispatcherPassword) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("dispatcher:" + dispatcherPassword).getBytes(StandardCharsets.UTF_8));
  }

  List<EpisodeCheck.Raised> spd001(String vehicleId) throws IOException, InterruptedException {
    URI uri =
        URI.create(
            base
                + "/api/v1/violations?regulationId=SPD-001&limit=1000&vehicleId="
                + URLEncoder.encode(vehicleId, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode body = JsonSerde.mapper().readTree(response.body());
    JsonNode items = body.isArray() ? body : body.path("items");
    List<EpisodeCheck.Raised> out = new ArrayList<>();
    for (JsonNode v : items) {
      out.add(
          new EpisodeCheck.Raised(
              v.path("id").asText(),
              Instant.parse(v.path("startedAt").asText()),
              v.hasNonNull("endedAt") ? Instant.parse(v.get("endedAt").asText()) : null,
              v.path("status").asText()));
    }
    return out;
  }
}
