package dev.dozor.simulator.protocol.osmand;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.client.Delivery;
import dev.dozor.simulator.client.FixSender;
import dev.dozor.simulator.client.RegistrationWait;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.protocol.TerminalSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An OsmAnd tracker as Traccar Client is one: one {@code GET /?id=..&lat=..&lon=..&timestamp=..}
 * per fix, oldest first. 200 acknowledges the fix (the gateway answers it once Kafka has it); 503,
 * another 5xx, 429, a timeout or no connection keeps it and the fixes after it for a later attempt;
 * 404 is the gateway not knowing the id yet (kept, retried until the registration wait ends); 400
 * and other 4xx refuse the fix as malformed (a simulator bug: dropped and counted, as for HTTP
 * JSON).
 */
public final class OsmAndClient implements FixSender {
  private final String base;
  private final String id;
  private final HttpClient http;
  private final TerminalSettings settings;
  private final RegistrationWait registration;

  /**
   * @param base the gateway's OsmAnd URL, e.g. {@code http://127.0.0.1:18055}
   * @param id the tracker's id ({@code id=} parameter, the registered terminal id)
   * @param http shared by all OsmAnd trackers of a run ({@link #newHttpClient})
   */
  public OsmAndClient(URI base, String id, HttpClient http, TerminalSettings settings) {
    String s = base.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.id = id;
    this.http = http;
    this.settings = settings;
    this.registration = new RegistrationWait(settings.authWait());
  }

  /** An HTTP/1.1 client with keep-alive and the connect timeout of {@code settings}. */
  public static HttpClient newHttpClient(TerminalSettings settings) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .build();
  }

  @Override
  public String endpoint() {
    return base + "/";
  }

  /**
   * One request per fix until one is not acknowledged.
   *
   * @throws dev.dozor.simulator.client.SimulatorException when the gateway answered 404 for longer
   *     than {@link TerminalSettings#authWait()}
   */
  @Override
  public synchronized Delivery send(List<TelemetryPoint> points) {
    BitSet acked = new BitSet(points.size());
    BitSet rejected = new BitSet(points.size());
    SendResult last = new SendResult(SendResult.Outcome.ACCEPTED, 200, 0, 0, "");
    for (int i = 0; i < points.size(); i++) {
      URI uri = URI.create(base + "/?" + query(OsmAndFixEncoder.params(id, points.get(i))));
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(settings.answerTimeout()).GET().build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return result(acked, rejected, SendResult.unavailable(0, endpoint() + ": " + describe(e)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result(acked, rejected, SendResult.unavailable(0, "interrupted"));
      }
      int status = response.statusCode();
      String body = abbreviate(response.body());
      if (status >= 200 && status < 300) {
        registration.accepted();
        acked.set(i);
        last = new SendResult(SendResult.Outcome.ACCEPTED, status, 0, 1, "");
      } else if (status == 404) {
        String refusal =
            "OsmAnd id " + id + " at " + endpoint() + " is unknown (404: " + body + ")";
        registration.refused(refusal);
        return result(acked, rejected, SendResult.unavailable(SendResult.UNKNOWN_DEVICE, refusal));
      } else if (status >= 500 || status == 429 || status == 408) {
        return result(acked, rejected, SendResult.unavailable(status, body));
      } else {
        rejected.set(i);
        last = new SendResult(SendResult.Outcome.REJECTED, status, 0, 1, body);
      }
    }
    return result(acked, rejected, last);
  }

  /** {@code name=value&...}, URL-encoded. */
  public static String query(Map<String, String> params) {
    StringJoiner q = new StringJoiner("&");
    params.forEach(
        (name, value) ->
            q.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return q.toString();
  }

  private static Delivery result(BitSet acked, BitSet rejected, SendResult last) {
    return new Delivery(
        acked,
        rejected,
        new SendResult(
            last.outcome(), last.status(), acked.cardinality(), last.attempts(), last.detail()));
  }

  private static String describe(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused (is it running?)";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String abbreviate(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    String line = body.strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }
}
