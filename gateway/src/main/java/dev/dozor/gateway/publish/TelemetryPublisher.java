package dev.dozor.gateway.publish;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes points to {@link Topics#TELEMETRY}, keyed by vehicle id, and reports success only when
 * Kafka acknowledged every one of them.
 */
@ApplicationScoped
public class TelemetryPublisher {
  private final Producer<String, TelemetryPoint> producer;

  public TelemetryPublisher(Producer<String, TelemetryPoint> producer) {
    this.producer = producer;
  }

  /**
   * Sends all points; the Uni yields their count once Kafka acknowledged all of them, or fails
   * (after every send has finished) when any was not acknowledged. {@code send} can block up to
   * {@code max.block.ms} when the broker is unknown, so call this from a worker thread.
   */
  public Uni<Integer> publish(List<TelemetryPoint> points) {
    CompletableFuture<?>[] acks = new CompletableFuture<?>[points.size()];
    for (int i = 0; i < points.size(); i++) {
      acks[i] = send(points.get(i));
      if (acks[i].isCompletedExceptionally()) {
        // the broker is unreachable: blocking once per remaining point would only delay the answer
        acks = java.util.Arrays.copyOf(acks, i + 1);
        break;
      }
    }
    return Uni.createFrom()
        .completionStage(CompletableFuture.allOf(acks))
        .replaceWith(points.size());
  }

  private CompletableFuture<Void> send(TelemetryPoint point) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(Topics.TELEMETRY, point.vehicleId(), point),
          (metadata, error) -> {
            if (error == null) {
              ack.complete(null);
            } else {
              ack.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      ack.completeExceptionally(e);
    }
    return ack;
  }
}
