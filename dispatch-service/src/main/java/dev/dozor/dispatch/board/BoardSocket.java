package dev.dozor.dispatch.board;

import dev.dozor.dispatch.violation.Violation;
import dev.dozor.dispatch.violation.ViolationFilter;
import dev.dozor.dispatch.violation.ViolationService;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code /ws/board}: on open, the snapshot of all positions and the active violations (oldest
 * first); afterwards {@link BoardBroadcaster} pushes changes (those broadcast while the snapshot is
 * sent follow it). The upgrade request is secured by the HTTP permission on {@code /*} (role {@code
 * dispatcher}).
 */
@WebSocket(path = "/ws/board", endpointId = BoardSocket.ENDPOINT_ID)
public class BoardSocket {
  static final String ENDPOINT_ID = "board";

  @Inject PositionBoard board;
  @Inject BoardBroadcaster broadcaster;
  @Inject ViolationService violations;
  @Inject BoardConfig config;

  @OnOpen
  public Uni<Void> onOpen(WebSocketConnection connection) {
    broadcaster.opening(connection);
    String snapshot = broadcaster.toJson(new BoardMessage.Positions(true, board.snapshot()));
    return connection
        .sendText(snapshot)
        .chain(() -> violations.search(ViolationFilter.active(config.activeViolationsOnOpen())))
        .chain(
            active -> {
              List<Violation> oldestFirst = new ArrayList<>(active);
              Collections.reverse(oldestFirst);
              return Multi.createFrom()
                  .iterable(oldestFirst)
                  .onItem()
                  .transformToUniAndConcatenate(
                      v ->
                          connection.sendText(
                              broadcaster.toJson(new BoardMessage.ViolationChanged(v))))
                  .collect()
                  .last()
                  .replaceWithVoid();
            })
        .chain(() -> broadcaster.opened(connection))
        .onFailure()
        .invoke(e -> broadcaster.closed(connection));
  }

  @OnClose
  public void onClose(WebSocketConnection connection) {
    broadcaster.closed(connection);
  }
}
