package dev.dozor.dispatch.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.dispatch.violation.Violation;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Pushes board messages to every connected dispatcher: changed positions at most once per {@link
 * BoardConfig#pushInterval()}, violations as soon as they are stored.
 */
@ApplicationScoped
public class BoardBroadcaster {
  private static final Logger LOG = Logger.getLogger(BoardBroadcaster.class);

  @Inject OpenConnections connections;
  @Inject PositionBoard board;
  @Inject ObjectMapper mapper;
  @Inject BoardConfig config;
  @Inject Vertx vertx;

  private long timerId = -1;

  void start(@Observes StartupEvent event) {
    timerId = vertx.setPeriodic(config.pushInterval().toMillis(), id -> pushChangedPositions());
  }

  void stop(@Observes ShutdownEvent event) {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /** Sends the vehicles that moved since the last push, if any. */
  void pushChangedPositions() {
    List<VehiclePosition> changed = board.drainChanged();
    if (!changed.isEmpty()) {
      broadcast(toJson(new BoardMessage.Positions(false, changed)));
    }
  }

  /** Tells every client about a stored violation change. */
  public void violation(Violation violation) {
    broadcast(toJson(new BoardMessage.ViolationChanged(violation)));
  }

  String toJson(Object message) {
    try {
      return mapper.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise board message", e);
    }
  }

  private void broadcast(String json) {
    for (WebSocketConnection c : connections.findByEndpointId(BoardSocket.ENDPOINT_ID)) {
      if (c.isOpen()) {
        c.sendText(json)
            .subscribe()
            .with(
                ok -> {},
                e -> LOG.debugf("board push to connection %s failed: %s", c.id(), e.toString()));
      }
    }
  }
}
