package dev.dozor.dispatch.board;

import dev.dozor.events.TelemetryPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the live board from {@code dozor.telemetry.v1}. Every instance has its own consumer group
 * and starts at the latest offset: the board is a view of now, not a store (telemetry-service keeps
 * the history and dead-letters poison points).
 */
@ApplicationScoped
public class BoardTelemetryConsumer {
  private static final Logger LOG = Logger.getLogger(BoardTelemetryConsumer.class);

  @Inject PositionBoard board;

  @Incoming("board-telemetry")
  public void consume(List<TelemetryPoint> points) {
    List<TelemetryPoint> readable = points.stream().filter(Objects::nonNull).toList();
    if (readable.size() < points.size()) {
      LOG.warnf(
          "%d unreadable telemetry records skipped by the board (see telemetry-service DLQ)",
          points.size() - readable.size());
    }
    board.offerAll(readable);
  }
}
