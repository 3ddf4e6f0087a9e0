package dev.dozor.dispatch.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.dispatch.violation.Violation;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Pushes board messages to every connected dispatcher: changed positions at most once per {@link
 * BoardConfig#pushInterval()}, violations as soon as they are stored.
 *
 * <p>A new connection first gets its snapshot ({@link BoardSocket}); what is broadcast while that
 * is being sent waits and follows it in order, so a client never sees a live change before the
 * snapshot it changes. A connection not yet opening gets nothing: the snapshot it is about to take
 * already holds the change (positions are on the board, violations stored, before they are
 * broadcast).
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
  // guarded by this: connections sending their snapshot (with what waits for it), and those done
  private final Map<String, List<String>> held = new HashMap<>();
  private final Set<String> live = new HashSet<>();

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

  /** The connection is about to take its snapshot: broadcasts to it wait until {@link #opened}. */
  synchronized void opening(WebSocketConnection c) {
    held.put(c.id(), new ArrayList<>());
  }

  /** Its snapshot was sent: what waited goes out in order, then broadcasts reach it directly. */
  Uni<Void> opened(WebSocketConnection c) {
    List<String> waiting;
    synchronized (this) {
      waiting = held.remove(c.id());
      live.add(c.id());
    }
    if (waiting == null || waiting.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(waiting)
        .onItem()
        .transformToUniAndConcatenate(c::sendText)
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** The connection closed (or its opening failed). */
  synchronized void closed(WebSocketConnection c) {
    held.remove(c.id());
    live.remove(c.id());
  }

  private void broadcast(String json) {
    for (WebSocketConnection c : connections.findByEndpointId(BoardSocket.ENDPOINT_ID)) {
      if (!c.isOpen() || !deliverNow(c, json)) {
        continue;
      }
      c.sendText(json)
          .subscribe()
          .with(
              ok -> {},
              e -> LOG.debugf("board push to connection %s failed: %s", c.id(), e.toString()));
    }
  }

  /** Whether to send now; a connection sending its snapshot keeps the message for later. */
  private synchronized boolean deliverNow(WebSocketConnection c, String json) {
    List<String> waiting = held.get(c.id());
    if (waiting != null) {
      waiting.add(json);
      return false;
    }
    return live.contains(c.id());
  }
}
