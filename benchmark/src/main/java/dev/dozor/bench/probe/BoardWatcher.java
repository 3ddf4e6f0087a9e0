package dev.dozor.bench.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.bench.BenchException;
import dev.dozor.events.JsonSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A dispatcher's board client: connects to {@code /ws/board} with HTTP Basic and records, for each
 * violation episode of the run's vehicles, when its first OPENED message arrived.
 */
public final class BoardWatcher implements WebSocket.Listener, AutoCloseable {
  /**
   * An OPENED episode as the board showed it.
   *
   * @param violationId episode id
   * @param regulationId e.g. SPD-001
   * @param vehicleId vehicle
   * @param eventTime fix time of the point that opened it ({@code lastEventTime})
   * @param receivedAt when the board message arrived here
   */
  public record Opened(
      String violationId,
      String regulationId,
      String vehicleId,
      Instant eventTime,
      Instant receivedAt) {}

  private final String vehiclePrefix;
  private final Map<String, Opened> opened = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile long messages;
  private WebSocket socket;

  private BoardWatcher(String vehiclePrefix) {
    this.vehiclePrefix = vehiclePrefix;
  }

  /** Connects to {@code dispatch}/ws/board as {@code dispatcher}. */
  public static BoardWatcher connect(URI dispatch, String password, String vehiclePrefix) {
    BoardWatcher w = new BoardWatcher(vehiclePrefix);
    URI ws = URI.create(dispatch.toString().replaceFirst("^http", "ws") + "/ws/board");
    String basic =
        Base64.getEncoder()
            .encodeToString(("dispatcher:" + password).getBytes(StandardCharsets.UTF_8));
    try {
      w.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .header("Authorization", "Basic " + basic)
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(ws, w)
              .get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new BenchException(
          "cannot open the board WebSocket "
              + ws
              + " as dispatcher (wrong --dispatcher-password?): "
              + e,
          e);
    }
    return w;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    Instant now = Instant.now();
    synchronized (partial) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        handle(text, now);
      }
    }
    webSocket.request(1);
    return null;
  }

  private void handle(String text, Instant now) {
    messages++;
    try {
      JsonNode node = JsonSerde.mapper().readTree(text);
      if (!"violation".equals(node.path("type").asText())) {
        return;
      }
      JsonNode item = node.path("item");
      String vehicle = item.path("vehicleId").asText("");
      if (!vehicle.startsWith(vehiclePrefix) || !"OPENED".equals(item.path("status").asText())) {
        return;
      }
      String id = item.path("id").asText();
      String eventTime = item.path("lastEventTime").asText(null);
      if (eventTime == null) {
        return;
      }
      opened.putIfAbsent(
          id,
          new Opened(
              id, item.path("regulationId").asText(), vehicle, Instant.parse(eventTime), now));
    } catch (Exception e) {
      // a message we cannot read is not a latency sample
    }
  }

  public List<Opened> opened() {
    return new ArrayList<>(opened.values());
  }

  public long messages() {
    return messages;
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
      socket.abort();
    }
  }
}
