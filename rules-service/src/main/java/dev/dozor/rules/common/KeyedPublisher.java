package dev.dozor.rules.common;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends records on an emitter, each with its Kafka key, in order, and completes once Kafka
 * acknowledged every one of them ({@code acks=all}), or fails with the first send error. The
 * producers of violations, segment passes and site visits share it: a telemetry batch is
 * acknowledged only after all of them.
 */
public final class KeyedPublisher {
  private KeyedPublisher() {}

  public static <T> Uni<Void> publish(
      Emitter<T> emitter, List<T> records, Function<T, String> key) {
    if (records.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    CompletableFuture<?>[] acks = new CompletableFuture<?>[records.size()];
    for (int i = 0; i < records.size(); i++) {
      T record = records.get(i);
      CompletableFuture<Void> acked = new CompletableFuture<>();
      acks[i] = acked;
      emitter.send(
          Message.of(
              record,
              Metadata.of(
                  OutgoingKafkaRecordMetadata.<String>builder().withKey(key.apply(record)).build()),
              () -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
              },
              failure -> {
                acked.completeExceptionally(failure);
                return CompletableFuture.completedFuture(null);
              }));
    }
    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks));
  }
}
