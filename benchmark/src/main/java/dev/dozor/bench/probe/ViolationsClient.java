package dev.dozor.bench.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.bench.BenchException;
import dev.dozor.bench.accuracy.Episode;
import dev.dozor.events.JsonSerde;
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

/** Reads raised violations from dispatch-service's REST API as the user {@code dispatcher}. */
public final class ViolationsClient {
  private final URI dispatch;
  private final String basic;
  private final HttpClient http = HttpClient.newHttpClient();

  public ViolationsClient(URI dispatch, String password) {
    this.dispatch = dispatch;
    this.basic =
        Base64.getEncoder()
            .encodeToString(("dispatcher:" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Every episode of {@code vehicleId} (at most 1000), as [startedAt, endedAt or now]. */
  public List<Episode> episodesOf(String vehicleId) {
    return query("vehicleId=" + URLEncoder.encode(vehicleId, StandardCharsets.UTF_8));
  }

  /** Episodes of every vehicle and regulation that started at or after {@code from} (≤ 1000). */
  public List<Episode> episodesSince(Instant from) {
    return query("from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8));
  }

  /** Regulation ids rules-service implements ({@code GET /api/v1/regulations}). */
  public static java.util.Set<String> implementedRegulations(URI rules) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(rules + "/api/v1/regulations"))
                      .timeout(Duration.ofSeconds(10))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (JsonNode n : JsonSerde.mapper().readTree(r.body())) {
        ids.add(n.path("id").asText());
      }
      return ids;
    } catch (Exception e) {
      return java.util.Set.of("SPD-001");
    }
  }

  private List<Episode> query(String filter) {
    URI uri = URI.create(dispatch + "/api/v1/violations?limit=1000&" + filter);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Basic " + basic)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new BenchException(
            "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode list = JsonSerde.mapper().readTree(response.body());
      List<Episode> episodes = new ArrayList<>();
      Instant now = Instant.now();
      for (JsonNode v : list) {
        String ended = v.path("endedAt").asText(null);
        episodes.add(
            new Episode(
                v.path("vehicleId").asText(),
                v.path("regulationId").asText(),
                Instant.parse(v.path("startedAt").asText()),
                ended == null || ended.isBlank() || ended.equals("null")
                    ? now
                    : Instant.parse(ended)));
      }
      return episodes;
    } catch (BenchException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted during GET " + uri, e);
    } catch (Exception e) {
      throw new BenchException("GET " + uri + " failed: " + e, e);
    }
  }
}
